// What the GraphQL bench rows share (issue 28): the documents, the page of orders seeded for the
// latency run (bench/latency.mjs), and the REST client that fetches the same page the REST way.
import { provisionTenant } from "../../scripts/lib/operator-api.mjs";
import { isbn13, json, mintKeys, unlimitedTenant } from "./fixtures.mjs";

/** The fields of REST's book representation, in GraphQL's names (cost 13: counted as 1 request). */
export const BOOK_QUERY =
  "query($id: ID!) { book(id: $id) { id isbn title authors price { amount currency } stock status version createdAt updatedAt } }";

/**
 * A page of `first` orders with their lines and the lines' books: what a client shows in an order
 * list. The page size is a literal, so the cost is `first` × 13 + 4 (654 for 50: counted as 7).
 */
export function ordersPageQuery(first) {
  return `{ orders(first: ${first}) { edges { node { id status total { amount currency } lines { quantity book { id title stock } } } } pageInfo { hasNextPage endCursor } } }`;
}

/** Requests one key sends: under the per-credential limit (100/min) with room for a warm-up. */
const REQUESTS_PER_KEY = 75;

/** The latency run's ctx ({ baseUrl, operatorToken }) as the fixtures helpers expect it. */
function fixturesContext(ctx) {
  const api = (path, { apiKey, json: body, headers, ...init } = {}) =>
    fetch(new URL(path, ctx.baseUrl), {
      ...init,
      headers: {
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : init.body,
      signal: AbortSignal.timeout(30_000),
    });
  return {
    ...ctx,
    api,
    provisionTenant: ({ name, plan }) =>
      provisionTenant(ctx.baseUrl, ctx.operatorToken, { name, plan }).then(
        ({ tenantId, apiKey }) => ({ tenantId, apiKey }),
      ),
  };
}

/** Runs `task(i)` for i < count, `inFlight` at a time. */
async function pool(count, inFlight, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(inFlight, count) }, async () => {
      for (let i = next++; i < count; i = next++) await task(i);
    }),
  );
}

/**
 * A tenant of its own (the latency tenant's orders would come first in a newest-first page) with
 * `orders` orders of two lines each, every line on a book of its own (2 × `orders` books), as
 * test/features/graphql/query-count.test.ts seeds them; and viewer keys for the readers.
 */
export async function seedOrdersPage(latencyCtx, { orders, readerKeys }) {
  const ctx = fixturesContext(latencyCtx);
  const { apiKey } = await unlimitedTenant(ctx, "Latency bench orders page");
  const writers = await mintKeys(ctx, apiKey, {
    count: Math.ceil((orders * 3) / REQUESTS_PER_KEY),
    role: "admin",
    name: "orders page writer",
  });
  const readers = await mintKeys(ctx, apiKey, {
    count: readerKeys,
    role: "viewer",
    name: "orders page reader",
  });
  const bookIds = new Array(orders * 2);
  await pool(orders * 2, 10, async (i) => {
    const book = await json(
      await ctx.api("/v2/books", {
        method: "POST",
        apiKey: writers[i % writers.length],
        json: {
          isbn: isbn13(),
          title: `Page book ${i}`,
          authors: ["Bench"],
          price: { amount: 900 + i, currency: "EUR" },
          stock: 100,
        },
      }),
      "creating a page book",
    );
    bookIds[i] = book.id;
  });
  await pool(orders, 10, async (i) => {
    await json(
      await ctx.api("/v2/orders", {
        method: "POST",
        apiKey: writers[(orders * 2 + i) % writers.length],
        json: {
          lines: [
            { book_id: bookIds[2 * i], quantity: 1 },
            { book_id: bookIds[2 * i + 1], quantity: 2 },
          ],
        },
      }),
      "creating a page order",
    );
  });
  return { readers, books: bookIds.length };
}

/** Checks a GraphQL page answer: `orders` orders, two lines each, every line's book present. */
export function checkOrdersPage(body, orders) {
  const edges = body?.data?.orders?.edges;
  const books = edges?.flatMap((e) => e.node.lines.map((l) => l.book?.id)) ?? [];
  if (
    body?.errors ||
    edges?.length !== orders ||
    books.length !== orders * 2 ||
    !books.every(Boolean)
  ) {
    throw new Error(`GraphQL orders page: ${JSON.stringify(body).slice(0, 400)}`);
  }
  return { books: new Set(books).size, cost: body.extensions?.cost ?? null };
}

/** Keys a REST client pass of `requests` requests takes in turn (blocks under the limit). */
export function restClientKeys(requests) {
  return Math.ceil(requests / REQUESTS_PER_KEY);
}

/**
 * The REST client's page: GET /v2/orders?limit=N, then each order (GET /v2/orders/{id}), then each
 * distinct book of their lines (GET /v2/books/{id}), `inFlight` at a time after the list. Keys
 * change every REQUESTS_PER_KEY requests (one key would pass its 100 per minute). Returns the
 * request count; throws on any answer but 200.
 */
export async function restClientPage(baseUrl, keys, orders, inFlight) {
  let sent = 0;
  const get = async (path) => {
    const key = keys[Math.floor(sent++ / REQUESTS_PER_KEY) % keys.length];
    const response = await fetch(new URL(path, baseUrl), {
      headers: { authorization: `Bearer ${key}` },
      signal: AbortSignal.timeout(30_000),
    });
    const body = await response.json().catch(() => null);
    if (response.status !== 200) {
      throw new Error(`REST client: GET ${path}: ${response.status} ${JSON.stringify(body)}`);
    }
    return body;
  };
  const list = await get(`/v2/orders?limit=${orders}`);
  const ids = list.data.map((o) => o.id);
  if (ids.length !== orders) throw new Error(`REST client: a page of ${ids.length} orders`);
  const details = new Array(ids.length);
  await pool(ids.length, inFlight, async (i) => {
    details[i] = await get(`/v2/orders/${ids[i]}`);
  });
  const bookIds = [...new Set(details.flatMap((o) => o.lines.map((l) => l.book_id)))];
  await pool(bookIds.length, inFlight, async (i) => {
    await get(`/v2/books/${bookIds[i]}`);
  });
  return { requests: sent, orders: ids.length, books: bookIds.length };
}
