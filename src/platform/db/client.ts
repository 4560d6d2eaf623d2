import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import { openWorkerSocket } from "./socket";

/** The drizzle database over one request's postgres.js client. */
export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle, as passed to `db.transaction(fn)`. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Per-request database figures, reported in logs and Server-Timing. */
export interface QueryStats {
  queries: number;
  /** Wall time spent inside database work (transactions and one-off queries), in ms. */
  ms: number;
}

/** A request's database access: the drizzle handle, its figures and the way to close it. */
export interface DatabaseHandle {
  db: Database;
  stats: QueryStats;
  close(): Promise<void>;
}

/**
 * Opens a postgres.js client over a connection string (the Hyperdrive binding's, in the Worker).
 * No connection is made until the first query. Hyperdrive pools connections at the edge, so a
 * small per-request pool suffices; prepared statements stay on (Hyperdrive supports them).
 */
export function openDatabase(connectionString: string): DatabaseHandle {
  const stats: QueryStats = { queries: 0, ms: 0 };
  const client = postgres(connectionString, {
    max: 5,
    fetch_types: false,
    connect_timeout: 5,
    onnotice: () => {},
    // Hyperdrive's connection string carries no TLS (the hop to Hyperdrive is inside Cloudflare).
    // `socket` is a documented postgres.js option missing from its type definitions.
    ...({ socket: openWorkerSocket } as object),
    debug: () => {
      stats.queries++;
    },
  });
  const db = drizzle(client, { schema });
  return {
    db,
    stats,
    close: () => client.end({ timeout: 5 }),
  };
}

/** Adds the wall time of `work` to the request's database time. */
export async function timed<T>(stats: QueryStats, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    stats.ms += performance.now() - started;
  }
}
