import type { Transaction } from "./db";
import { writeBehind } from "./db/driver";
import { auditLog } from "./db/schema";
import type { TenantScope } from "./db/tenant-scope";
import { newId } from "./ids";

/** Who made a change: a tenant credential, an operator, or the system itself (cron, consumers). */
export interface Actor {
  type: "api_key" | "jwt" | "portal_token" | "operator" | "system";
  id: string;
}

/** What changed. `before`/`after` are the public representations (never secrets). */
export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes an audit row inside the caller's transaction, so it commits or rolls back with the
 * change. Sent behind (db/driver/write-behind.ts): it travels with the transaction's next statement.
 */
export function writeAudit(
  tx: Transaction,
  tenantId: string,
  actor: Actor,
  requestId: string | null,
  entry: AuditEntry,
): Promise<void> {
  return writeBehind(
    tx,
    tx.insert(auditLog).values({
      id: newId("aud"),
      tenantId,
      actorType: actor.type,
      actorId: actor.id,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      requestId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    }),
  );
}

/** The same, for a tenant-scoped verb: the tenant comes from the scope. */
export function auditInScope(
  scope: TenantScope,
  ctx: { actor: Actor; requestId: string },
  entry: AuditEntry,
): Promise<void> {
  return writeAudit(scope.tx, scope.tenantId, ctx.actor, ctx.requestId, entry);
}
