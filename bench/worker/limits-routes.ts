import { type Context, Hono } from "hono";
import { getOwnTenant } from "../../src/features/tenants/service";
import { authenticate } from "../../src/platform/auth/middleware";
import type { AppEnv } from "../../src/platform/context";
import { transactionPerCall } from "../../src/platform/db";
import { AppError } from "../../src/platform/errors";
import { doStub } from "../../src/platform/observability/do-calls";
import { rateLimit } from "../../src/platform/rate-limit/middleware";
import { benchOnly } from "./guard";

/** GET /v2/tenant's work (no rate-limit usage read), for the caller's tenant. */
async function tenantSummary(c: Context<AppEnv>) {
  const principal = c.var.principal;
  if (!principal) throw new AppError("unauthenticated");
  const ctx = {
    tenantId: principal.tenantId,
    actor: principal.actor,
    role: principal.role,
    requestId: c.var.requestId,
    database: transactionPerCall(c.var.database, principal.tenantId),
  };
  return c.json(await getOwnTenant({ ctx }), 200);
}

const BENCH_WINDOW_MS = 60_000;

/** `?key=` (what is counted) and `?limit=` (default 100, as the built-in binding's). */
function limitQuery(c: Context<AppEnv>) {
  const key = c.req.query("key") ?? "";
  const limit = Number(c.req.query("limit") ?? 100);
  if (!/^[\w-]{1,100}$/.test(key) || !Number.isInteger(limit) || limit < 1) {
    throw new AppError("validation_failed", "key (1-100 word characters) and limit (integer ≥ 1)");
  }
  return { key, limit };
}

const verdict = (c: Context<AppEnv>, allowed: boolean) =>
  allowed ? c.json({ allowed }, 200) : c.json({ allowed }, 429);

/**
 * /bench/limits: the rate limiter's cost and accuracy (bench/scenarios/limits.mjs). Answers 404
 * unless the Worker runs in development or test with BENCH_ROUTES = "true" (see ./guard.ts).
 */
export const benchLimitRoutes = new Hono<AppEnv>()
  .use("*", benchOnly())
  // The tenant summary behind authentication, without and with the rate limiter.
  .get("/limits/tenant/plain", authenticate(), tenantSummary)
  .get("/limits/tenant/limited", authenticate(), rateLimit(), tenantSummary)
  // One limiter decision, nothing else: our Durable Object (one object, as for one tenant)…
  .get("/limits/durable-object", async (c) => {
    const { key, limit } = limitQuery(c);
    const stub = doStub(c, c.env.RATE_LIMITER, "bench-limiter");
    const result = await stub.consume([{ name: "bench", key, limit, windowMs: BENCH_WINDOW_MS }]);
    return verdict(c, result.allowed);
  })
  // …and Workers' built-in ratelimits binding (limit 100 per 60 s, from wrangler.toml).
  .get("/limits/builtin", async (c) => {
    const { key } = limitQuery(c);
    const { success } = await c.env.BUILTIN_RATE_LIMITER.limit({ key });
    return verdict(c, success);
  });
