import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { createBook } from "../books/fixtures";
import { createOrder, listOrders, type OrderJson, stockOf, tenantCounts } from "./fixtures";

const post = (path: string, key: string) => call(path, { method: "POST", headers: bearer(key) });

describe("orders (v2)", () => {
  it("creates a pending order with server-side totals, reserving stock, and walks it to shipped", async () => {
    const tenant = await createTestTenant();
    const a = await createBook(tenant.editorKey, {
      price: { amount: 1250, currency: "EUR" },
      stock: 10,
    });
    const b = await createBook(tenant.editorKey, {
      price: { amount: 499, currency: "EUR" },
      stock: 5,
    });
    const order = await createOrder(tenant.editorKey, [
      { book_id: b.id, quantity: 2 },
      { book_id: a.id, quantity: 3 },
    ]);
    expect(order).toMatchObject({
      status: "pending",
      total: { amount: 2 * 499 + 3 * 1250, currency: "EUR" },
      confirmed_at: null,
    });
    expect(order.id).toMatch(/^ord_/);
    expect(order.lines.map((l) => [l.book_id, l.quantity, l.line_total.amount])).toEqual([
      [b.id, 2, 998],
      [a.id, 3, 3750],
    ]);
    expect(order.lines[1]).toMatchObject({
      isbn: a.isbn,
      title: a.title,
      unit_price: { amount: 1250, currency: "EUR" },
    });
    expect(await stockOf(a.id)).toBe(7);
    expect(await stockOf(b.id)).toBe(3);

    const read = await call(`/v2/orders/${order.id}`, { headers: bearer(tenant.viewerKey) });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(order);

    const early = await post(`/v2/orders/${order.id}/ship`, tenant.editorKey);
    expect(early.status).toBe(409);
    expect(await readProblem(early)).toMatchObject({
      code: "invalid_state_transition",
      order_status: "pending",
    });

    const confirmed = await post(`/v2/orders/${order.id}/confirm`, tenant.editorKey);
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as OrderJson).confirmed_at).not.toBeNull();
    expect((await post(`/v2/orders/${order.id}/confirm`, tenant.editorKey)).status).toBe(409);
    const shipped = await post(`/v2/orders/${order.id}/ship`, tenant.editorKey);
    expect(shipped.status).toBe(200);
    expect((await shipped.json()) as OrderJson).toMatchObject({ status: "shipped" });
    const late = await post(`/v2/orders/${order.id}/cancel`, tenant.editorKey);
    expect(late.status).toBe(409);
    expect((await readProblem(late)).code).toBe("invalid_state_transition");
    expect(await stockOf(a.id)).toBe(7);

    const types = await withOwnerSql(
      (sql) =>
        sql`select type from events where tenant_id = ${tenant.id} and type like 'order.%' order by id`,
    );
    expect(types.map((e) => e.type)).toEqual(["order.created", "order.confirmed", "order.shipped"]);
    const audit = await withOwnerSql(
      (sql) => sql`select action from audit_log where target_id = ${order.id} order by id`,
    );
    expect(audit.map((e) => e.action)).toEqual([
      "order.created",
      "order.confirmed",
      "order.shipped",
    ]);
  });

  it("cancel releases the stock once; a second cancel is 409", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.editorKey, { stock: 4 });
    const pending = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 3 }]);
    expect(await stockOf(book.id)).toBe(1);
    const cancelled = await post(`/v2/orders/${pending.id}/cancel`, tenant.editorKey);
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()) as OrderJson).toMatchObject({ status: "cancelled" });
    expect(await stockOf(book.id)).toBe(4);
    expect((await post(`/v2/orders/${pending.id}/cancel`, tenant.editorKey)).status).toBe(409);
    expect(await stockOf(book.id)).toBe(4);

    const confirmed = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 4 }]);
    await post(`/v2/orders/${confirmed.id}/confirm`, tenant.editorKey);
    expect((await post(`/v2/orders/${confirmed.id}/cancel`, tenant.editorKey)).status).toBe(200);
    expect(await stockOf(book.id)).toBe(4);
  });

  it("refuses the whole order with 409 insufficient_stock naming every short line, changing nothing", async () => {
    const tenant = await createTestTenant();
    const a = await createBook(tenant.editorKey, { stock: 10 });
    const b = await createBook(tenant.editorKey, { stock: 1 });
    const c = await createBook(tenant.editorKey, { stock: 0 });
    const before = await tenantCounts(tenant.id);
    const response = await callJson(
      "/v2/orders",
      "POST",
      {
        lines: [
          { book_id: a.id, quantity: 10 },
          { book_id: b.id, quantity: 2 },
          { book_id: c.id, quantity: 1 },
        ],
      },
      bearer(tenant.editorKey),
    );
    expect(response.status).toBe(409);
    const problem = await readProblem(response);
    expect(problem.code).toBe("insufficient_stock");
    expect(problem.lines).toEqual([
      { book_id: b.id, requested: 2, available: 1 },
      { book_id: c.id, requested: 1, available: 0 },
    ]);
    expect(await tenantCounts(tenant.id)).toEqual(before);
  });

  it("rejects unknown, foreign, deleted, archived and other-currency books alike (400 naming the lines)", async () => {
    const [tenant, other] = await Promise.all([createTestTenant(), createTestTenant()]);
    const good = await createBook(tenant.editorKey);
    const archived = await createBook(tenant.editorKey, { status: "archived" });
    const deleted = await createBook(tenant.editorKey);
    await call(`/v2/books/${deleted.id}`, { method: "DELETE", headers: bearer(tenant.editorKey) });
    const dollars = await createBook(tenant.editorKey, { price: { amount: 100, currency: "USD" } });
    const foreign = await createBook(other.editorKey);
    const before = await tenantCounts(tenant.id);

    const response = await callJson(
      "/v2/orders",
      "POST",
      {
        lines: [
          { book_id: good.id, quantity: 1 },
          { book_id: foreign.id, quantity: 1 },
          { book_id: "book_00000000000000000000000000", quantity: 1 },
          { book_id: "nonsense", quantity: 1 },
          { book_id: deleted.id, quantity: 1 },
          { book_id: archived.id, quantity: 1 },
          { book_id: dollars.id, quantity: 1 },
        ],
      },
      bearer(tenant.editorKey),
    );
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors).toEqual([
      { path: "json.lines.1.book_id", message: "no such book" },
      { path: "json.lines.2.book_id", message: "no such book" },
      { path: "json.lines.3.book_id", message: "no such book" },
      { path: "json.lines.4.book_id", message: "no such book" },
      { path: "json.lines.5.book_id", message: "the book is archived" },
      { path: "json.lines.6.book_id", message: "the book is priced in USD; this order is in EUR" },
    ]);
    expect(await tenantCounts(tenant.id)).toEqual(before);

    for (const body of [
      { lines: [] },
      { lines: [{ book_id: good.id, quantity: 0 }] },
      { lines: [{ book_id: good.id, quantity: 10_001 }] },
      { lines: [{ book_id: good.id, quantity: 1.5 }] },
      { lines: Array.from({ length: 101 }, (_, i) => ({ book_id: `book_${i}`, quantity: 1 })) },
      {
        lines: [
          { book_id: good.id, quantity: 1 },
          { book_id: good.id, quantity: 2 },
        ],
      },
      { lines: [{ book_id: good.id, quantity: 1, price: 0 }] },
      { lines: [{ book_id: good.id, quantity: 1 }], status: "shipped" },
    ]) {
      const bad = await callJson("/v2/orders", "POST", body, bearer(tenant.editorKey));
      expect(bad.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect((await readProblem(bad)).errors?.length).toBeGreaterThan(0);
    }
    expect(await tenantCounts(tenant.id)).toEqual(before);
  });

  it("keeps the line snapshot readable after the book is archived or deleted", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.editorKey, { title: "Original title" });
    const order = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }]);
    await callJson(
      `/v2/books/${book.id}`,
      "PATCH",
      { title: "Renamed", status: "archived" },
      bearer(tenant.editorKey),
    );
    await call(`/v2/books/${book.id}`, { method: "DELETE", headers: bearer(tenant.editorKey) });
    const read = (await (
      await call(`/v2/orders/${order.id}`, { headers: bearer(tenant.viewerKey) })
    ).json()) as OrderJson;
    expect(read.lines[0]).toMatchObject({
      book_id: book.id,
      title: "Original title",
      isbn: book.isbn,
    });
    expect((await post(`/v2/orders/${order.id}/cancel`, tenant.editorKey)).status).toBe(200);
  });

  it("lists newest first with their lines, filtered by status", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.editorKey, { stock: 100 });
    const first = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }]);
    const second = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 2 }]);
    await post(`/v2/orders/${first.id}/cancel`, tenant.editorKey);
    const headers = bearer(tenant.viewerKey);
    const all = await listOrders(tenant.viewerKey, { limit: "1" });
    expect(all.data.map((o) => o.id)).toEqual([second.id]);
    expect(all.data[0]?.lines).toHaveLength(1);
    expect(all.has_more).toBe(true);
    const next = await listOrders(tenant.viewerKey, {
      limit: "1",
      starting_after: String(all.next_cursor),
    });
    expect(next.data.map((o) => o.id)).toEqual([first.id]);
    const cancelled = await listOrders(tenant.viewerKey, { status: "cancelled" });
    expect(cancelled.data.map((o) => o.id)).toEqual([first.id]);
    expect((await call("/v2/orders?status=lost", { headers })).status).toBe(400);
  });

  it("401 without credential, 403 for viewer writes, 404 for another tenant's order", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const book = await createBook(a.editorKey);
    const order = await createOrder(a.editorKey, [{ book_id: book.id, quantity: 1 }]);
    expect((await call("/v2/orders")).status).toBe(401);
    expect((await call(`/v2/orders/${order.id}`)).status).toBe(401);
    expect(
      (await callJson("/v2/orders", "POST", { lines: "nope" }, bearer(a.viewerKey))).status,
    ).toBe(403);
    for (const action of ["confirm", "ship", "cancel"]) {
      const refused = await post(`/v2/orders/${order.id}/${action}`, a.viewerKey);
      expect(refused.status).toBe(403);
      const foreign = await post(`/v2/orders/${order.id}/${action}`, b.adminKey);
      expect(foreign.status).toBe(404);
      expect((await readProblem(foreign)).code).toBe("not_found");
    }
    expect((await call(`/v2/orders/${order.id}`, { headers: bearer(b.adminKey) })).status).toBe(
      404,
    );
    expect((await call("/v2/orders/ord_bad", { headers: bearer(a.viewerKey) })).status).toBe(404);
    expect(await stockOf(book.id)).toBe(9);
  });
});
