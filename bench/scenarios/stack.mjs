// What the whole /v2 middleware stack costs, in one run: GET /v2/books/{id} (request id and
// context, body limit, authentication with the tenant's status, rate limit, relay, idempotency
// lookup, the request log and analytics) against the same handler (books service, one-book read)
// mounted bare at /bench/bare/tenants/{tenant}/books/{id}: no middleware at all, the tenant named
// in the path (bench/worker/stack-routes.ts; 404 unless the Worker runs in development/test
// with BENCH_ROUTES = "true"). The report prints stack/bare; the goal is a ratio ≥ 0.8.
import {
  createBenchBook,
  keysInBlocks,
  keysNeeded,
  mintKeys,
  unlimitedTenant,
} from "../lib/fixtures.mjs";

let shared;
/**
 * One enterprise tenant with a raised hourly limit, one book, and viewer keys used one after
 * another in blocks: under the per-credential limit (100/min) whatever the rate, and cached in
 * the isolate as a busy client's key is (one credential lookup per key per 3 s TTL).
 */
function stackTenant(ctx) {
  shared ??= (async () => {
    const { tenantId, apiKey } = await unlimitedTenant(ctx, "Bench stack");
    const book = await createBenchBook(ctx, apiKey, 10);
    const keys = await mintKeys(ctx, apiKey, {
      count: keysNeeded(ctx),
      role: "viewer",
      name: "bench stack",
    });
    return { tenantId, bookId: book.id, keys };
  })();
  return shared;
}

/** @type {import("../lib/scenario.mjs").Scenario[]} */
export const scenarios = [
  {
    name: "stack-bare",
    description: "GET /bench/bare/tenants/{tenant}/books/{id}: the one-book read, no middleware",
    setup: stackTenant,
    request: (ctx) => ({
      method: "GET",
      path: `/bench/bare/tenants/${ctx.tenantId}/books/${ctx.bookId}`,
    }),
  },
  {
    name: "stack-v2",
    description: "GET /v2/books/{id}: the same read through the whole /v2 middleware stack",
    setup: stackTenant,
    request: (ctx) => ({
      method: "GET",
      path: `/v2/books/${ctx.bookId}`,
      setupRequest: keysInBlocks(ctx.keys),
    }),
    compareTo: "stack-bare",
  },
];
