// Rate limiting and idempotency costs, in one run:
//  (a) the tenant summary behind authentication, without and with the rate limiter (one RPC to
//      the tenant's RateLimiter object per request);
//  (b) POST /v2/orders without and with an Idempotency-Key (a fresh key per request: the
//      IdempotencyStore lock, the Postgres record in the order's transaction, the completion);
//  (c) one limiter decision: our Durable Object against Workers' built-in `ratelimits` binding,
//      for throughput, plus an accuracy burst per limiter (admitted vs limit; the figure is
//      printed and kept in the scenario's description in the results file).
// (a) and (c) use bench-only routes (bench/worker/limits-routes.ts): 404 unless the
// Worker runs in development/test with BENCH_ROUTES = "true".
import { randomUUID } from "node:crypto";
import {
  createBenchBook,
  keysInBlocks,
  keysNeeded,
  mintKeys,
  unlimitedTenant,
} from "../lib/fixtures.mjs";

/** The scenarios that send authenticated traffic, each with its own keys. */
const KEYED = ["limits-tenant-plain", "limits-tenant-limited", "order-plain", "order-idempotent"];
const ACCURACY_BURST = 300;
const BUILTIN_LIMIT = 100; // wrangler.toml: simple = { limit = 100, period = 60 }

let shared;
/**
 * One tenant with a very high hourly limit, a book with ample stock, and editor keys for each
 * keyed scenario: enough that the per-credential limit (100/min) never shapes a figure.
 */
function limitsTenant(ctx) {
  shared ??= (async () => {
    const { tenantId, apiKey } = await unlimitedTenant(ctx, "Bench limits");
    const book = await createBenchBook(ctx, apiKey, 1_000_000_000);
    const count = keysNeeded(ctx);
    const keySets = await Promise.all(
      KEYED.map((name) => mintKeys(ctx, apiKey, { count, role: "editor", name: `bench ${name}` })),
    );
    return { tenantId, bookId: book.id, keySets };
  })();
  return shared;
}

/** Setup for a keyed scenario: the shared tenant, with that scenario's own keys. */
function keyedSetup(name) {
  return async (ctx) => {
    const { keySets, ...rest } = await limitsTenant(ctx);
    return { ...rest, keys: keySets[KEYED.indexOf(name)] };
  };
}

/** Fires ACCURACY_BURST concurrent decisions on one fresh key; how many were admitted. */
async function accuracy(ctx, route) {
  const key = randomUUID();
  const statuses = await Promise.all(
    Array.from({ length: ctx.smoke ? 20 : ACCURACY_BURST }, () =>
      ctx.api(`/bench/limits/${route}?key=${key}&limit=${BUILTIN_LIMIT}`).then((r) => r.status),
    ),
  );
  const admitted = statuses.filter((s) => s === 200).length;
  const refused = statuses.filter((s) => s === 429).length;
  const other = statuses.length - admitted - refused;
  const limit = BUILTIN_LIMIT;
  const verdict = admitted > limit ? `OVER-ADMITTED by ${admitted - limit}` : "no over-admission";
  const line = `accuracy ${route}: ${admitted} admitted of ${statuses.length} (limit ${limit}), ${refused} refused, ${other} other: ${verdict}`;
  console.log(`[bench] ${line}`);
  return line;
}

/** A decision scenario: the accuracy burst first (kept in the description), then throughput. */
function decisionScenario(name, route, compareTo) {
  const scenario = {
    name,
    description: `GET /bench/limits/${route}: one limiter decision (keys in turn, all admitted)`,
    async setup(ctx) {
      scenario.description += `; ${await accuracy(ctx, route)}`;
      return {};
    },
    request: () => {
      let next = 0;
      const run = randomUUID().slice(0, 8);
      return {
        method: "GET",
        path: `/bench/limits/${route}?key=x`,
        // 10,000 keys in turn: each stays under its limit, so every decision is an admission.
        setupRequest: (request) => ({
          ...request,
          path: `/bench/limits/${route}?key=${run}-${next++ % 10_000}`,
        }),
      };
    },
    ...(compareTo ? { compareTo } : {}),
  };
  return scenario;
}

/** @type {import("../lib/scenario.mjs").Scenario[]} */
export const scenarios = [
  {
    name: "limits-tenant-plain",
    description: "GET /bench/limits/tenant/plain: tenant summary, authentication, no rate limiter",
    setup: keyedSetup("limits-tenant-plain"),
    request: (ctx) => ({
      method: "GET",
      path: "/bench/limits/tenant/plain",
      setupRequest: keysInBlocks(ctx.keys),
    }),
  },
  {
    name: "limits-tenant-limited",
    description: "GET /bench/limits/tenant/limited: the same behind the rate limiter",
    setup: keyedSetup("limits-tenant-limited"),
    request: (ctx) => ({
      method: "GET",
      path: "/bench/limits/tenant/limited",
      setupRequest: keysInBlocks(ctx.keys),
    }),
    compareTo: "limits-tenant-plain",
  },
  {
    name: "order-plain",
    description: "POST /v2/orders without Idempotency-Key",
    setup: keyedSetup("order-plain"),
    request: (ctx) => ({
      method: "POST",
      path: "/v2/orders",
      body: { lines: [{ book_id: ctx.bookId, quantity: 1 }] },
      setupRequest: keysInBlocks(ctx.keys),
    }),
  },
  {
    name: "order-idempotent",
    description: "POST /v2/orders with a fresh Idempotency-Key per request",
    setup: keyedSetup("order-idempotent"),
    request: (ctx) => ({
      method: "POST",
      path: "/v2/orders",
      body: { lines: [{ book_id: ctx.bookId, quantity: 1 }] },
      setupRequest: keysInBlocks(ctx.keys, { idempotent: true }),
    }),
    compareTo: "order-plain",
  },
  decisionScenario("limiter-builtin", "builtin"),
  decisionScenario("limiter-durable-object", "durable-object", "limiter-builtin"),
];
