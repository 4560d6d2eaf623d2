import { describe, expect, it } from "vitest";
import { isbn } from "../features/books/fixtures";
import { createTestTenant } from "../helpers/tenant";
import { typedClient as client } from "../helpers/typed-client";

describe("typed client (hono/client over AppType)", () => {
  it("creates a book and an order and reads typed fields", async () => {
    const tenant = await createTestTenant();
    const api = client(tenant.editorKey);

    const created = await api.v2.books.$post({
      json: {
        isbn: isbn(),
        title: "Typed",
        authors: ["Client"],
        price: { amount: 1500, currency: "EUR" },
        stock: 4,
      },
    });
    expect(created.status).toBe(201);
    if (created.status !== 201) throw new Error("not created");
    const book = await created.json();
    const amount: number = book.price.amount;
    const status: "active" | "archived" = book.status;
    expect([amount, status, book.stock]).toEqual([1500, "active", 4]);
    // @ts-expect-error: the response type is the Book schema, which has no `secret` field.
    expect(book.secret).toBeUndefined();

    const ordered = await api.v2.orders.$post({
      json: { lines: [{ book_id: book.id, quantity: 3 }] },
    });
    if (ordered.status !== 201) throw new Error(`order failed: ${ordered.status}`);
    const order = await ordered.json();
    const total: number = order.total.amount;
    expect(total).toBe(4500);
    expect(order.lines[0]?.title).toBe("Typed");
    expect(order.status satisfies "pending" | "confirmed" | "shipped" | "cancelled").toBe(
      "pending",
    );

    const fetched = await api.v2.orders[":id"].$get({ param: { id: order.id } });
    if (fetched.status !== 200) throw new Error("not found");
    expect((await fetched.json()).id).toBe(order.id);

    const cancelled = await api.v2.orders[":id"].cancel.$post({ param: { id: order.id } });
    if (cancelled.status !== 200) throw new Error("not cancelled");
    expect((await cancelled.json()).cancelled_at).not.toBeNull();

    const listed = await api.v2.books.$get({ query: { q: "typed" } });
    if (listed.status !== 200) throw new Error("list failed");
    const page = await listed.json();
    expect(page.data.map((b) => b.stock)).toEqual([4]);
  });
});
