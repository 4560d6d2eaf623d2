import { count, inArray } from "drizzle-orm";
import type { TenantScope } from "../db";
import { webhookDeliveries } from "../db/schema";

/** A tenant's webhook backlog: deliveries waiting (pending), held for suspended endpoints, failed. */
export async function webhookBacklog(scope: TenantScope) {
  const rows = await scope.tx
    .select({ status: webhookDeliveries.status, n: count() })
    .from(webhookDeliveries)
    .where(
      scope.where(
        webhookDeliveries,
        inArray(webhookDeliveries.status, ["pending", "held", "failed"]),
      ),
    )
    .groupBy(webhookDeliveries.status);
  const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return { pending: of("pending"), held: of("held"), failed: of("failed") };
}
