import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { createBook } from "../books/fixtures";
import { createOrder, stockOf } from "./fixtures";

/** stock + quantities held by live (not cancelled) orders, per book. */
async function accounted(bookId: string): Promise<number> {
  const rows = await withOwnerSql(
    (sql) => sql`select
      (select stock from books where id = ${bookId})
      + coalesce((select sum(l.quantity) from order_lines l join orders o on o.id = l.order_id
                  where l.book_id = ${bookId} and o.status <> 'cancelled'), 0) as total`,
  );
  return Number(rows[0]?.total);
}

describe("stock reservation under concurrency (real Postgres transactions)", () => {
  it("50 simultaneous orders for a stock of 10: exactly 10 succeed, stock ends at 0", async () => {
    const tenant = await createTestTenant({ plan: "enterprise" });
    const book = await createBook(tenant.editorKey, { stock: 10 });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        callJson(
          "/v2/orders",
          "POST",
          { lines: [{ book_id: book.id, quantity: 1 }] },
          bearer(tenant.editorKey),
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    for (const response of responses.filter((r) => r.status === 409)) {
      const problem = await readProblem(response);
      expect(problem.code).toBe("insufficient_stock");
      expect(problem.lines).toEqual([{ book_id: book.id, requested: 1, available: 0 }]);
    }
    expect(await stockOf(book.id)).toBe(0);
    const orders = await withOwnerSql(
      (sql) => sql`select count(*)::int as n from orders where tenant_id = ${tenant.id}`,
    );
    expect(orders[0]?.n).toBe(10);
  });

  it("cancels racing re-orders (lines in both orders of books) keep stock + reserved == initial", async () => {
    const tenant = await createTestTenant({ plan: "enterprise" });
    const a = await createBook(tenant.editorKey, { stock: 20 });
    const b = await createBook(tenant.editorKey, { stock: 20 });
    const placed = [];
    for (let i = 0; i < 8; i++) {
      placed.push(
        await createOrder(tenant.editorKey, [
          { book_id: a.id, quantity: 2 },
          { book_id: b.id, quantity: 2 },
        ]),
      );
    }
    expect(await stockOf(a.id)).toBe(4);

    const cancels = placed.slice(0, 6).flatMap((order) => [
      call(`/v2/orders/${order.id}/cancel`, { method: "POST", headers: bearer(tenant.editorKey) }),
      // The same order cancelled twice at once: the stock comes back once.
      call(`/v2/orders/${order.id}/cancel`, { method: "POST", headers: bearer(tenant.editorKey) }),
    ]);
    // Lines in opposite orders would deadlock if rows were not locked in a consistent order.
    const reorders = Array.from({ length: 12 }, (_, i) =>
      callJson(
        "/v2/orders",
        "POST",
        {
          lines:
            i % 2 === 0
              ? [
                  { book_id: a.id, quantity: 3 },
                  { book_id: b.id, quantity: 1 },
                ]
              : [
                  { book_id: b.id, quantity: 1 },
                  { book_id: a.id, quantity: 3 },
                ],
        },
        bearer(tenant.editorKey),
      ),
    );
    const results = await Promise.all([...cancels, ...reorders]);
    const cancelStatuses = results.slice(0, 12).map((r) => r.status);
    expect(cancelStatuses.filter((s) => s === 200)).toHaveLength(6);
    expect(cancelStatuses.filter((s) => s === 409)).toHaveLength(6);
    for (const r of results.slice(12)) expect([201, 409]).toContain(r.status);

    expect(await accounted(a.id)).toBe(20);
    expect(await accounted(b.id)).toBe(20);
    expect(await stockOf(a.id)).toBeGreaterThanOrEqual(0);
    expect(await stockOf(b.id)).toBeGreaterThanOrEqual(0);
  });
});
