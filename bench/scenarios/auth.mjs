// Authentication's cost: the same tenant summary (GET /v2/tenant's work) behind API-key
// authentication and without it. Both are bench-only routes without the rate limiter, so the
// difference is authentication alone (hash, isolate cache, a credential lookup every 3 s).

let tenant;
async function benchTenant(ctx) {
  tenant ??= await ctx.provisionTenant({ name: "Bench auth", plan: "enterprise" });
  return tenant;
}

/** @type {import("../lib/scenario.mjs").Scenario[]} */
export const scenarios = [
  {
    name: "tenant-no-auth",
    description: "GET /bench/tenant/:id: tenant summary, no authentication",
    setup: benchTenant,
    request: (ctx) => ({ method: "GET", path: `/bench/tenant/${ctx.tenantId}` }),
  },
  {
    name: "tenant-api-key",
    description: "GET /bench/tenant: the same summary behind API-key authentication",
    setup: benchTenant,
    request: (ctx) => ({
      method: "GET",
      path: "/bench/tenant",
      headers: { authorization: `Bearer ${ctx.apiKey}` },
    }),
    compareTo: "tenant-no-auth",
  },
];
