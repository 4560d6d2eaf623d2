// Catalog and orders: one book read, a page of 100 books, and an order that reserves stock
// (one transaction: books locked in id order, a conditional stock UPDATE, order, lines, audit,
// outbox event). Each is compared with /health/ready (one Postgres round trip plus R2 and the
// Durable Objects) in the same run. Queries per request are read from one sample response's
// Server-Timing (`db;…;desc="N queries"`) and kept in the scenario's description.
import {
  isbn13,
  json,
  keysInBlocks,
  keysNeeded,
  mintKeys,
  unlimitedTenant,
} from "../lib/fixtures.mjs";

const SCENARIO_COUNT = 3;
const LIST_SIZE = 100;

let shared;
/**
 * One enterprise tenant with a raised hourly limit, editor keys for each scenario (enough that
 * the per-credential limit, 100/min, never shapes a figure), LIST_SIZE books, one deep-stock book.
 */
function catalogTenant(ctx) {
  shared ??= (async () => {
    const { tenantId, apiKey } = await unlimitedTenant(ctx, "Bench catalog");
    const count = keysNeeded(ctx);
    const keySets = await Promise.all(
      Array.from({ length: SCENARIO_COUNT }, (_, set) =>
        mintKeys(ctx, apiKey, { count, role: "editor", name: `bench catalog ${set}` }),
      ),
    );
    const keys = keySets.flat();
    const createBook = (i, stock) =>
      ctx
        .api("/v2/books", {
          method: "POST",
          apiKey: keys[i % keys.length],
          json: {
            isbn: isbn13(),
            title: `Bench book ${i}`,
            authors: ["Bench"],
            price: { amount: 1250, currency: "EUR" },
            stock,
          },
        })
        .then((r) => json(r, "creating a bench book"));
    const deep = await createBook(0, 2_000_000_000);
    for (let i = 1; i < LIST_SIZE; i += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, j) => createBook(i + j, 10)));
    }
    return { tenantId, keySets, bookId: deep.id };
  })();
  return shared;
}

/**
 * Sends a few requests like the scenario's and notes their query counts in the description:
 * the median, and the range. One key, warmed first: a credential's first use in an isolate (and
 * its revalidation every few seconds) adds the credential lookup's queries.
 */
async function noteQueries(scenario, ctx, request) {
  const counts = [];
  let status;
  for (let i = 0; i < 6; i++) {
    const response = await ctx.api(request.path, {
      method: request.method,
      apiKey: ctx.keys[0],
      json: request.body,
    });
    await response.arrayBuffer();
    status = response.status;
    const match = /desc="(\d+) queries"/.exec(response.headers.get("server-timing") ?? "");
    if (match && i > 0) counts.push(Number(match[1]));
  }
  counts.sort((a, b) => a - b);
  const median = counts[Math.floor(counts.length / 2)] ?? "?";
  const note = `${median} queries/request (median of ${counts.length}; ${counts[0]}-${counts.at(-1)}; HTTP ${status})`;
  console.log(`[bench] ${scenario.name}: ${note}`);
  scenario.description += `; ${note}`;
  return typeof median === "number" ? median : null;
}

/** A scenario over the shared tenant whose description records its queries per request. */
function catalogScenario(index, name, description, build) {
  const scenario = {
    name,
    description,
    compareTo: "health-ready",
    async setup(ctx) {
      const { keySets, ...rest } = await catalogTenant(ctx);
      const state = { ...rest, keys: keySets[index] };
      const queries = await noteQueries(
        scenario,
        { ...ctx, ...state },
        build({ ...ctx, ...state }),
      );
      // Kept in the run's results (bench/run.mjs `record`): the baseline holds it exactly.
      return { ...state, record: { queries_per_request: queries } };
    },
    request: (ctx) => ({ ...build(ctx), setupRequest: keysInBlocks(ctx.keys) }),
  };
  return scenario;
}

/** @type {import("../lib/scenario.mjs").Scenario[]} */
export const scenarios = [
  catalogScenario(0, "catalog-get-book", "GET /v2/books/:id: one book with its ETag", (ctx) => ({
    method: "GET",
    path: `/v2/books/${ctx.bookId}`,
  })),
  catalogScenario(1, "catalog-list-100", `GET /v2/books?limit=${LIST_SIZE}: a full page`, () => ({
    method: "GET",
    path: `/v2/books?limit=${LIST_SIZE}`,
  })),
  catalogScenario(
    2,
    "catalog-create-order",
    "POST /v2/orders: one line, stock reserved in one transaction",
    (ctx) => ({
      method: "POST",
      path: "/v2/orders",
      body: { lines: [{ book_id: ctx.bookId, quantity: 1 }] },
    }),
  ),
];
