import { type Context, Hono } from "hono";
import { getOwnTenant } from "../../src/features/tenants/service";
import { authenticate } from "../../src/platform/auth/middleware";
import type { AppEnv } from "../../src/platform/context";
import { transactionPerCall } from "../../src/platform/db";
import { AppError } from "../../src/platform/errors";
import { isId } from "../../src/platform/ids";
import { benchOnly } from "./guard";

/** GET /v2/tenant's work for a tenant, without the v2 middleware around it. */
async function tenantSummary(c: Context<AppEnv>, tenantId: string) {
  const ctx = {
    tenantId,
    actor: c.var.principal?.actor ?? { type: "api_key" as const, id: "bench" },
    role: "viewer" as const,
    requestId: c.var.requestId,
    database: transactionPerCall(c.var.database, tenantId),
  };
  return c.json(await getOwnTenant({ ctx }), 200);
}

/**
 * /bench: the same work as a product route with and without one mechanism, for side-by-side
 * benchmarks. Not part of the public API (plain Hono routes, absent from the OpenAPI document).
 */
export const benchRoutes = new Hono<AppEnv>()
  .use("*", benchOnly())
  // API-key (or JWT) authentication, then the tenant summary; no rate limiter.
  .get("/tenant", authenticate(), (c) => tenantSummary(c, c.var.principal?.tenantId ?? ""))
  // The same summary with the tenant named in the path: no authentication at all.
  .get("/tenant/:id", (c) => {
    const tenantId = c.req.param("id");
    if (!isId("ten", tenantId)) throw new AppError("not_found");
    return tenantSummary(c, tenantId);
  });
