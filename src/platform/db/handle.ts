import type { SQL } from "drizzle-orm";
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
  /**
   * Runs `work` in a transaction that begins as `start` says, and ends it with the driver's
   * COMMIT (or ROLLBACK when `work` throws). Use `checkedTransaction` (driver/checked.ts), which
   * also checks that COMMIT was acknowledged, rather than this.
   */
  transaction<T>(start: TransactionStart, work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** How a transaction begins: the statement it runs first (role, tenant, timeouts), and its mode. */
export interface TransactionStart {
  setup?: SQL;
  /**
   * The work only reads: the transaction begins `read only` (Postgres refuses any write), there is
   * no checked COMMIT, and on the pipelined client no wait for the COMMIT's answer. A transaction
   * that wrote nothing has nothing a lost COMMIT could lose, and what it read was read. The COMMIT
   * still goes first on the connection, before anything sent after it.
   */
  readOnly: boolean;
}
