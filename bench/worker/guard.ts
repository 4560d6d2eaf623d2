import type { MiddlewareHandler } from "hono";
import { getConfig } from "../../src/env";
import type { AppEnv } from "../../src/platform/context";
import { AppError } from "../../src/platform/errors";

/**
 * Bench-only routes exist to measure a mechanism against the same work without it. They answer
 * 404 unless the Worker runs in development or test AND the BENCH_ROUTES var is "true" (set only
 * by the benchmark harness). They live only in the bench Worker (./index.ts), never in the
 * bundle `wrangler deploy` ships; the guard still keeps a bench build pointed at a real
 * environment from serving them.
 */
export function benchOnly(): MiddlewareHandler<AppEnv> {
  return async function benchOnlyMiddleware(c, next) {
    const { ENVIRONMENT } = getConfig(c.env);
    const enabled =
      (ENVIRONMENT === "development" || ENVIRONMENT === "test") && c.env.BENCH_ROUTES === "true";
    if (!enabled) throw new AppError("not_found", "No such route.");
    await next();
  };
}
