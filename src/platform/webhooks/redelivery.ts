import { asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Env } from "../../env";
import type { TenantScope } from "../db";
import { uncachedRead } from "../db";
import { webhookDeliveries } from "../db/schema";
import { enqueueDeliveries, staggered } from "./enqueue";
import { redeliveryRate } from "./rate";

/** Most deliveries one recover/resend call re-queues (call again while has_more). */
export const REDELIVERY_LIMIT = 1000;

/**
 * Sets the endpoint's deliveries matching `condition` back to pending and queues them as
 * re-deliveries, spread at the endpoint's re-delivery rate. Runs inside the caller's transaction
 * and sends before it commits: a failed send rolls the change back (nothing half-done).
 */
export async function requeueDeliveries(
  scope: TenantScope,
  env: Env,
  input: { endpointId: string; condition: SQL; tenantRate: number },
): Promise<{ redelivered: number; has_more: boolean }> {
  const rows = await scope.tx
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(
      scope.where(
        webhookDeliveries,
        eq(webhookDeliveries.endpointId, input.endpointId),
        input.condition,
        uncachedRead,
      ),
    )
    .orderBy(asc(webhookDeliveries.id))
    .limit(REDELIVERY_LIMIT + 1)
    .for("update", { skipLocked: true });
  const batch = rows.slice(0, REDELIVERY_LIMIT);
  if (batch.length > 0) {
    await scope.tx
      .update(webhookDeliveries)
      .set({ status: "pending", failedAt: null, updatedAt: sql`now()` })
      .where(
        scope.where(
          webhookDeliveries,
          inArray(
            webhookDeliveries.id,
            batch.map((r) => r.id),
          ),
        ),
      );
    await enqueueDeliveries(
      env,
      staggered(
        batch.map((r) => ({ id: r.id, tenantId: scope.tenantId })),
        redeliveryRate(input.tenantRate),
      ),
    );
  }
  return { redelivered: batch.length, has_more: rows.length > REDELIVERY_LIMIT };
}
