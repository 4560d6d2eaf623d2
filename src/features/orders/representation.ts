import type { orderLines, orders } from "../../platform/db/schema";

type OrderRow = typeof orders.$inferSelect;
type LineRow = typeof orderLines.$inferSelect;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** The v2 representation of an order with its lines (also the `data` of order events). */
export function orderView(order: OrderRow, lines: LineRow[]) {
  const money = (amount: number) => ({ amount, currency: order.currency });
  return {
    id: order.id,
    status: order.status,
    total: money(order.totalAmount),
    lines: [...lines]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((line) => ({
        id: line.id,
        book_id: line.bookId,
        isbn: line.isbn,
        title: line.title,
        quantity: line.quantity,
        unit_price: money(line.unitAmount),
        line_total: money(line.lineAmount),
      })),
    created_at: order.createdAt.toISOString(),
    updated_at: order.updatedAt.toISOString(),
    confirmed_at: iso(order.confirmedAt),
    shipped_at: iso(order.shippedAt),
    cancelled_at: iso(order.cancelledAt),
    expires_at: iso(order.expiresAt),
    expired_at: iso(order.expiredAt),
  };
}
export type OrderView = ReturnType<typeof orderView>;
