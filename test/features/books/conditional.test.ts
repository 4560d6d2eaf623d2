import { describe, expect, it } from "vitest";
import { call, callJson } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { createOrder } from "../orders/fixtures";
import { createBook } from "./fixtures";

const get = (path: string, key: string, etag?: string) =>
  call(path, { headers: { ...bearer(key), ...(etag ? { "if-none-match": etag } : {}) } });

/** 200 with an ETag and private, no-cache; the same request with it is 304 with no body. */
async function revalidates(path: string, key: string, weak: boolean) {
  const first = await get(path, key);
  expect(first.status).toBe(200);
  expect(first.headers.get("cache-control")).toBe("private, no-cache");
  const etag = first.headers.get("etag") as string;
  expect(etag).toMatch(weak ? /^W\/"[0-9a-f]{32}"$/ : /^"[a-z]+_[0-9a-z]+\.[vt]\d+"$/);
  const again = await get(path, key, etag);
  expect(again.status).toBe(304);
  expect(await again.text()).toBe("");
  expect(again.headers.get("etag")).toBe(etag);
  expect(again.headers.get("cache-control")).toBe("private, no-cache");
  // A list of tags, or the tag weakened by an intermediary, match too; another tag does not.
  expect((await get(path, key, `"other", W/${etag.replace(/^W\//, "")}`)).status).toBe(304);
  expect((await get(path, key, '"other"')).status).toBe(200);
  return etag;
}

describe("conditional reads (If-None-Match)", () => {
  it("a book answers 304 while unchanged and 200 with a new ETag after a change", async () => {
    const tenant = await createTestTenant({ plan: "enterprise" });
    const book = await createBook(tenant.editorKey, { stock: 3 });
    const path = `/v2/books/${book.id}`;
    const etag = await revalidates(path, tenant.viewerKey, false);
    const patched = await callJson(path, "PATCH", { title: "Changed" }, bearer(tenant.editorKey));
    expect(patched.status).toBe(200);
    const after = await get(path, tenant.viewerKey, etag);
    expect(after.status).toBe(200);
    expect(((await after.json()) as { title: string }).title).toBe("Changed");
    expect(after.headers.get("etag")).not.toBe(etag);
  });

  it("an order answers 304 while unchanged and 200 after a status change", async () => {
    const tenant = await createTestTenant({ plan: "enterprise" });
    const book = await createBook(tenant.editorKey, { stock: 3 });
    const order = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }]);
    const path = `/v2/orders/${order.id}`;
    const etag = await revalidates(path, tenant.viewerKey, false);
    const cancelled = await callJson(`${path}/cancel`, "POST", undefined, bearer(tenant.editorKey));
    expect(cancelled.status).toBe(200);
    const after = await get(path, tenant.viewerKey, etag);
    expect(after.status).toBe(200);
    expect(((await after.json()) as { status: string }).status).toBe("cancelled");
  });

  it("list pages carry a weak ETag over their items and cursor: 304 until an item changes", async () => {
    const tenant = await createTestTenant({ plan: "enterprise" });
    const a = await createBook(tenant.editorKey, { stock: 3 });
    await createBook(tenant.editorKey, { stock: 3 });
    const order = await createOrder(tenant.editorKey, [{ book_id: a.id, quantity: 1 }]);

    const books = await revalidates("/v2/books?limit=1", tenant.viewerKey, true);
    // Another page, or the same items under another query, is another tag.
    expect((await get("/v2/books?limit=2", tenant.viewerKey, books)).status).toBe(200);
    const orders = await revalidates("/v2/orders", tenant.viewerKey, true);

    // A change to an item on the page (the order's stock moved the book, the cancel the order).
    await callJson(`/v2/orders/${order.id}/cancel`, "POST", undefined, bearer(tenant.editorKey));
    expect((await get("/v2/orders", tenant.viewerKey, orders)).status).toBe(200);
    const all = await revalidates("/v2/books", tenant.viewerKey, true);
    await callJson(`/v2/books/${a.id}`, "PATCH", { title: "New title" }, bearer(tenant.editorKey));
    expect((await get("/v2/books", tenant.viewerKey, all)).status).toBe(200);
  });

  it("another tenant's ETag never yields 304, whether for an entity it cannot see or a list", async () => {
    const a = await createTestTenant({ plan: "enterprise" });
    const b = await createTestTenant({ plan: "enterprise" });
    const book = await createBook(a.editorKey, { stock: 3 });
    const order = await createOrder(a.editorKey, [{ book_id: book.id, quantity: 1 }]);
    for (const path of [`/v2/books/${book.id}`, `/v2/orders/${order.id}`]) {
      const etag = (await get(path, a.viewerKey)).headers.get("etag") as string;
      expect((await get(path, b.viewerKey, etag)).status).toBe(404);
      expect((await get(path, b.viewerKey, "*")).status).toBe(404);
    }
    // Two empty order lists hold the same items, yet one tenant's tag is not the other's.
    const c = await createTestTenant({ plan: "enterprise" });
    const emptyB = (await get("/v2/orders", b.viewerKey)).headers.get("etag") as string;
    const emptyC = await get("/v2/orders", c.viewerKey, emptyB);
    expect(emptyC.status).toBe(200);
    expect(emptyC.headers.get("etag")).not.toBe(emptyB);
  });

  it("v1 is untouched: no 304, no Cache-Control", async () => {
    const tenant = await createTestTenant({ plan: "enterprise" });
    const book = await createBook(tenant.editorKey, { stock: 3 });
    for (const path of [`/v1/books/${book.id}`, "/v1/books"]) {
      const response = await get(path, tenant.viewerKey, "*");
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBeNull();
    }
  });
});
