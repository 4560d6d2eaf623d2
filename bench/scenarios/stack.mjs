// What the whole /v2 middleware stack costs, in one run: GET /v2/books/{id} (request id and
// context, body limit, authentication with the tenant's status, rate limit, relay, idempotency
// lookup, the request log and analytics) against the same handler (books service, one-book read)
// mounted bare at /bench/bare/tenants/{tenant}/books/{id}: no middleware at all, the tenant named
// in the path (bench/worker/stack-routes.ts; 404 unless the Worker runs in development/test
// with BENCH_ROUTES = "true"). The report prints stack/bare; the goal is a ratio ≥ 0.8.
import { isbn13, json } from "../lib/fixtures.mjs";

/**
 * Keys used one after another, each for a block of PER_KEY requests: under the per-credential
 * limit (100/min) whatever the rate (up to KEY_COUNT × PER_KEY requests per scenario), and cached
 * in the isolate as a busy client's key is (one credential lookup per key per 3 s TTL).
 */
const KEY_COUNT = 80;
const PER_KEY = 90;
/** Keys one admin "minter" key creates: under its own 100/min. */
const KEYS_PER_MINTER = 40;
/** Requests sent so far through the stack, across the warm-up and the measured run. */
let sent = 0;

let shared;
/** One enterprise tenant with a raised hourly limit, KEY_COUNT viewer keys and one book. */
function stackTenant(ctx) {
  shared ??= (async () => {
    const { tenantId, apiKey } = await ctx.provisionTenant({
      name: "Bench stack",
      plan: "enterprise",
    });
    const operator = { authorization: `Bearer ${ctx.operatorToken}` };
    await json(
      await ctx.api(`/admin/tenants/${tenantId}`, {
        method: "PATCH",
        headers: operator,
        json: { limits: { requests_per_hour: 10_000_000 } },
      }),
      "raising the tenant's limit",
    );
    const book = await json(
      await ctx.api("/v2/books", {
        method: "POST",
        apiKey,
        json: {
          isbn: isbn13(),
          title: "Bench book",
          authors: ["Bench"],
          price: { amount: 1250, currency: "EUR" },
          stock: 10,
        },
      }),
      "creating the bench book",
    );
    const keys = [];
    const wanted = ctx.smoke ? 1 : KEY_COUNT;
    while (keys.length < wanted) {
      const minter = await json(
        await ctx.api("/v2/api-keys", {
          method: "POST",
          apiKey,
          json: { name: `bench stack minter ${keys.length}`, role: "admin" },
        }),
        "creating a minter key",
      );
      for (let i = 0; i < KEYS_PER_MINTER && keys.length < wanted; i++) {
        const created = await json(
          await ctx.api("/v2/api-keys", {
            method: "POST",
            apiKey: minter.key,
            json: { name: `bench stack ${keys.length}`, role: "viewer" },
          }),
          "creating a bench key",
        );
        keys.push(created.key);
      }
    }
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
    request: (ctx) => {
      return {
        method: "GET",
        path: `/v2/books/${ctx.bookId}`,
        setupRequest: (request) => {
          const key = ctx.keys[Math.floor(sent++ / PER_KEY) % ctx.keys.length];
          return { ...request, headers: { ...request.headers, authorization: `Bearer ${key}` } };
        },
      };
    },
    compareTo: "stack-bare",
  },
];
