import { eq, sql } from "drizzle-orm";
import type { Env } from "../../env";
import { auditInScope } from "../../platform/audit";
import { assertRole } from "../../platform/auth/roles";
import type { ServiceContext } from "../../platform/context";
import { events, webhookDeliveries } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { isId, newId } from "../../platform/ids";
import { enqueueDeliveries, staggered } from "../../platform/webhooks/enqueue";
import { fanOutEndpoints, subscribes } from "../../platform/webhooks/fan-out";
import { redeliveryRate, tenantWebhookRate } from "../../platform/webhooks/rate";

/**
 * Re-delivers one event to every endpoint currently subscribed to it (active ones at once,
 * suspended ones held until recovery), through the throttled re-delivery path.
 */
export async function resendEvent({ ctx, env, id }: { ctx: ServiceContext; env: Env; id: string }) {
  assertRole(ctx.role, "admin");
  if (!isId("evt", id)) throw new AppError("not_found", "No such event.");
  const tenantRate = await tenantWebhookRate(ctx.database);
  return ctx.database.tenant(async (scope) => {
    const [event] = await scope.tx
      .select({ id: events.id, type: events.type })
      .from(events)
      .where(scope.where(events, eq(events.id, id)));
    if (!event) throw new AppError("not_found", "No such event.");
    const endpoints = await fanOutEndpoints(scope);
    const targets = endpoints.filter((e) => subscribes(e.eventTypes, event.type));
    const queued: Array<{ id: string; tenantId: string }> = [];
    for (const endpoint of targets) {
      const status = endpoint.deliveryStatus;
      const [row] = await scope.tx
        .insert(webhookDeliveries)
        .values({
          id: newId("dlv"),
          tenantId: scope.tenantId,
          endpointId: endpoint.id,
          eventId: id,
          status,
        })
        .onConflictDoUpdate({
          target: [webhookDeliveries.eventId, webhookDeliveries.endpointId],
          set: { status, failedAt: null, updatedAt: sql`now()` },
        })
        .returning({ id: webhookDeliveries.id });
      if (row && status === "pending") queued.push({ id: row.id, tenantId: scope.tenantId });
    }
    await enqueueDeliveries(env, staggered(queued, redeliveryRate(tenantRate)));
    await auditInScope(scope, ctx, {
      action: "event.resent",
      targetType: "event",
      targetId: id,
      after: { endpoints: targets.map((e) => e.id) },
    });
    return { redelivered: queued.length, has_more: false };
  });
}
