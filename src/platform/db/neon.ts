import { Client, type ClientConfig, Pool } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-serverless";
import { describeError, log } from "../observability/logger";
import type { DatabaseHandle, QueryStats } from "./handle";
import * as schema from "./schema";

/** Options of the Neon driver beyond the connection string. */
export interface NeonOptions {
  /**
   * `host:port` of a WebSocket-to-TCP proxy in front of an ordinary Postgres. Development and
   * tests only: the hop to the proxy is plain `ws://`. Unset, the driver speaks `wss://` to the
   * Neon endpoint named in the connection string, which runs its own proxy.
   */
  wsProxy?: string;
  /** Most connections the pool opens (default 5). */
  maxConnections?: number;
}

/** A driver Client class that reaches Postgres through the given local proxy. */
function proxiedClient(wsProxy: string): typeof Client {
  return class ProxiedClient extends Client {
    constructor(config?: string | ClientConfig) {
      super(config);
      // Per-client settings: the module-wide `neonConfig` stays untouched for other pools.
      this.neonConfig.wsProxy = wsProxy;
      this.neonConfig.useSecureWebSocket = false;
      // Pipelining assumes cleartext password authentication, which a local server may not use.
      this.neonConfig.pipelineConnect = false;
    }
  };
}

/**
 * Opens Neon's serverless driver (node-postgres over a WebSocket) for deployments that reach a
 * Neon database directly instead of through Hyperdrive. The pool keeps WebSocket connections, so
 * interactive transactions (`withTenant`, `withSystem`) work exactly as over TCP. Returns the same
 * handle as `openDatabase`; no connection is made until the first query.
 */
export function openNeonDatabase(
  connectionString: string,
  options: NeonOptions = {},
): DatabaseHandle {
  const stats: QueryStats = { queries: 0, ms: 0 };
  const pool = new Pool({
    connectionString,
    max: options.maxConnections ?? 5,
    connectionTimeoutMillis: 5_000,
  });
  if (options.wsProxy) pool.Client = proxiedClient(options.wsProxy);
  let closing = false;
  // An idle connection that drops (the server or a proxy closed it) is reported on the pool, and
  // an EventEmitter error nobody listens to would be thrown as an uncaught exception. The pool has
  // already discarded the connection; closing the pool makes every connection report one.
  pool.on("error", (error: Error) => {
    if (!closing) log("warn", "idle Neon connection lost", describeError(error));
  });
  // Every statement drizzle sends (begin and commit included) passes through its logger.
  const logger = {
    logQuery: () => {
      stats.queries++;
    },
  };
  const db = drizzle({ client: pool, schema, logger });
  return {
    db,
    stats,
    // The setup is the transaction's first statement, awaited: node-postgres sends one at a time.
    transaction: (start, work) =>
      db.transaction(async (tx) => {
        if (start.setup) await tx.execute(start.setup);
        return work(tx);
      }),
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}
