import type { z } from "@hono/zod-openapi";
import { and, eq, type SQL } from "drizzle-orm";
import { assertRole } from "../../platform/auth/roles";
import type { OperatorContext, ServiceContext } from "../../platform/context";
import { type Transaction, withSystem } from "../../platform/db";
import { auditLog } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { isId } from "../../platform/ids";
import { cursorClause, toPage } from "../../platform/pagination";
import type { AuditQuerySchema } from "./schemas";

type AuditQuery = z.infer<typeof AuditQuerySchema>;

function auditView(row: typeof auditLog.$inferSelect) {
  return {
    id: row.id,
    actor: { type: row.actorType, id: row.actorId },
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    request_id: row.requestId,
    before: row.before ?? null,
    after: row.after ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

async function queryAudit(tx: Transaction, tenantCondition: SQL, query: AuditQuery) {
  const page = cursorClause(auditLog.id, query);
  const filters = [
    tenantCondition,
    page.after,
    query.action ? eq(auditLog.action, query.action) : undefined,
    query.target_type ? eq(auditLog.targetType, query.target_type) : undefined,
    query.target_id ? eq(auditLog.targetId, query.target_id) : undefined,
  ].filter((f): f is SQL => f !== undefined);
  const rows = await tx
    .select()
    .from(auditLog)
    .where(and(...filters))
    .orderBy(page.orderBy)
    .limit(page.limit);
  const { data, ...rest } = toPage(rows, query.limit);
  return { data: data.map(auditView), ...rest };
}

/** The caller's tenant's audit log (admin), newest first, filterable by action and target. */
export function listAuditLog({ ctx, query }: { ctx: ServiceContext; query: AuditQuery }) {
  assertRole(ctx.role, "admin");
  return ctx.database.tenant((scope) => queryAudit(scope.tx, scope.where(auditLog), query));
}

/** Any tenant's audit log, for operators (kept after offboarding). */
export function listTenantAuditLog({
  ctx,
  tenantId,
  query,
}: {
  ctx: OperatorContext;
  tenantId: string;
  query: AuditQuery;
}) {
  if (!isId("ten", tenantId)) throw new AppError("not_found", "No such tenant.");
  return withSystem(ctx.database, (tx) => queryAudit(tx, eq(auditLog.tenantId, tenantId), query));
}
