// The routes bench/latency.mjs measures: each has `setup(ctx)` (once, before any measurement),
// `prepare(ctx, i)` (the i-th request: { path, init, expect }) and optionally
// `afterResponse(ctx, i)` (waits for work the request started, e.g. a webhook delivery).
import { provisionTenant } from "../../scripts/lib/operator-api.mjs";

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
  return { keys, fresh, bookId: book.id };
}

/** The measured routes, in the order of the report. */
export function latencyRoutes(samples) {
  let s;
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
  ];
}
