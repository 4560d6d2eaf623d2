import { desc, eq, inArray } from "drizzle-orm";
import { auditInScope } from "../../platform/audit";
import { assertRole } from "../../platform/auth/roles";
import type { OperatorContext, ServiceContext } from "../../platform/context";
import { signedDownloadUrl } from "../../platform/crypto/signed-url";
import { type Transaction, withSystem } from "../../platform/db";
import { tenantExports } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import type { Manifest } from "../../platform/export-files";
import { isId, newId } from "../../platform/ids";
import { type ExportMessage, exportPrefix } from "./export-job";
import { failureReason } from "./failure";

type ExportRow = typeof tenantExports.$inferSelect;

/** How signed links in an export view are made. */
export interface LinkOptions {
  origin: string;
  signingKey: string;
  /** Seconds the links stay valid. */
  expiresIn: number;
}

/** Export download links last a day: long enough to fetch every file, short if a link leaks. */
export const EXPORT_LINK_SECONDS = 24 * 60 * 60;

/** An export with its progress and, once completed, signed download links. */
export async function exportView(row: ExportRow, links: LinkOptions) {
  const manifest = row.manifest as Manifest | null;
  const done = row.status === "completed";
  const expiresAt = Math.floor(Date.now() / 1000) + links.expiresIn;
  const sign = (name: string) =>
    signedDownloadUrl(links.origin, links.signingKey, {
      kind: "export",
      tenantId: row.tenantId,
      object: `${row.id}/${name}`,
      expiresAt,
    });
  const files = await Promise.all(
    (manifest?.files ?? []).map(async (file) => ({
      ...file,
      download_url: done ? await sign(file.name) : null,
    })),
  );
  return {
    id: row.id,
    status: row.status,
    reason: row.reason,
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt ? row.completedAt.toISOString() : null,
    ...failureReason(row.error),
    progress: { tables_done: files.length, tables_total: manifest?.tables_total ?? 0 },
    files,
    manifest_url: done ? await sign("manifest.json") : null,
    links_expire_at: done ? new Date(expiresAt * 1000).toISOString() : null,
  };
}

/** Inserts a pending export of the tenant (in the caller's transaction); queue it with `enqueueExport`. */
export async function insertExport(
  tx: Transaction,
  tenantId: string,
  reason: "offboarding" | "requested",
  requestedBy: string,
) {
  const id = newId("exp");
  const [row] = await tx
    .insert(tenantExports)
    .values({
      id,
      tenantId,
      status: "pending",
      reason,
      requestedBy,
      r2Prefix: exportPrefix(tenantId, id),
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Sends an export's job to the jobs queue. */
export const enqueueExport = (jobs: Queue, exportId: string) =>
  jobs.send({ kind: "tenant-export", export_id: exportId } satisfies ExportMessage);

/**
 * A tenant admin asks for an export of the tenant's data. While one is pending or running, that
 * one is returned instead of starting another.
 */
export async function requestExport({
  ctx,
  jobs,
  links,
}: {
  ctx: ServiceContext;
  jobs: Queue;
  links: LinkOptions;
}) {
  assertRole(ctx.role, "admin");
  const { row, created } = await ctx.database.tenant(async (scope) => {
    const [running] = await scope.tx
      .select()
      .from(tenantExports)
      .where(scope.where(tenantExports, inArray(tenantExports.status, ["pending", "running"])))
      .orderBy(desc(tenantExports.id))
      .limit(1);
    if (running) return { row: running, created: false };
    const inserted = await insertExport(
      scope.tx,
      scope.tenantId,
      "requested",
      `${ctx.actor.type}:${ctx.actor.id}`,
    );
    await auditInScope(scope, ctx, {
      action: "tenant.export.requested",
      targetType: "tenant_export",
      targetId: inserted.id,
    });
    return { row: inserted, created: true };
  });
  if (created) await enqueueExport(jobs, row.id);
  return exportView(row, links);
}

/** One of the caller's tenant's exports (admin). */
export async function getOwnExport({
  ctx,
  id,
  links,
}: {
  ctx: ServiceContext;
  id: string;
  links: LinkOptions;
}) {
  assertRole(ctx.role, "admin");
  if (!isId("exp", id)) throw new AppError("not_found", "No such export.");
  const [row] = await ctx.database.tenant((scope) =>
    scope.tx
      .select()
      .from(tenantExports)
      .where(scope.where(tenantExports, eq(tenantExports.id, id)))
      .limit(1),
  );
  if (!row) throw new AppError("not_found", "No such export.");
  return exportView(row, links);
}

/** A tenant's latest export, for operators (also after offboarding). */
export async function getLatestExport({
  ctx,
  id,
  links,
}: {
  ctx: OperatorContext;
  id: string;
  links: LinkOptions;
}) {
  if (!isId("ten", id)) throw new AppError("not_found", "No such tenant.");
  const [row] = await withSystem(ctx.database, (tx) =>
    tx
      .select()
      .from(tenantExports)
      .where(eq(tenantExports.tenantId, id))
      .orderBy(desc(tenantExports.id))
      .limit(1),
  );
  if (!row) throw new AppError("not_found", "This tenant has no export.");
  return exportView(row, links);
}
