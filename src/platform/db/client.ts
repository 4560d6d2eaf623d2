import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Env } from "../../env";
import {
  type DriverClient,
  inliningClient,
  openWorkerSocket,
  pipelineTransactions,
  postgresTransactions,
  READY_PROBE,
} from "./driver";
import type { DatabaseHandle, QueryStats } from "./handle";
import { openNeonDatabase } from "./neon";
import * as schema from "./schema";

// The handle's types live in handle.ts, which neon.ts (the other driver) imports too.
export type {
  Database,
  DatabaseHandle,
  QueryStats,
  Transaction,
  TransactionStart,
} from "./handle";

/**
 * Opens a postgres.js client over a connection string (the Hyperdrive binding's, in the Worker).
 * No connection is made until the first query. Hyperdrive pools connections at the edge, so a
 * small per-request pool suffices.
 */
export function openDatabase(connectionString: string, maxConnections = 5): DatabaseHandle {
  const stats: QueryStats = { queries: 0, ms: 0 };
  const client = postgres(connectionString, {
    max: maxConnections,
    fetch_types: false,
    connect_timeout: 5,
    // No named prepared statements. With `prepare: true` postgres.js caches its own `commit`,
    // `rollback` and `savepoint` as named statements per client connection; a transaction-mode
    // pooler without prepared-statement tracking (PgBouncer < 1.21, Debian's 1.18) moves the next
    // transaction to another server connection, the Bind fails (26000), the transaction aborts,
    // the driver re-sends `commit` and Postgres answers ROLLBACK with no error: an acknowledged
    // write is lost. Nothing is lost by turning it off: every request opens a fresh client, so the
    // cache never outlived a request, and drizzle's own queries were already unnamed. Round trips
    // are unchanged (docs/database.md has the figures).
    prepare: false,
    // Statements carry their values as literals (driver/inline.ts): the server must read our bytes
    // as the UTF-8 they are, whatever the database's own encoding, for quoting to be exact.
    connection: { client_encoding: "UTF8" },
    onnotice: () => {},
    // Hyperdrive's connection string carries no TLS (the hop to Hyperdrive is inside Cloudflare).
    // `socket` is a documented postgres.js option missing from its type definitions.
    ...({ socket: openWorkerSocket } as object),
    debug: (_connection: number, text: string) => {
      if (text !== READY_PROBE) stats.queries++;
    },
  });
  // Values travel inside the statement text, and on one connection BEGIN and SAVEPOINT leave
  // with the statements behind them: driver/index.ts states what is pipelined and what is not.
  const raw = client as unknown as DriverClient;
  const driver = maxConnections === 1 ? pipelineTransactions(raw) : raw;
  const inlining = inliningClient(driver);
  const db = drizzle(inlining as never, { schema });
  return {
    db,
    stats,
    transaction: postgresTransactions(inlining),
    close: () => client.end({ timeout: 5 }),
  };
}

const LOCAL_ENVIRONMENTS = new Set<string>(["development", "test"]);

/**
 * Opens the database a request uses: Postgres through the Hyperdrive binding, or Neon reached
 * directly with its serverless driver when the `NEON_DATABASE_URL` secret is set.
 * `NEON_WS_PROXY` (a local WebSocket-to-TCP proxy) is honoured in development and tests only.
 * `maxConnections` bounds the handle's pool (each connection is one of the invocation's sockets).
 */
export function openRequestDatabase(env: Env, maxConnections = 5): DatabaseHandle {
  if (!env.NEON_DATABASE_URL) return openDatabase(env.HYPERDRIVE.connectionString, maxConnections);
  if (env.NEON_WS_PROXY && !LOCAL_ENVIRONMENTS.has(env.ENVIRONMENT)) {
    throw new Error("NEON_WS_PROXY is for development and tests only");
  }
  return openNeonDatabase(
    env.NEON_DATABASE_URL,
    env.NEON_WS_PROXY ? { wsProxy: env.NEON_WS_PROXY, maxConnections } : { maxConnections },
  );
}

/**
 * Opens the database for the system's own work (cron jobs, queue consumers): the same connection
 * as a request's, named for its callers, which are not requests and keep a handle of their own.
 */
export const openSystemDatabase: (env: Env, maxConnections?: number) => DatabaseHandle =
  openRequestDatabase;

/** The rows of a raw `execute()` result: an array (postgres.js) or `{ rows }` (Neon). */
export function rowsOf<T extends Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] } | null)?.rows ?? []) as T[];
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
