// The ops API: GET /admin/ops/tenants reads every tenant's live counters (one RPC to each
// tenant's RateLimiter object, in parallel) and the webhook backlog (one grouped Postgres query);
// GET /admin/ops/tenants/{id} reads one tenant, its hourly usage and its endpoints.
const TENANTS = 50;

let shared;
/** TENANTS tenants with a little traffic each, so every counter object exists. */
function opsTenants(ctx) {
  shared ??= (async () => {
    const count = ctx.smoke ? 3 : TENANTS;
    const tenants = [];
    for (let i = 0; i < count; i++) {
      tenants.push(await ctx.provisionTenant({ name: `Bench ops ${i}` }));
    }
    await Promise.all(
      tenants.map((t) =>
        ctx.api("/v2/api-keys?limit=1", { apiKey: t.apiKey }).then((r) => r.text()),
      ),
    );
    return { tenantId: tenants[0].tenantId, tenantCount: count };
  })();
  return shared;
}

/** @type {import("../lib/scenario.mjs").Scenario[]} */
export const scenarios = [
  {
    name: "ops-tenants",
    description: `GET /admin/ops/tenants?window=1h over ${TENANTS} tenants (one DO call each + one backlog query)`,
    setup: opsTenants,
    request: (ctx) => ({
      method: "GET",
      path: "/admin/ops/tenants?window=1h",
      headers: { authorization: `Bearer ${ctx.operatorToken}` },
    }),
    connections: 2,
  },
  {
    name: "ops-tenant-detail",
    description:
      "GET /admin/ops/tenants/{id}: counters, hourly usage, backlog and endpoints of one tenant",
    setup: opsTenants,
    request: (ctx) => ({
      method: "GET",
      path: `/admin/ops/tenants/${ctx.tenantId}`,
      headers: { authorization: `Bearer ${ctx.operatorToken}` },
    }),
    compareTo: "ops-tenants",
    connections: 2,
  },
];
