// The routes bench/latency.mjs measures: each has `setup(ctx)` (once, before any measurement),
// `prepare(ctx, i)` (the i-th request: { path, init, expect }) and optionally
// `afterResponse(ctx, i)` (waits for work the request started, e.g. a webhook delivery).
import { provisionTenant } from "../../scripts/lib/operator-api.mjs";
import {
  BOOK_QUERY,
  checkOrdersPage,
  ordersPageQuery,
  restClientKeys,
  seedOrdersPage,
} from "./graphql.mjs";

let isbnCounter = 0;
/** ISBN-13 with a valid check digit, unique within the run. */
function nextIsbn() {
  const body = `979${String(Date.now() % 1e6).padStart(6, "0")}${String(++isbnCounter).padStart(3, "0")}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

async function call(ctx, path, { key, method = "GET", json, expect = [200, 201] } = {}) {
  const response = await fetch(new URL(path, ctx.baseUrl), {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(json !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: json !== undefined ? JSON.stringify(json) : undefined,
  });
  const body = await response.json().catch(() => null);
  if (!expect.includes(response.status)) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(body)}`);
  }
  return body;
}

const bearer = (key, extra = {}) => ({ headers: { authorization: `Bearer ${key}`, ...extra } });

/** One tenant for every route, with its limits out of the way, a deep-stock book and keys. */
async function seed(ctx, samples) {
  const { tenantId, apiKey } = await provisionTenant(ctx.baseUrl, ctx.operatorToken, {
    name: "Latency bench",
    plan: "enterprise",
  });
  const patch = await fetch(new URL(`/admin/tenants/${tenantId}`, ctx.baseUrl), {
    method: "PATCH",
    headers: { authorization: `Bearer ${ctx.operatorToken}`, "content-type": "application/json" },
    body: JSON.stringify({ limits: { requests_per_hour: 10_000_000 } }),
  });
  if (!patch.ok) throw new Error(`raising the tenant's limit: ${patch.status}`);
  // A key per route keeps the per-credential limit (100/min) away; fresh keys for the uncached row.
  const newKey = async (name) =>
    (
      await call(ctx, "/v2/api-keys", {
        key: apiKey,
        method: "POST",
        json: { name, role: "admin" },
      })
    ).key;
  const keys = {};
  for (const name of ["health", "book", "list", "tenant", "order", "idem", "file", "hook"]) {
    keys[name] = await newKey(`latency ${name}`);
  }
  const fresh = [];
  for (let i = 0; i < samples; i++) fresh.push(await newKey(`latency fresh ${i}`));
  const book = await call(ctx, "/v2/books", {
    key: apiKey,
    method: "POST",
    json: {
      isbn: nextIsbn(),
      title: "Latency",
      authors: ["Bench"],
      price: { amount: 1250, currency: "EUR" },
      stock: 1_000_000,
    },
  });
  for (let i = 0; i < 20; i++) {
    await call(ctx, "/v2/books", {
      key: apiKey,
      method: "POST",
      json: {
        isbn: nextIsbn(),
        title: `Filler ${i}`,
        authors: ["Bench"],
        price: { amount: 100, currency: "EUR" },
        stock: 1,
      },
    });
  }
  await call(ctx, "/v2/webhook-endpoints", {
    key: apiKey,
    method: "POST",
    json: { url: `${ctx.receiver.url}/hook`, event_types: ["book.updated"] },
  });
  return { keys, fresh, bookId: book.id, apiKey };
}

/** GraphQL page samples one reader key serves (each counted as 7 requests for a page of 50). */
const PAGE_SAMPLES_PER_KEY = 10;
/** The REST client's passes over the same page: requests in flight after the list. */
export const REST_PASSES = [1, 6];

async function postGraphQL(ctx, key, body) {
  const response = await fetch(new URL("/v2/graphql", ctx.baseUrl), {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (response.status !== 200 || answer?.errors) {
    throw new Error(`POST /v2/graphql: ${response.status} ${JSON.stringify(answer)}`);
  }
  // The statements the request ran, from Server-Timing (`db;…;desc="N queries"`).
  const queries = /desc="(\d+) queries"/.exec(response.headers.get("server-timing") ?? "");
  return { ...answer, queries: queries ? Number(queries[1]) : null };
}

/** The measured routes, in the order of the report. */
export function latencyRoutes(samples, { ordersPage = 50 } = {}) {
  let s;
  /** The GraphQL rows' keys and the orders page's tenant (bench/lib/graphql.mjs). */
  let g;
  const graphqlPost = (key, body) => ({
    method: "POST",
    ...bearer(key, { "content-type": "application/json" }),
    body: JSON.stringify(body),
  });
  const get = (name, key, path) => ({
    name,
    prepare: () => ({ path, init: bearer(s.keys[key]), expect: 200 }),
  });
  const bookRead = () => `/v2/books/${s.bookId}`;
  const order = (key, idempotent) => (_ctx, i) => ({
    path: "/v2/orders",
    init: {
      method: "POST",
      ...bearer(s.keys[key], {
        "content-type": "application/json",
        ...(idempotent ? { "idempotency-key": `latency-${Date.now()}-${i}` } : {}),
      }),
      body: JSON.stringify({ lines: [{ book_id: s.bookId, quantity: 1 }] }),
    },
    expect: 201,
  });
  /**
   * The GraphQL rows' data, made when the first of them is prepared rather than in a setup: the
   * rows above are measured exactly as before, with nothing of these rows' seeding in between.
   */
  let seeding;
  const graphqlReady = (ctx) => {
    seeding ??= (async () => {
      const { key } = await call(ctx, "/v2/api-keys", {
        key: s.apiKey,
        method: "POST",
        json: { name: "latency graphql book", role: "admin" },
      });
      const graphqlKeys = Math.ceil(samples / PAGE_SAMPLES_PER_KEY);
      const restKeys = restClientKeys(1 + 3 * ordersPage);
      const page = await seedOrdersPage(ctx, {
        orders: ordersPage,
        readerKeys: graphqlKeys + REST_PASSES.length * restKeys,
      });
      g = {
        bookKey: key,
        readers: page.readers.slice(0, graphqlKeys),
        // A set of keys per REST client pass, none used by another pass.
        restKeys: REST_PASSES.map((_, n) =>
          page.readers.slice(graphqlKeys + n * restKeys, graphqlKeys + (n + 1) * restKeys),
        ),
      };
      const answer = await postGraphQL(ctx, key, {
        query: BOOK_QUERY,
        variables: { id: s.bookId },
      });
      if (answer.data?.book?.id !== s.bookId) throw new Error("GraphQL book(id): no book");
      // Checked once, and its statements counted against a page of 1 (the credential warmed).
      await postGraphQL(ctx, g.readers[0], { query: "{ __typename }" });
      const full = await postGraphQL(ctx, g.readers[0], { query: ordersPageQuery(ordersPage) });
      const one = await postGraphQL(ctx, g.readers[0], { query: ordersPageQuery(1) });
      g.page = {
        ...checkOrdersPage(full, ordersPage),
        queries: full.queries,
        queries_page_of_1: one.queries,
      };
    })();
    return seeding;
  };
  return [
    {
      name: "GET /health/ready",
      setup: async (ctx) => {
        s = await seed(ctx, samples);
      },
      prepare: () => ({ path: "/health/ready", init: {}, expect: 200 }),
    },
    {
      name: "GET /v2/books/{id} (credential cached)",
      prepare: () => ({ path: bookRead(), init: bearer(s.keys.book), expect: 200 }),
    },
    {
      name: "GET /v2/books/{id} (credential not cached)",
      prepare: (_ctx, i) => ({ path: bookRead(), init: bearer(s.fresh[i]), expect: 200 }),
    },
    get("GET /v2/books?limit=20", "list", "/v2/books?limit=20"),
    get("GET /v2/tenant", "tenant", "/v2/tenant"),
    { name: "POST /v2/orders", prepare: order("order", false) },
    { name: "POST /v2/orders (Idempotency-Key)", prepare: order("idem", true) },
    {
      name: "POST /v2/files (2 KB upload)",
      prepare: () => ({
        path: "/v2/files?filename=latency.txt",
        init: {
          method: "POST",
          ...bearer(s.keys.file, { "content-type": "text/plain" }),
          body: "x".repeat(2048),
        },
        expect: 201,
      }),
    },
    {
      name: "PATCH /v2/books/{id} + webhook delivery",
      prepare: (_ctx, i) => ({
        path: bookRead(),
        init: {
          method: "PATCH",
          ...bearer(s.keys.hook, { "content-type": "application/json" }),
          body: JSON.stringify({ title: `Latency ${i}` }),
        },
        expect: 200,
      }),
      // The relay and the queue consumer's batch (load, sign, send, record) run after the
      // response: their flights are the "after" column of this row.
      afterResponse: (ctx, i) => ctx.receiver.waitFor(i + 1),
    },
    // GraphQL (issue 28): the one-book read of the cached row above, as a GraphQL query.
    {
      name: "POST /v2/graphql book(id) (credential cached)",
      prepare: async (ctx) => {
        await graphqlReady(ctx);
        return {
          path: "/v2/graphql",
          init: graphqlPost(g.bookKey, { query: BOOK_QUERY, variables: { id: s.bookId } }),
          expect: 200,
        };
      },
    },
    // A page of orders with their lines and the lines' books in one request, from a tenant of its
    // own (bench/lib/graphql.mjs); latency.mjs compares it with the REST client's requests.
    {
      name: "POST /v2/graphql: a page of orders with lines and books",
      prepare: async (ctx, i) => {
        await graphqlReady(ctx);
        const key = g.readers[Math.floor(i / PAGE_SAMPLES_PER_KEY) % g.readers.length];
        // A key's first use in the isolate looks the credential up: warm it before its block.
        if (i % PAGE_SAMPLES_PER_KEY === 0)
          await postGraphQL(ctx, key, { query: "{ __typename }" });
        return {
          path: "/v2/graphql",
          init: graphqlPost(key, { query: ordersPageQuery(ordersPage) }),
          expect: 200,
        };
      },
      // For latency.mjs's comparison with the REST client: the page, and each pass's keys.
      restClient: () => ({
        orders: ordersPage,
        books: g.page.books,
        queries: g.page.queries,
        queries_page_of_1: g.page.queries_page_of_1,
        passes: REST_PASSES.map((inFlight, n) => ({ inFlight, keys: g.restKeys[n] })),
      }),
    },
  ];
}
