import { asc, inArray, sql } from "drizzle-orm";
import { auditInScope } from "../../platform/audit";
import { assertRole } from "../../platform/auth/roles";
import type { ServiceContext } from "../../platform/context";
import { type TenantScope, uncachedRead } from "../../platform/db";
import { books, orders } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import type { EventType } from "../../platform/outbox";
import { recordEvent } from "../../platform/outbox";
import { orderView } from "./representation";
import type { OrderStatus } from "./schemas";
import { loadOrder, quantityByBook } from "./service";

/**
 * The order state machine: pending → confirmed → shipped, and pending|confirmed → cancelled. The
 * expiry job (expiry.ts) moves pending → expired once `expires_at` has passed.
 */
const TRANSITIONS = {
  confirm: { from: ["pending"], to: "confirmed", event: "order.confirmed", at: "confirmedAt" },
  ship: { from: ["confirmed"], to: "shipped", event: "order.shipped", at: "shippedAt" },
  cancel: {
    from: ["pending", "confirmed"],
    to: "cancelled",
    event: "order.cancelled",
    at: "cancelledAt",
  },
} as const satisfies Record<
  string,
  {
    from: readonly OrderStatus[];
    to: OrderStatus;
    event: EventType;
    at: "confirmedAt" | "shippedAt" | "cancelledAt";
  }
>;
export type OrderAction = keyof typeof TRANSITIONS;

/** Puts a cancelled or expired order's quantities back on its books' stock (locked in id order). */
export async function releaseStock(
  scope: TenantScope,
  lines: Array<{ bookId: string; quantity: number }>,
  now: Date,
) {
  const ids = lines.map((line) => line.bookId);
  await scope.tx
    .select({ id: books.id })
    .from(books)
    .where(scope.where(books, inArray(books.id, ids), uncachedRead))
    .orderBy(asc(books.id))
    .for("update");
  const quantity = quantityByBook(
    lines.map((line) => ({ book_id: line.bookId, quantity: line.quantity })),
  );
  await scope.tx
    .update(books)
    .set({
      stock: sql`${books.stock} + ${quantity}`,
      version: sql`${books.version} + 1`,
      updatedAt: now,
    })
    .where(scope.where(books, inArray(books.id, ids)));
}

/**
 * Moves an order along the state machine; an illegal move is 409 `invalid_state_transition`.
 * The order row is locked first, so concurrent cancels release the stock once.
 */
export async function transitionOrder({
  ctx,
  id,
  action,
}: {
  ctx: ServiceContext;
  id: string;
  action: OrderAction;
}) {
  assertRole(ctx.role, "editor");
  const transition = TRANSITIONS[action];
  return ctx.database.tenant(async (scope) => {
    const { order, lines } = await loadOrder(scope, id, true);
    if (!(transition.from as readonly string[]).includes(order.status)) {
      throw new AppError(
        "invalid_state_transition",
        `${/^[aeiou]/.test(order.status) ? "An" : "A"} ${order.status} order cannot be ${transition.to}.`,
        { extensions: { order_status: order.status } },
      );
    }
    const now = new Date();
    // The order row is locked: the expiry job skips it until this commits, and a confirm after the
    // hold has passed is refused even if the job has not run yet (the order is expired either way).
    if (action === "confirm" && order.expiresAt && order.expiresAt <= now) {
      throw new AppError(
        "invalid_state_transition",
        "The order's reservation has expired; it cannot be confirmed.",
        { extensions: { order_status: "expired", expires_at: order.expiresAt.toISOString() } },
      );
    }
    if (action === "cancel" && lines.length > 0) await releaseStock(scope, lines, now);
    const [updated] = await scope.tx
      .update(orders)
      .set({ status: transition.to, [transition.at]: now, updatedAt: now })
      .where(scope.where(orders, sql`${orders.id} = ${id}`))
      .returning();
    if (!updated) throw new Error("update returned no row");
    const view = orderView(updated, lines);
    await auditInScope(scope, ctx, {
      action: transition.event,
      targetType: "order",
      targetId: id,
      before: { status: order.status },
      after: view,
    });
    await recordEvent(scope, transition.event, view);
    return view;
  });
}
