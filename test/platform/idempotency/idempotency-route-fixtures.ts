/**
 * For every keyed write of the app, a request that succeeds for the route's role in a fresh
 * tenant (the route table says which routes and roles; this says how to make each one succeed).
 */
import { bookBody, createBook } from "../../features/books/fixtures";
import { bytes, uploaded } from "../../features/files/fixtures";
import { createOrder } from "../../features/orders/fixtures";
import { call, callJson } from "../../helpers/http";
import { bearer, type TestTenant } from "../../helpers/tenant";

/** A request as sent: path (with query), body and its media type. */
export interface KeyedRequest {
  path: string;
  body?: string | Uint8Array;
  contentType?: string;
}

export interface RouteFixture {
  /** Builds the request (creating what it acts on) in `tenant`. */
  prepare(tenant: TestTenant): Promise<KeyedRequest>;
  /** Each successful request creates a row of its own (so two credentials make two). */
  creates?: boolean;
}

const json = (path: string, body: unknown = {}): KeyedRequest => ({
  path,
  body: JSON.stringify(body),
  contentType: "application/json",
});

async function created(response: Response): Promise<{ id: string }> {
  if (response.status >= 300) {
    throw new Error(`fixture setup failed: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as { id: string };
}

async function stockedOrder(t: TestTenant, then?: "confirm") {
  const book = await createBook(t.editorKey, { stock: 1000 });
  const order = await createOrder(t.editorKey, [{ book_id: book.id, quantity: 1 }]);
  if (then) await created(await call(`/v2/orders/${order.id}/${then}`, post(t)));
  return order.id;
}

const post = (t: TestTenant) => ({ method: "POST", headers: bearer(t.adminKey) });

const endpoint = async (t: TestTenant) =>
  (
    await created(
      await callJson(
        "/v2/webhook-endpoints",
        "POST",
        { url: "https://93.184.215.14/hook" },
        bearer(t.adminKey),
      ),
    )
  ).id;

async function multipart(t: TestTenant, size: number) {
  return created(
    await callJson(
      "/v2/files/multipart",
      "POST",
      { filename: "big.pdf", content_type: "application/pdf", size_bytes: size },
      bearer(t.editorKey),
    ),
  );
}

const v1Book = () => {
  const { isbn, title, authors } = bookBody();
  return { isbn, title, authors, price: "12.50", currency: "EUR", stock: 10 };
};

export const routeFixtures: Record<string, RouteFixture> = {
  // Any role may POST a query (mutations check their own roles: features/graphql tests).
  "POST /v2/graphql": { prepare: async () => json("/v2/graphql", { query: "{ tenant { id } }" }) },
  "POST /v2/api-keys": {
    creates: true,
    prepare: async () => json("/v2/api-keys", { name: "keyed", role: "viewer" }),
  },
  "DELETE /v2/api-keys/:id": {
    prepare: async (t) => ({ path: `/v2/api-keys/${(await t.createKey("viewer")).id}` }),
  },
  "POST /v2/api-keys/:id/roll": {
    prepare: async (t) =>
      json(`/v2/api-keys/${(await t.createKey("viewer")).id}/roll`, { expires_in: 60 }),
  },
  "POST /v2/tenant/export": { prepare: async () => ({ path: "/v2/tenant/export" }) },
  "POST /v2/files": {
    creates: true,
    prepare: async () => ({
      path: "/v2/files?filename=keyed.json",
      // JSON-typed on purpose: an upload is never read for its fingerprint, whatever its type.
      body: new TextEncoder().encode('{"an":"upload"}'),
      contentType: "application/json",
    }),
  },
  "POST /v2/files/multipart": {
    creates: true,
    prepare: async () =>
      json("/v2/files/multipart", {
        filename: "big.pdf",
        content_type: "application/pdf",
        size_bytes: 1024,
      }),
  },
  "POST /v2/files/:id/complete": {
    prepare: async (t) => {
      const data = bytes(1024, 5);
      const { id } = await multipart(t, data.byteLength);
      const part = await call(`/v2/files/${id}/parts/1`, {
        method: "PUT",
        headers: { ...bearer(t.editorKey), "content-length": String(data.byteLength) },
        body: data,
      });
      const { etag } = (await part.json()) as { etag: string };
      return json(`/v2/files/${id}/complete`, { parts: [{ part_number: 1, etag }] });
    },
  },
  "DELETE /v2/files/:id/multipart": {
    prepare: async (t) => ({ path: `/v2/files/${(await multipart(t, 1024)).id}/multipart` }),
  },
  "DELETE /v2/files/:id": {
    prepare: async (t) => ({ path: `/v2/files/${(await uploaded(t.editorKey, bytes(64))).id}` }),
  },
  "POST /v2/files/:id/download-url": {
    prepare: async (t) =>
      json(`/v2/files/${(await uploaded(t.editorKey, bytes(64))).id}/download-url`, {
        expires_in: 60,
      }),
  },
  "POST /v2/books": { prepare: async () => json("/v2/books", bookBody()) },
  // Not `creates`: while one import runs, a second one of the tenant is 409 by design.
  "POST /v2/books/imports": {
    prepare: async () => ({
      path: "/v2/books/imports",
      body: new TextEncoder().encode(`${JSON.stringify(bookBody())}\n`),
      contentType: "application/x-ndjson",
    }),
  },
  "PATCH /v2/books/:id": {
    prepare: async (t) =>
      json(`/v2/books/${(await createBook(t.editorKey)).id}`, { title: "Keyed" }),
  },
  "DELETE /v2/books/:id": {
    prepare: async (t) => ({ path: `/v2/books/${(await createBook(t.editorKey)).id}` }),
  },
  "POST /v2/orders": {
    creates: true,
    prepare: async (t) => {
      const book = await createBook(t.editorKey, { stock: 1000 });
      return json("/v2/orders", { lines: [{ book_id: book.id, quantity: 1 }] });
    },
  },
  "POST /v2/orders/:id/confirm": {
    prepare: async (t) => ({ path: `/v2/orders/${await stockedOrder(t)}/confirm` }),
  },
  "POST /v2/orders/:id/ship": {
    prepare: async (t) => ({ path: `/v2/orders/${await stockedOrder(t, "confirm")}/ship` }),
  },
  "POST /v2/orders/:id/cancel": {
    prepare: async (t) => ({ path: `/v2/orders/${await stockedOrder(t)}/cancel` }),
  },
  "POST /v2/events/:id/resend": {
    prepare: async (t) => {
      await createBook(t.editorKey);
      const events = await call("/v2/events?limit=1", { headers: bearer(t.adminKey) });
      const { data } = (await events.json()) as { data: Array<{ id: string }> };
      return { path: `/v2/events/${data[0]?.id}/resend` };
    },
  },
  "POST /v2/webhook-endpoints": {
    creates: true,
    prepare: async () => json("/v2/webhook-endpoints", { url: "https://93.184.215.14/hook" }),
  },
  "PATCH /v2/webhook-endpoints/:id": {
    prepare: async (t) =>
      json(`/v2/webhook-endpoints/${await endpoint(t)}`, { description: "Keyed" }),
  },
  "DELETE /v2/webhook-endpoints/:id": {
    prepare: async (t) => ({ path: `/v2/webhook-endpoints/${await endpoint(t)}` }),
  },
  "POST /v2/webhook-endpoints/:id/rotate-secret": {
    prepare: async (t) => ({ path: `/v2/webhook-endpoints/${await endpoint(t)}/rotate-secret` }),
  },
  "POST /v2/webhook-endpoints/:id/recover": {
    prepare: async (t) =>
      json(`/v2/webhook-endpoints/${await endpoint(t)}/recover`, {
        since: "2026-01-01T00:00:00Z",
      }),
  },
  "POST /v2/portal-tokens": {
    creates: true,
    prepare: async () => json("/v2/portal-tokens", { ttl_seconds: 300 }),
  },
  "POST /v2/stream-tickets": {
    prepare: async () => ({ path: "/v2/stream-tickets" }),
  },
  "POST /v1/books": { prepare: async () => json("/v1/books", v1Book()) },
  "PATCH /v1/books/:id": {
    prepare: async (t) =>
      json(`/v1/books/${(await createBook(t.editorKey)).id}`, { title: "Keyed" }),
  },
  "DELETE /v1/books/:id": {
    prepare: async (t) => ({ path: `/v1/books/${(await createBook(t.editorKey)).id}` }),
  },
  "POST /v1/orders": {
    creates: true,
    prepare: async (t) => {
      const book = await createBook(t.editorKey, { stock: 1000 });
      return json("/v1/orders", { lines: [{ book_id: book.id, quantity: 1 }] });
    },
  },
  "POST /v1/orders/:id/confirm": {
    prepare: async (t) => ({ path: `/v1/orders/${await stockedOrder(t)}/confirm` }),
  },
  "POST /v1/orders/:id/ship": {
    prepare: async (t) => ({ path: `/v1/orders/${await stockedOrder(t, "confirm")}/ship` }),
  },
  "POST /v1/orders/:id/cancel": {
    prepare: async (t) => ({ path: `/v1/orders/${await stockedOrder(t)}/cancel` }),
  },
};
