/** Per-route facts the common auth suite needs that the route table cannot tell. */
import { bookBody, createBook } from "../../features/books/fixtures";
import { bytes, uploaded } from "../../features/files/fixtures";
import { createOrder } from "../../features/orders/fixtures";
import { call } from "../../helpers/http";
import { bearer, type TestTenant } from "../../helpers/tenant";

/** Routes under /v1 or /v2 that take no bearer credential, with the reason. */
export const publicRoutes = new Set<string>([]);

/** Writes a viewer may make (read-like POSTs), with the reason. */
export const viewerWrites = new Set<string>([
  // Signing a download URL reads the file: any role that may download may sign.
  "POST /v2/files/:id/download-url",
  // A stream ticket carries the role of the credential that asked for it (any role may stream).
  "POST /v2/stream-tickets",
  // Any role may query; each GraphQL mutation's verb refuses a viewer (features/graphql tests).
  "POST /v2/graphql",
]);

/** Bodies that pass validation, so the foreign-id check reaches the resource lookup. */
export const sampleBodies: Record<string, unknown> = {
  "PATCH /v2/books/:id": { title: "Foreign" },
  "PATCH /v1/books/:id": { title: "Foreign" },
  "POST /v2/files/:id/complete": { parts: [{ part_number: 1, etag: "foreign" }] },
  "PATCH /v2/webhook-endpoints/:id": { description: "Foreign" },
  "POST /v2/webhook-endpoints/:id/recover": { since: "2026-01-01T00:00:00Z" },
  "POST /v2/api-keys/:id/roll": { expires_in: 0 },
};

/** Creates a resource of each kind in a tenant and returns its id (for the 404 check). */
export const foreignResourceFactories: Record<string, (tenant: TestTenant) => Promise<string>> = {
  files: async (tenant) => (await uploaded(tenant.editorKey, bytes(16))).id,
  // /v2/tenant/exports/:id
  exports: async (tenant) => {
    const response = await call("/v2/tenant/export", {
      method: "POST",
      headers: bearer(tenant.adminKey),
    });
    return ((await response.json()) as { id: string }).id;
  },
  "api-keys": async (tenant) => (await tenant.createKey("viewer", "foreign")).id,
  // A public IP literal: accepted without DNS (the tests have no resolver table by default).
  "webhook-endpoints": async (tenant) => {
    const response = await call("/v2/webhook-endpoints", {
      method: "POST",
      headers: { ...bearer(tenant.adminKey), "content-type": "application/json" },
      body: JSON.stringify({ url: "https://93.184.215.14/hook" }),
    });
    return ((await response.json()) as { id: string }).id;
  },
  books: async (tenant) => (await createBook(tenant.editorKey)).id,
  // /v2/books/imports/:id and its error report
  imports: async (tenant) => {
    const body = `${JSON.stringify(bookBody())}\n`;
    const response = await call("/v2/books/imports", {
      method: "POST",
      headers: {
        ...bearer(tenant.editorKey),
        "content-type": "application/x-ndjson",
        "content-length": String(new TextEncoder().encode(body).byteLength),
      },
      body,
    });
    return ((await response.json()) as { id: string }).id;
  },
  orders: async (tenant) => {
    const book = await createBook(tenant.editorKey);
    return (await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }])).id;
  },
  events: async (tenant) => {
    await createBook(tenant.editorKey);
    const response = await call("/v2/events?limit=1", { headers: bearer(tenant.adminKey) });
    return ((await response.json()) as { data: Array<{ id: string }> }).data[0]?.id as string;
  },
};
