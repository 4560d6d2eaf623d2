import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type TenantScope, uncachedRead } from "../../../platform/db";
import { books, orderLines, orders } from "../../../platform/db/schema";

/**
 * Orders whose quantities are still taken off their books' `stock` and would come back on cancel:
 * a pending order's reservation, and a confirmed order not yet shipped (still on the shelf).
 */
const OPEN_STATUSES = ["pending", "confirmed"] as const;

/** A live book an import line will update: its id and what open orders reserve of it. */
export interface HeldBook {
  id: string;
  reserved: number;
}

/**
 * Locks the tenant's live books with these ISBNs in id order, the order orders and cancels lock
 * books in (orders/service.ts, orders/transitions.ts): an import batch then waits for an order or
 * makes it wait, but the two can never each hold a book the other needs (no deadlock, 40P01).
 * Then reads what open orders reserve of each, by ISBN.
 *
 * Two statements on purpose: a statement that waited for a lock sees the locked row as committed
 * but reads everything else from the snapshot it started with, so it could miss the lines of the
 * order it waited for. The second statement starts after every lock is held, and nothing can
 * reserve or release these books until this transaction ends (both lock them first).
 */
export async function lockBooksForImport(
  scope: TenantScope,
  isbns: string[],
): Promise<Map<string, HeldBook>> {
  const held = new Map<string, HeldBook>();
  if (isbns.length === 0) return held;
  const locked = await scope.tx
    .select({ id: books.id, isbn: books.isbn })
    .from(books)
    .where(scope.where(books, inArray(books.isbn, isbns), isNull(books.deletedAt), uncachedRead))
    .orderBy(asc(books.id))
    .for("update");
  if (locked.length === 0) return held;
  const reserved = await scope.tx
    .select({
      bookId: orderLines.bookId,
      quantity: sql<string>`sum(${orderLines.quantity})`,
    })
    .from(orderLines)
    .innerJoin(orders, and(eq(orders.id, orderLines.orderId), eq(orders.tenantId, scope.tenantId)))
    .where(
      scope.where(
        orderLines,
        inArray(
          orderLines.bookId,
          locked.map((book) => book.id),
        ),
        inArray(orders.status, [...OPEN_STATUSES]),
      ),
    )
    .groupBy(orderLines.bookId);
  const byBook = new Map(reserved.map((row) => [row.bookId, Number(row.quantity)]));
  for (const book of locked)
    held.set(book.isbn, { id: book.id, reserved: byBook.get(book.id) ?? 0 });
  return held;
}

/** The record of a line whose count on hand is below what open orders already reserve. */
export const belowReserved = (reserved: number) => ({
  field: "stock",
  message: `${reserved} ${reserved === 1 ? "copy is" : "copies are"} reserved by open orders; the count on hand cannot be less`,
});
