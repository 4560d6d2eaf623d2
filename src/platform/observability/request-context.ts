import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "../context";
import { openRequestDatabase } from "../db";
import { handleError } from "../error-handler";
import { AfterResponse } from "./after-response";
import { observeRequest } from "./analytics";
import type { DoCallStats } from "./do-calls";
import { log } from "./logger";
import { resolveRequestId } from "./request-id";

/**
 * Formats the Server-Timing header: total and database time with the query count, and the
 * Durable Object call count (`do;desc="N calls"`, no duration: calls may overlap).
 */
export function serverTiming(
  totalMs: number,
  dbMs: number,
  queries: number,
  doCalls: number,
): string {
  const db = `db;dur=${dbMs.toFixed(1)};desc="${queries} queries"`;
  return `total;dur=${totalMs.toFixed(1)}, ${db}, do;desc="${doCalls} calls"`;
}

/**
 * First middleware of every request: request id, the per-request database handle (opened lazily,
 * closed after the response), Server-Timing, and one JSON log line when the request ends.
 */
export function requestContext(): MiddlewareHandler<AppEnv> {
  return async function requestContextMiddleware(c, next) {
    const started = performance.now();
    const requestId = resolveRequestId(c.req.header("x-request-id"));
    c.set("requestId", requestId);
    // One connection a request: its transactions take turns on it, pipelined (db/driver/pipeline.ts).
    const database = openRequestDatabase(c.env, 1);
    c.set("database", database);
    const afterResponse = new AfterResponse();
    c.set("afterResponse", afterResponse);
    c.set("principal", undefined);
    c.set("errorCode", undefined);
    c.set("trafficCounted", false);
    const doCalls: DoCallStats = { calls: 0, afterResponse: 0 };
    c.set("doCalls", doCalls);
    try {
      await next();
    } catch (thrown) {
      // Hono hands only Error instances to onError and rethrows anything else (a thrown string
      // or object): answer those through the same handler, as a bare 500.
      c.res = handleError(new Error(`non-Error value thrown: ${String(thrown)}`), c) as Response;
    } finally {
      // After-response work (relay, last_used_at) runs on this handle; it closes after the last task.
      c.executionCtx.waitUntil(
        afterResponse.drain(() => database.close(), { request_id: requestId }),
      );
    }
    const durationMs = performance.now() - started;
    const { queries, ms } = database.stats;
    const route = routePath(c, -1);
    // Before the header: an error response may still call the tenant's object to count it.
    observeRequest(c, { route, durationMs, dbMs: ms, dbQueries: queries });
    c.header("X-Request-Id", requestId);
    c.header("Server-Timing", serverTiming(durationMs, ms, queries, doCalls.calls));
    log(c.res.status >= 500 ? "error" : "info", "request", {
      request_id: requestId,
      tenant_id: c.var.principal?.tenantId,
      method: c.req.method,
      route,
      status: c.res.status,
      error_code: c.var.errorCode,
      duration_ms: Math.round(durationMs * 10) / 10,
      db_queries: queries,
      db_ms: Math.round(ms * 10) / 10,
      do_calls: doCalls.calls,
      do_calls_after: doCalls.afterResponse,
    });
  };
}
