// GraphQL against REST for the same read, side by side in one run: `{ book(id) { … } }` through
// POST /v2/graphql (the fields of REST's book representation) against GET /v2/books/{id}, one
// after the other over the same tenant and book, each with its own viewer keys in blocks (so no
// per-credential limit shapes a figure). The report prints graphql-book vs graphql-rest-book;
// the goal (issue 28) is ≥ 0.8 of the REST throughput. Queries per request come from one sample
// response's Server-Timing, as in the catalog scenarios; database flights per request are the
// latency run's (bench/lib/latency-routes.mjs, the "POST /v2/graphql book(id)" row).
import {
  createBenchBook,
  keysInBlocks,
  keysNeeded,
  mintKeys,
  unlimitedTenant,
} from "../lib/fixtures.mjs";
import { BOOK_QUERY } from "../lib/graphql.mjs";

let shared;
/** One enterprise tenant with a raised hourly limit, one book, a set of viewer keys per scenario. */
function graphqlTenant(ctx) {
  shared ??= (async () => {
    const { tenantId, apiKey } = await unlimitedTenant(ctx, "Bench graphql");
    const book = await createBenchBook(ctx, apiKey, 10);
    const count = keysNeeded(ctx);
    const [restKeys, graphqlKeys, getKeys] = await Promise.all(
      ["rest", "graphql", "get"].map((set) =>
        mintKeys(ctx, apiKey, { count, role: "viewer", name: `bench graphql ${set}` }),
      ),
    );
    return { tenantId, bookId: book.id, restKeys, graphqlKeys, getKeys };
  })();
  return shared;
}

/**
 * Sends a few requests like the scenario's with one key (warmed first: a credential's first use
 * in an isolate adds its lookup) and returns the median Server-Timing query count; checks that
 * every answer is a 200 with the book (a GraphQL error is a 200 too).
 */
async function queriesPerRequest(name, ctx, request, key) {
  const counts = [];
  for (let i = 0; i < 6; i++) {
    const response = await ctx.api(request.path, {
      method: request.method,
      apiKey: key,
      json: request.body,
    });
    const body = await response.json();
    const book = body?.data?.book ?? body;
    if (response.status !== 200 || body?.errors || book?.id !== ctx.bookId) {
      throw new Error(`${name}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
    const match = /desc="(\d+) queries"/.exec(response.headers.get("server-timing") ?? "");
    if (match && i > 0) counts.push(Number(match[1]));
  }
  counts.sort((a, b) => a - b);
  const median = counts[Math.floor(counts.length / 2)] ?? null;
  console.log(
    `[bench] ${name}: ${median ?? "?"} queries/request (median of ${counts.length}; ${counts[0]}-${counts.at(-1)})`,
  );
  return median;
}

/** A scenario over the shared tenant that records its queries per request (held by the baseline). */
function bookScenario(name, description, keysOf, build, compareTo) {
  return {
    name,
    description,
    ...(compareTo ? { compareTo } : {}),
    async setup(ctx) {
      const tenant = await graphqlTenant(ctx);
      const state = { ...tenant, keys: keysOf(tenant) };
      const queries = await queriesPerRequest(
        name,
        { ...ctx, ...state },
        build(state),
        state.keys[0],
      );
      return { ...state, record: { queries_per_request: queries } };
    },
    request: (ctx) => ({ ...build(ctx), setupRequest: keysInBlocks(ctx.keys) }),
  };
}

/** @type {import("../lib/scenario.mjs").Scenario[]} */
export const scenarios = [
  bookScenario(
    "graphql-rest-book",
    "GET /v2/books/{id}: the REST read graphql-book is compared with",
    (t) => t.restKeys,
    (ctx) => ({ method: "GET", path: `/v2/books/${ctx.bookId}` }),
  ),
  bookScenario(
    "graphql-book",
    "POST /v2/graphql { book(id) { … } }: the same book, REST's fields",
    (t) => t.graphqlKeys,
    (ctx) => ({
      method: "POST",
      path: "/v2/graphql",
      body: { query: BOOK_QUERY, variables: { id: ctx.bookId } },
    }),
    "graphql-rest-book",
  ),
  // The same query by GET (a query may come by GET): no webhook relay after the response, which
  // the /v2 stack runs after every successful POST, so this one separates the relay's share.
  bookScenario(
    "graphql-book-get",
    "GET /v2/graphql?query=…: the same query by GET",
    (t) => t.getKeys,
    (ctx) => ({
      method: "GET",
      path: `/v2/graphql?${new URLSearchParams({ query: BOOK_QUERY, variables: JSON.stringify({ id: ctx.bookId }) })}`,
    }),
    "graphql-rest-book",
  ),
];
