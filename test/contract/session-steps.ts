import type { Role } from "../../src/platform/context";

/**
 * A client session over every operation of the document: success and error answers, every role.
 * It runs through any transport: the Worker's fetch handler checked against the document in
 * workerd (test/contract/session.test.ts), or Stoplight Prism's validating proxy in front of the
 * production bundle (scripts/contract/prism-session.ts). It provisions its own tenants through
 * the operator API, so it needs nothing but the operator token.
 */

/** A body; `refused: true` marks a media type sent on purpose to be refused. */
export type Body =
  | { json: unknown }
  | { raw: BodyInit; type?: string; refused?: boolean }
  | undefined;

export interface ExchangeOptions {
  headers?: Record<string, string>;
  body?: Body;
  /** The request breaks the document on purpose (the server's refusal is what is checked). */
  invalid?: boolean;
}

export type Exchange = (
  method: string,
  path: string,
  options?: ExchangeOptions,
) => Promise<Response>;

const json = (json: unknown) => ({ json });
const idOf = async (response: Response) => ((await response.json()) as { id: string }).id;
const bearer = (credential: string) => ({ authorization: `Bearer ${credential}` });

function ensure(condition: boolean, what: string): void {
  if (!condition) throw new Error(`session: ${what}`);
}
function ensureStatus(response: Response, status: number): void {
  ensure(
    response.status === status,
    `expected ${status}, got ${response.status} (${response.url})`,
  );
}

/** A valid ISBN-13 (check digit computed), distinct per call. */
export function isbn(): string {
  const body = `978${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

function bookBody(overrides: Record<string, unknown> = {}) {
  return {
    isbn: isbn(),
    title: "The Pragmatic Programmer",
    authors: ["David Thomas", "Andrew Hunt"],
    price: { amount: 1250, currency: "EUR" },
    stock: 10,
    ...overrides,
  };
}

/** Provisions a tenant through the operator API; keys of the other roles when asked. */
async function provision(exchange: Exchange, op: Record<string, string>, body: object = {}) {
  const response = await exchange("POST", "/admin/tenants", {
    headers: op,
    body: json({ name: `Contract tenant ${crypto.randomUUID()}`, plan: "standard", ...body }),
  });
  ensureStatus(response, 201);
  const created = (await response.json()) as { tenant: { id: string }; api_key: { key: string } };
  const key = async (role: Role) => {
    const made = await exchange("POST", "/v2/api-keys", {
      headers: bearer(created.api_key.key),
      body: json({ name: `${role} key`, role }),
    });
    ensureStatus(made, 201);
    return ((await made.json()) as { key: string }).key;
  };
  return { id: created.tenant.id, adminKey: created.api_key.key, key };
}

/** Runs the session; every request goes through `exchange`. */
export async function runSession(exchange: Exchange, operatorToken: string): Promise<void> {
  const op = bearer(operatorToken);
  const first = await provision(exchange, op);
  const tenant = {
    ...first,
    editorKey: await first.key("editor"),
    viewerKey: await first.key("viewer"),
  };
  const other = await provision(exchange, op);
  const admin = bearer(tenant.adminKey);
  const editor = bearer(tenant.editorKey);
  const viewer = bearer(tenant.viewerKey);

  // Public routes.
  await exchange("GET", "/");
  await exchange("GET", "/health/live");
  await exchange("GET", "/health/ready");
  await exchange("GET", "/ops");
  await exchange("GET", "/portal");
  await exchange("GET", "/downloads/files?t=x&o=y&e=1&s=z");
  await exchange("GET", "/downloads/exports?t=x&o=y&e=1&s=z");

  // The tenant, and refusals before any route: no credential, wrong role, bad body.
  await exchange("GET", "/v2/tenant", { headers: viewer });
  await exchange("GET", "/v2/tenant", { invalid: true });
  await exchange("GET", "/v2/api-keys", { headers: viewer });
  await exchange("GET", "/v2/api-keys", { headers: admin });
  const key = await exchange("POST", "/v2/api-keys", {
    headers: { ...admin, "idempotency-key": "contract-key-1" },
    body: json({ name: "Contract", role: "viewer" }),
  });
  const replay = await exchange("POST", "/v2/api-keys", {
    headers: { ...admin, "idempotency-key": "contract-key-1" },
    body: json({ name: "Contract", role: "viewer" }),
  });
  ensure(replay.headers.get("idempotent-replayed") === "true", "a keyed retry is replayed");
  ensureStatus(
    await exchange("POST", "/v2/api-keys", {
      headers: { ...admin, "idempotency-key": "contract-key-1" },
      body: json({ name: "Another", role: "viewer" }),
    }),
    422,
  );
  ensureStatus(
    await exchange("POST", "/v2/api-keys", {
      headers: admin,
      body: { raw: "name=x", type: "text/plain", refused: true },
      invalid: true,
    }),
    415,
  );
  ensureStatus(
    await exchange("POST", "/v2/api-keys", {
      headers: admin,
      body: { raw: JSON.stringify({ name: "x".repeat(1_100_000) }), type: "application/json" },
      invalid: true,
    }),
    413,
  );
  const keyId = await idOf(key);
  const rolled = await exchange("POST", `/v2/api-keys/${keyId}/roll`, {
    headers: admin,
    body: json({ expires_in: 3600 }),
  });
  ensureStatus(rolled, 200);
  ensureStatus(
    await exchange("POST", `/v2/api-keys/${keyId}/roll`, {
      headers: admin,
      body: json({ expires_in: -1 }),
      invalid: true,
    }),
    400,
  );
  await exchange("POST", "/v2/api-keys/key_unknown/roll", {
    headers: admin,
    body: json({ expires_in: 0 }),
  });
  await exchange("DELETE", `/v2/api-keys/${keyId}`, { headers: admin });
  await exchange("DELETE", "/v2/api-keys/key_unknown", { headers: admin });
  await exchange("GET", "/v2/audit-log", { headers: admin });

  // Books, v2 and v1.
  const book = await exchange("POST", "/v2/books", {
    headers: editor,
    body: json(bookBody({ stock: 5 })),
  });
  const bookId = await idOf(book);
  const isbn = (
    (await exchange("GET", `/v2/books/${bookId}`, { headers: viewer }).then((r) => r.json())) as {
      isbn: string;
    }
  ).isbn;
  await exchange("GET", "/v2/books?q=pragmatic", { headers: viewer });
  // Conditional reads: the book and a page of books, unchanged, are 304.
  const bookEtag = (await exchange("GET", `/v2/books/${bookId}`, { headers: viewer })).headers.get(
    "etag",
  ) as string;
  const bookNotModified = await exchange("GET", `/v2/books/${bookId}`, {
    headers: { ...viewer, "if-none-match": bookEtag },
  });
  ensureStatus(bookNotModified, 304);
  const booksPage = await exchange("GET", "/v2/books?q=pragmatic", { headers: viewer });
  ensureStatus(
    await exchange("GET", "/v2/books?q=pragmatic", {
      headers: { ...viewer, "if-none-match": booksPage.headers.get("etag") as string },
    }),
    304,
  );
  await exchange("POST", "/v2/books", { headers: editor, body: json(bookBody({ isbn })) });
  await exchange("POST", "/v2/books", {
    headers: editor,
    body: json({ isbn: "nope" }),
    invalid: true,
  });
  await exchange("POST", "/v2/books", { headers: viewer, body: json(bookBody()) });
  await exchange("PATCH", `/v2/books/${bookId}`, { headers: editor, body: json({ stock: 6 }) });
  await exchange("PATCH", `/v2/books/${bookId}`, {
    headers: { ...editor, "if-match": '"stale"' },
    body: json({ stock: 7 }),
  });
  await exchange("GET", `/v2/books/${bookId}`, { headers: bearer(other.adminKey) });
  const doomed = await idOf(
    await exchange("POST", "/v2/books", { headers: editor, body: json(bookBody()) }),
  );
  await exchange("DELETE", `/v2/books/${doomed}`, { headers: editor });

  // Book imports: an NDJSON file (202), a second while it runs (409), a refused media type, reads.
  const ndjson = `${JSON.stringify(bookBody())}\n`;
  const started = await exchange("POST", "/v2/books/imports", {
    headers: { ...editor, "content-length": String(ndjson.length) },
    body: { raw: ndjson, type: "application/x-ndjson" },
  });
  ensureStatus(started, 202);
  const importId = await idOf(started);
  const csv = "isbn,title,authors,price_amount,currency\n";
  await exchange("POST", "/v2/books/imports", {
    headers: { ...editor, "content-length": String(csv.length) },
    body: { raw: csv, type: "text/csv" },
  });
  await exchange("POST", "/v2/books/imports", {
    headers: { ...editor, "content-length": "2" },
    body: { raw: "{}", type: "application/json", refused: true },
    invalid: true,
  });
  await exchange("GET", `/v2/books/imports/${importId}`, { headers: viewer });
  await exchange("GET", `/v2/books/imports/${importId}/errors`, { headers: viewer });
  await exchange("GET", `/v2/books/imports/${importId}`, { headers: bearer(other.adminKey) });

  const v1Book = await exchange("POST", "/v1/books", {
    headers: editor,
    body: json({
      isbn: bookBody().isbn,
      title: "V1",
      authors: ["A"],
      price: "9.99",
      currency: "EUR",
      stock: 3,
    }),
  });
  const v1BookId = await idOf(v1Book);
  await exchange("GET", "/v1/books?page=1", { headers: viewer });
  await exchange("GET", `/v1/books/${v1BookId}`, { headers: viewer });
  await exchange("PATCH", `/v1/books/${v1BookId}`, {
    headers: editor,
    body: json({ title: "V1b" }),
  });
  await exchange("DELETE", `/v1/books/${v1BookId}`, { headers: editor });
  await exchange("GET", "/v1/books", { invalid: true });

  // Orders, v2 and v1: the whole lifecycle, refusals included.
  for (const prefix of ["/v2", "/v1"]) {
    const order = await exchange("POST", `${prefix}/orders`, {
      headers: editor,
      body: json({ lines: [{ book_id: bookId, quantity: 1 }] }),
    });
    const orderId = await idOf(order);
    const short = await exchange("POST", `${prefix}/orders`, {
      headers: editor,
      body: json({ lines: [{ book_id: bookId, quantity: 10_000 }] }),
    });
    ensure(((await short.json()) as { lines?: unknown[] }).lines?.length === 1, "short lines");
    const ordersPage = await exchange("GET", `${prefix}/orders`, { headers: viewer });
    const read = await exchange("GET", `${prefix}/orders/${orderId}`, { headers: viewer });
    if (prefix === "/v2") {
      // Conditional reads: the order and the page, unchanged, are 304.
      for (const [path, response] of [
        [`/v2/orders/${orderId}`, read],
        ["/v2/orders", ordersPage],
      ] as const) {
        const notModified = await exchange("GET", path, {
          headers: { ...viewer, "if-none-match": response.headers.get("etag") as string },
        });
        ensureStatus(notModified, 304);
      }
    }
    await exchange("POST", `${prefix}/orders/${orderId}/ship`, { headers: editor });
    await exchange("POST", `${prefix}/orders/${orderId}/confirm`, { headers: editor });
    await exchange("POST", `${prefix}/orders/${orderId}/ship`, { headers: editor });
    await exchange("POST", `${prefix}/orders/${orderId}/cancel`, { headers: editor });
  }

  // Files: single upload, refusals, downloads (whole, range, not modified), signed URL, multipart.
  // Printable bytes: a proxy that reads bodies as text (Prism) passes them through unchanged.
  const png = new Uint8Array(2048).map((_, i) => 32 + (i % 95));
  const file = await exchange("POST", "/v2/files?filename=cover.png", {
    headers: { ...editor, "content-length": String(png.byteLength) },
    body: { raw: png, type: "image/png" },
  });
  const fileId = await idOf(file);
  // A JSON file is a file like any other: stored as sent, never parsed.
  const manifest = JSON.stringify({ title: "Catalog manifest", books: 3 });
  const jsonFile = await exchange("POST", "/v2/files?filename=manifest.json", {
    headers: { ...editor, "content-length": String(manifest.length) },
    body: { raw: manifest, type: "application/json" },
  });
  ensureStatus(jsonFile, 201);
  await exchange("POST", "/v2/files?filename=page.html", {
    headers: { ...editor, "content-length": "4" },
    body: { raw: "<p/>", type: "text/html", refused: true },
    invalid: true,
  });
  await exchange("GET", "/v2/files", { headers: viewer });
  await exchange("GET", `/v2/files/${fileId}`, { headers: viewer });
  const content = await exchange("GET", `/v2/files/${fileId}/content`, { headers: viewer });
  const etag = content.headers.get("etag") as string;
  await content.arrayBuffer();
  await exchange("GET", `/v2/files/${fileId}/content`, {
    headers: { ...viewer, range: "bytes=0-99" },
  }).then((r) => r.arrayBuffer());
  await exchange("GET", `/v2/files/${fileId}/content`, {
    headers: { ...viewer, "if-none-match": etag },
  });
  await exchange("GET", `/v2/files/${fileId}/content`, {
    headers: { ...viewer, range: "bytes=99999-" },
  });
  const signed = await exchange("POST", `/v2/files/${fileId}/download-url`, {
    headers: viewer,
    body: json({ expires_in: 60 }),
  });
  const url = new URL(((await signed.json()) as { url: string }).url);
  await exchange("GET", `${url.pathname}${url.search}`).then((r) => r.arrayBuffer());
  await exchange("GET", `${url.pathname}${url.search.replace(/s=[^&]+/, "s=forged")}`);

  const multipart = await exchange("POST", "/v2/files/multipart", {
    headers: editor,
    body: json({ filename: "c.pdf", content_type: "application/pdf", size_bytes: 1000 }),
  });
  const multipartId = await idOf(multipart);
  await exchange("POST", "/v2/files/multipart", {
    headers: editor,
    body: json({ filename: "c.svg", content_type: "image/svg+xml", size_bytes: 1000 }),
  });
  const part = await exchange("PUT", `/v2/files/${multipartId}/parts/1`, {
    headers: { ...editor, "content-length": "1000" },
    body: { raw: new Uint8Array(1000), type: "application/octet-stream" },
  });
  const { etag: partEtag } = (await part.json()) as { etag: string };
  await exchange("POST", `/v2/files/${multipartId}/complete`, {
    headers: editor,
    body: json({ parts: [{ part_number: 1, etag: partEtag }] }),
  });
  await exchange("DELETE", `/v2/files/${multipartId}/multipart`, { headers: editor });
  const aborted = await exchange("POST", "/v2/files/multipart", {
    headers: editor,
    body: json({ filename: "d.pdf", content_type: "application/pdf", size_bytes: 10 }),
  });
  await exchange("DELETE", `/v2/files/${await idOf(aborted)}/multipart`, { headers: editor });
  await exchange("DELETE", `/v2/files/${fileId}`, { headers: editor });
  await exchange("DELETE", `/v2/files/${fileId}`, { headers: editor });

  // Events and webhooks.
  const events = await exchange("GET", "/v2/events", { headers: admin });
  const eventId = ((await events.json()) as { data: Array<{ id: string }> }).data[0]?.id;
  await exchange("GET", `/v2/events/${eventId}`, { headers: admin });
  await exchange("GET", "/v2/events", { headers: editor });
  const endpoint = await exchange("POST", "/v2/webhook-endpoints", {
    headers: admin,
    body: json({ url: "https://hooks.example.com/contract", event_types: ["book.created"] }),
  });
  const endpointId = await idOf(endpoint);
  await exchange("POST", `/v2/events/${eventId}/resend`, { headers: admin });
  await exchange("GET", "/v2/webhook-endpoints", { headers: admin });
  await exchange("GET", `/v2/webhook-endpoints/${endpointId}`, { headers: admin });
  await exchange("PATCH", `/v2/webhook-endpoints/${endpointId}`, {
    headers: admin,
    body: json({ description: "ERP" }),
  });
  await exchange("POST", `/v2/webhook-endpoints/${endpointId}/rotate-secret`, { headers: admin });
  await exchange("POST", `/v2/webhook-endpoints/${endpointId}/recover`, {
    headers: admin,
    body: json({ since: new Date(Date.now() - 3_600_000).toISOString() }),
  });
  await exchange("GET", `/v2/webhook-endpoints/${endpointId}/attempts`, { headers: admin });
  await exchange("GET", `/v2/webhook-endpoints/${endpointId}/deliveries?status=waiting`, {
    headers: admin,
  });
  ensureStatus(
    await exchange("GET", `/v2/webhook-endpoints/${endpointId}/deliveries?status=stuck`, {
      headers: admin,
      invalid: true,
    }),
    400,
  );
  // The webhook portal: a portal token reads and acts on webhooks only.
  const minted = await exchange("POST", "/v2/portal-tokens", {
    headers: admin,
    body: json({ ttl_seconds: 600 }),
  });
  const portal = bearer(((await minted.json()) as { token: string }).token);
  await exchange("GET", `/v2/webhook-endpoints/${endpointId}/attempts`, { headers: portal });
  await exchange("GET", `/v2/webhook-endpoints/${endpointId}/deliveries`, { headers: portal });
  await exchange("GET", "/v2/books", { headers: portal });
  // The portal's live attempts (by their refusals: an open stream never ends): its own endpoints
  // only, never the tenant's event stream.
  await exchange("GET", `/portal/stream?endpoints=${endpointId}`, { headers: portal });
  await exchange("GET", "/portal/stream?endpoints=whep_01jd8x3m5c7v9b1n3q5s7t9w2y", {
    headers: { ...portal, accept: "text/event-stream" },
  });
  await exchange("GET", `/portal/stream?endpoints=${endpointId}`, {
    headers: { ...viewer, accept: "text/event-stream" },
  });
  await exchange("GET", `/portal/stream?endpoints=${endpointId}`, {
    headers: { accept: "text/event-stream" },
    invalid: true,
  });
  await exchange("GET", "/v2/events/stream", {
    headers: { ...portal, accept: "text/event-stream" },
  });
  await exchange("POST", "/v2/portal-tokens", { headers: portal, body: json({}) });
  await exchange("POST", "/v2/portal-tokens", { headers: editor, body: json({}) });
  await exchange("POST", "/v2/portal-tokens", {
    headers: admin,
    body: json({ ttl_seconds: 5 }),
    invalid: true,
  });
  await exchange("DELETE", `/v2/webhook-endpoints/${endpointId}`, { headers: admin });
  await exchange("GET", `/v2/webhook-endpoints/${endpointId}`, { headers: admin });

  // The event catalog: the same for every role.
  await exchange("GET", "/v2/event-types", { headers: viewer });
  await exchange("GET", "/v2/event-types", { invalid: true });

  // Exports.
  const exported = await exchange("POST", "/v2/tenant/export", { headers: admin });
  await exchange("GET", `/v2/tenant/exports/${await idOf(exported)}`, { headers: admin });
  await exchange("GET", "/v2/tenant/exports/exp_unknown", { headers: admin });

  // Operators.
  await exchange("POST", "/admin/tenants", { headers: op, body: json({ name: "Contract" }) });
  await exchange("POST", "/admin/tenants", { headers: op, body: json({}), invalid: true });
  await exchange("GET", "/admin/tenants?limit=2", { headers: op });
  await exchange("GET", "/admin/tenants", { invalid: true });
  await exchange("GET", `/admin/tenants/${tenant.id}`, { headers: op });
  await exchange("PATCH", `/admin/tenants/${tenant.id}`, {
    headers: op,
    body: json({ name: "Contract tenant" }),
  });
  await exchange("GET", `/admin/tenants/${tenant.id}/audit-log`, { headers: op });
  await exchange("GET", `/admin/ops/tenants`, { headers: op });
  await exchange("GET", `/admin/ops/tenants/${tenant.id}`, { headers: op });
  await exchange("GET", "/admin/ops/health?window=15m", { headers: op });
  await exchange("GET", `/admin/ops/tenants/${tenant.id}/health`, { headers: op });
  await exchange("GET", `/admin/ops/tenants/${tenant.id}/series?minutes=60`, { headers: op });
  await exchange("GET", `/admin/ops/tenants/${tenant.id}/series?minutes=1`, {
    headers: op,
    invalid: true,
  });
  await exchange(
    "POST",
    `/admin/ops/tenants/${tenant.id}/webhook-endpoints/whep_01jd3xk2v8f4r6t8w0y2a4c6e8/recover`,
    { headers: op },
  );
  await exchange("POST", `/admin/tenants/${other.id}/suspend`, { headers: op });
  const suspended = await exchange("GET", "/v2/tenant", { headers: bearer(other.adminKey) });
  ensureStatus(suspended, 403);
  // Refused before the route, still counted: the same rate-limit headers as every /v2 answer.
  ensure(
    suspended.headers.has("ratelimit") && suspended.headers.has("ratelimit-policy"),
    "403 tenant_suspended carries RateLimit and RateLimit-Policy",
  );
  await exchange("POST", `/admin/tenants/${other.id}/resume`, { headers: op });
  await exchange("POST", `/admin/tenants/${other.id}/webhooks/pause`, {
    headers: op,
    body: json({ reason: "Receiver migration" }),
  });
  await exchange("POST", `/admin/tenants/${other.id}/webhooks/resume`, { headers: op });
  await exchange("POST", `/admin/tenants/${other.id}/offboard`, {
    headers: op,
    body: json({ reason: "Contract ended" }),
  });
  await exchange("GET", `/admin/tenants/${other.id}/export`, { headers: op });
  await exchange("GET", "/admin/tenants/ten_01jd3xk2v8f4r6t8w0y2a4c6e8/export", { headers: op });
  // A restore names an export that must exist (404 otherwise) and a well-formed body (400).
  await exchange("POST", `/admin/tenants/${other.id}/restore`, {
    headers: op,
    body: json({ source_tenant_id: tenant.id, export_id: "exp_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
  });
  await exchange("POST", `/admin/tenants/${other.id}/restore`, {
    headers: op,
    body: json({}),
    invalid: true,
  });

  // The change feed, the live stream (its refusals: an open stream never ends), GraphQL, and a
  // tenant's live figures for operators.
  await exchange("GET", "/v2/events/feed?limit=5", { headers: viewer });
  await exchange("GET", "/v2/events/feed?after=latest&types=order.*", { headers: admin });
  await exchange("GET", "/v2/events/feed?limit=0", { headers: viewer, invalid: true });
  await exchange("POST", "/v2/stream-tickets", { headers: viewer });
  await exchange("GET", "/v2/events/stream?after=not-a-cursor", {
    headers: { ...viewer, accept: "text/event-stream" },
  });
  await exchange("GET", "/v2/events/stream", {
    headers: { accept: "text/event-stream" },
    invalid: true,
  });
  await exchange("POST", "/v2/graphql", {
    headers: viewer,
    body: json({ query: "{ tenant { id } }" }),
  });
  await exchange("GET", `/v2/graphql?query=${encodeURIComponent("{ tenant { id } }")}`, {
    headers: viewer,
  });
  // Automatic persisted queries: a hash alone (not registered), then a hash that does not match.
  const persistedQuery = { version: 1, sha256Hash: "0".repeat(64) };
  await exchange("POST", "/v2/graphql", {
    headers: viewer,
    body: json({ extensions: { persistedQuery } }),
  });
  await exchange(
    "GET",
    `/v2/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery }))}`,
    { headers: viewer },
  );
  await exchange("POST", "/v2/graphql", {
    headers: viewer,
    body: json({ query: "{ tenant { id } }", extensions: { persistedQuery } }),
    invalid: true,
  });
  await exchange("GET", "/v2/graphql/schema.graphql", { headers: viewer });
  await exchange("GET", `/admin/ops/tenants/${tenant.id}/live`, { headers: op });
  // The operators' live reports (by their refusals, as the tenants' stream) and their tickets.
  await exchange("POST", "/admin/ops/stream-tickets", { headers: op });
  await exchange("POST", "/admin/ops/stream-tickets", { headers: viewer });
  await exchange("GET", "/ops/stream", { headers: op });
  await exchange("GET", "/ops/stream", {
    headers: { accept: "text/event-stream" },
    invalid: true,
  });

  // A rate limit: a tenant allowed one request an hour.
  const limited = await provision(exchange, op, { limits: { requests_per_hour: 1 } });
  await exchange("GET", "/v2/tenant", { headers: bearer(limited.adminKey) });
  const refused = await exchange("GET", "/v2/tenant", { headers: bearer(limited.adminKey) });
  ensureStatus(refused, 429);
}
