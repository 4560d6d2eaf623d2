import { and, desc, eq, sql } from "drizzle-orm";
import { writeAudit } from "../../platform/audit";
import { forgetTenantCredentials } from "../../platform/auth/credentials";
import { forgetTenantIssuers } from "../../platform/auth/jwt";
import type { OperatorContext } from "../../platform/context";
import { uncachedRead, withSystem } from "../../platform/db";
import { tenantExports, tenants } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { isId } from "../../platform/ids";
import { enqueueExport, exportView, insertExport, type LinkOptions } from "../exports/service";
import { NO_REASON_GIVEN, tenantView } from "../tenants/representation";

/**
 * Offboards a tenant: suspended at once (status `offboarding`, every credential refused),
 * deletion scheduled after the grace period, and an export queued. Idempotent: offboarding an
 * offboarding tenant returns its state (or, if its export failed for good, queues a new one without
 * moving the deletion date). `POST …/resume` within the grace period cancels it all.
 */
export async function offboardTenant({
  ctx,
  id,
  reason,
  jobs,
  graceDays,
  links,
}: {
  ctx: OperatorContext;
  id: string;
  /** Stored as the tenant's status reason (NO_REASON_GIVEN without one). */
  reason?: string | undefined;
  jobs: Queue;
  graceDays: number;
  links: LinkOptions;
}) {
  if (!isId("ten", id)) throw new AppError("not_found", "No such tenant.");
  const { tenant, row, created } = await withSystem(ctx.database, async (tx) => {
    const [current] = await tx
      .select()
      .from(tenants)
      .where(and(eq(tenants.id, id), uncachedRead))
      .for("update");
    if (!current || current.status === "deleted")
      throw new AppError("not_found", "No such tenant.");
    if (current.status === "offboarding") {
      const [existing] = await tx
        .select()
        .from(tenantExports)
        .where(and(eq(tenantExports.tenantId, id), eq(tenantExports.reason, "offboarding")))
        .orderBy(desc(tenantExports.id))
        .limit(1);
      if (existing && existing.status !== "failed") {
        return { tenant: current, row: existing, created: false };
      }
      if (existing) {
        // Offboarding again after the export failed for good retries it (deletion waits for it).
        const retry = await insertExport(tx, id, "offboarding", "operator");
        return { tenant: current, row: retry, created: true };
      }
    }
    const [updated] = await tx
      .update(tenants)
      .set({
        status: "offboarding",
        suspendedAt: current.suspendedAt ?? new Date(),
        offboardedAt: new Date(),
        deleteAfter: sql`now() + make_interval(days => ${graceDays})`,
        statusReason: reason ?? NO_REASON_GIVEN,
        updatedAt: new Date(),
      })
      .where(eq(tenants.id, id))
      .returning();
    if (!updated) throw new Error("update returned no row");
    const inserted = await insertExport(tx, id, "offboarding", "operator");
    await writeAudit(tx, id, ctx.actor, ctx.requestId, {
      action: "tenant.offboarded",
      targetType: "tenant",
      targetId: id,
      before: tenantView(current),
      after: { tenant: tenantView(updated), export_id: inserted.id },
    });
    return { tenant: updated, row: inserted, created: true };
  });
  forgetTenantCredentials(id);
  forgetTenantIssuers(id);
  if (created) await enqueueExport(jobs, row.id);
  return { tenant: tenantView(tenant), export: await exportView(row, links) };
}
