import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

/**
 * The drizzle database of one request, whichever driver serves it (postgres.js through
 * Hyperdrive, or Neon's serverless driver). Query builders return the same rows on both; the raw
 * result of `execute()` differs by driver, so read it with `rowsOf()`.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle, as passed to `db.transaction(fn)`. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Per-request database figures, reported in logs and Server-Timing. */
export interface QueryStats {
  queries: number;
  /** Wall time spent inside database work (transactions and one-off queries), in ms. */
  ms: number;
}

/**
 * A request's database access: the drizzle handle, its figures and the way to close it. Both
 * drivers return one (client.ts for postgres.js, neon.ts for Neon); neither imports the other's
 * module for it.
 */
export interface DatabaseHandle {
  db: Database;
  stats: QueryStats;
  close(): Promise<void>;
}
