import { and, asc, eq, lte } from "drizzle-orm";
import type { Env } from "../../env";
import { writeAudit } from "../../platform/audit";
import {
  type DatabaseHandle,
  openSystemDatabase,
  READ_ONLY,
  uncachedRead,
  withSystem,
  withTenant,
} from "../../platform/db";
import { orderLines, orders } from "../../platform/db/schema";
import { describeError, log } from "../../platform/observability/logger";
import { recordEvent } from "../../platform/outbox";
import { relayTenant } from "../../platform/webhooks/relay";
import { orderView } from "./representation";
import { releaseStock } from "./transitions";

/** Due orders one run takes at most; the rest wait for the next minute. */
export const EXPIRY_BATCH = 500;
/** Orders expired side by side (each its own transaction, on its own connection). */
const EXPIRY_CONCURRENCY = 4;
/** A run stops taking orders after this long, well inside the cron's wall-clock limit. */
const EXPIRY_BUDGET_MS = 20_000;

const SYSTEM_ACTOR = { type: "system", id: "order-expiry" } as const;

/**
 * Expires one order in one transaction: status → expired, its stock back on the books, the audit
 * row and the `order.expired` event. The order row is taken FOR UPDATE SKIP LOCKED and only while
 * still pending and due: an order a confirm or cancel holds is skipped (if it stays pending it is
 * due again next run), and one that is no longer pending is left alone. Returns whether it expired.
 */
export async function expireOrder(
  handle: DatabaseHandle,
  tenantId: string,
  orderId: string,
  now: Date,
): Promise<boolean> {
  return withTenant(handle, tenantId, async (scope) => {
    const [order] = await scope.tx
      .select()
      .from(orders)
      .where(
        scope.where(
          orders,
          eq(orders.id, orderId),
          eq(orders.status, "pending"),
          lte(orders.expiresAt, now),
          uncachedRead,
        ),
      )
      .for("update", { skipLocked: true });
    if (!order) return false;
    const lines = await scope.tx
      .select()
      .from(orderLines)
      .where(scope.where(orderLines, eq(orderLines.orderId, orderId)));
    if (lines.length > 0) await releaseStock(scope, lines, now);
    const [updated] = await scope.tx
      .update(orders)
      .set({ status: "expired", expiredAt: now, updatedAt: now })
      .where(scope.where(orders, eq(orders.id, orderId)))
      .returning();
    if (!updated) throw new Error("update returned no row");
    const view = orderView(updated, lines);
    await writeAudit(scope.tx, tenantId, SYSTEM_ACTOR, null, {
      action: "order.expired",
      targetType: "order",
      targetId: orderId,
      before: { status: order.status },
      after: view,
    });
    await recordEvent(scope, "order.expired", view);
    return true;
  });
}

/**
 * One run of the expiry job: reads up to `limit` due pending orders from the partial index
 * `orders_due_pending_idx` (oldest deadline first) and expires each in its own transaction.
 * Safe to run concurrently with itself and with confirms: see `expireOrder`.
 */
export async function expireDueOrders(
  handle: DatabaseHandle,
  { now = new Date(), limit = EXPIRY_BATCH }: { now?: Date; limit?: number } = {},
): Promise<{ due: number; expired: number; failed: number; tenants: string[] }> {
  const started = Date.now();
  const due = await withSystem(
    handle,
    (tx) =>
      tx
        .select({ id: orders.id, tenantId: orders.tenantId })
        .from(orders)
        .where(and(eq(orders.status, "pending"), lte(orders.expiresAt, now), uncachedRead))
        .orderBy(asc(orders.expiresAt), asc(orders.id))
        .limit(limit),
    READ_ONLY,
  );
  let expired = 0;
  let failed = 0;
  const tenants = new Set<string>();
  const queue = [...due];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (Date.now() - started > EXPIRY_BUDGET_MS) return;
      try {
        if (await expireOrder(handle, next.tenantId, next.id, now)) {
          expired += 1;
          tenants.add(next.tenantId);
        }
      } catch (error) {
        failed += 1;
        log("error", "order expiry failed", {
          tenant_id: next.tenantId,
          order_id: next.id,
          ...describeError(error),
        });
      }
    }
  };
  await Promise.all(Array.from({ length: EXPIRY_CONCURRENCY }, worker));
  return { due: due.length, expired, failed, tenants: [...tenants] };
}

/**
 * The per-minute cron job (src/index.ts). After the run, the `order.expired` events of each tenant
 * it touched are relayed to webhooks at once; a relay that fails leaves them to the outbox sweep.
 */
export async function orderExpiryJob(env: Env) {
  const handle = openSystemDatabase(env);
  let run: Awaited<ReturnType<typeof expireDueOrders>>;
  try {
    run = await expireDueOrders(handle);
  } finally {
    await handle.close().catch(() => {});
  }
  let relayed = 0;
  for (const tenantId of run.tenants) {
    try {
      relayed += await relayTenant(env, tenantId);
    } catch (error) {
      log("warn", "relay after expiry failed; the sweep will relay", {
        tenant_id: tenantId,
        ...describeError(error),
      });
    }
  }
  return {
    due: run.due,
    expired: run.expired,
    failed: run.failed,
    tenants: run.tenants.length,
    relayed,
  };
}
