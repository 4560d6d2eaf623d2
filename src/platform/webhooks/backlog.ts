import { count, eq, type SQL, sql } from "drizzle-orm";
import type { TenantScope } from "../db";
import { webhookDeliveries } from "../db/schema";

type BacklogStatus = "pending" | "held" | "failed";

/**
 * A tenant's webhook backlog (deliveries waiting, held for suspended endpoints, failed) as scalar
 * subqueries, each bound to the tenant, for a caller to select in a statement of its own: the
 * backlog then costs no statement (and no round trip) apart.
 */
export function webhookBacklogColumns(scope: TenantScope): Record<BacklogStatus, SQL> {
  const of = (status: BacklogStatus) =>
    sql`(${scope.tx
      .select({ n: count() })
      .from(webhookDeliveries)
      .where(scope.where(webhookDeliveries, eq(webhookDeliveries.status, status)))})::int`;
  return { pending: of("pending"), held: of("held"), failed: of("failed") };
}
