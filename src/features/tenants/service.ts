import { and, count, eq, isNull } from "drizzle-orm";
import type { ServiceContext } from "../../platform/context";
import { withSystem, withTenant } from "../../platform/db";
import { apiKeys, books, files, orders, tenants } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import type { RequestUsage } from "../../platform/rate-limit/usage";
import { webhookBacklog } from "../../platform/webhooks/backlog";
import { tenantView } from "./representation";

/** The caller's own tenant: plan, effective limits and current usage. Any role may read it. */
export async function getOwnTenant({
  ctx,
  requestUsage = async () => null,
}: {
  ctx: ServiceContext;
  /** Reads the tenant's current rate-limit window (null when the limiter is unreachable). */
  requestUsage?: () => Promise<RequestUsage | null>;
}) {
  const [row] = await withSystem(ctx.database, (tx) =>
    tx.select().from(tenants).where(eq(tenants.id, ctx.tenantId)).limit(1),
  );
  if (!row) throw new AppError("not_found", "No such tenant.");
  const requests = requestUsage();
  const usage = await withTenant(ctx.database, ctx.tenantId, async (scope) => {
    const [[bookCount], [orderCount], [fileCount], [keyCount]] = await Promise.all([
      scope.tx
        .select({ n: count() })
        .from(books)
        .where(scope.where(books, isNull(books.deletedAt))),
      scope.tx.select({ n: count() }).from(orders).where(scope.where(orders)),
      scope.tx
        .select({ n: count() })
        .from(files)
        .where(scope.where(files, eq(files.status, "ready"))),
      scope.tx
        .select({ n: count() })
        .from(apiKeys)
        .where(scope.where(apiKeys, and(isNull(apiKeys.revokedAt)))),
    ]);
    return {
      books: bookCount?.n ?? 0,
      orders: orderCount?.n ?? 0,
      files: fileCount?.n ?? 0,
      active_api_keys: keyCount?.n ?? 0,
    };
  });
  const { overrides: _overrides, idp, ...tenant } = tenantView(row);
  const backlog = await withTenant(ctx.database, ctx.tenantId, webhookBacklog);
  return {
    ...tenant,
    idp,
    usage: { ...usage, requests: await requests },
    webhook_backlog: backlog,
  };
}
