import { and, eq, getTableColumns, inArray } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { getConfig } from "../../env";
import { writeAudit } from "../../platform/audit";
import type { OperatorContext } from "../../platform/context";
import { type Transaction, uncachedRead, withSystem } from "../../platform/db";
import { books, events, files, orders, tenants, webhookEndpoints } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import type { ManifestFile } from "../../platform/export-files";
import { isId } from "../../platform/ids";
import { exportPrefix } from "../exports/export-job";
import { EXPORT_TABLES, type ExportTable } from "../exports/tables";
import { readManifest, verifiedRecords } from "./restore-reader";
import { fileObjectKey, type RestoreContext, restoredRow } from "./restore-rows";

/**
 * The largest export (sum of its NDJSON files) restored by the synchronous route: it runs in one
 * transaction, within one request. A larger tenant is restored from the database's point-in-time
 * copy instead (docs/runbooks/disaster-recovery.md).
 */
export const RESTORE_MAX_BYTES = 32 * 1024 * 1024;
/** Rows per INSERT: well under Postgres' 65535 parameters for the widest table. */
const ROW_BATCH = 500;

/**
 * What makes a tenant not empty: data of its own. API keys do not count (a freshly provisioned
 * tenant holds its first admin key, the way back in after a restore), nor does the audit log.
 */
const DATA_TABLES = [books, orders, events, webhookEndpoints, files];

type Counts = Record<string, { restored: number; skipped: number }>;

async function lockTarget(tx: Transaction, tenantId: string) {
  const [tenant] = await tx
    .select({ id: tenants.id, status: tenants.status })
    .from(tenants)
    .where(and(eq(tenants.id, tenantId), uncachedRead))
    .for("update");
  if (!tenant || tenant.status === "deleted") throw new AppError("not_found", "No such tenant.");
  for (const table of DATA_TABLES) {
    const [row] = await tx
      .select({ id: table.id })
      .from(table)
      .where(eq(table.tenantId, tenantId))
      .limit(1);
    if (row) {
      throw new AppError(
        "tenant_not_empty",
        "The tenant already holds data (books, orders, events, webhook endpoints or files); a restore loads into an empty tenant only.",
      );
    }
  }
}

/**
 * Inserts one batch, leaving out rows the tenant already holds (its own API keys or audit rows
 * when a tenant is restored onto itself). An id held by another tenant stops the restore: ids are
 * kept, so an export loads only where its source rows are gone.
 */
async function insertBatch(
  tx: Transaction,
  { name, table }: ExportTable,
  tenantId: string,
  batch: Array<Record<string, unknown>>,
) {
  const ids = batch.map((row) => row.id as string);
  const existing = await tx
    .select({ id: table.id, tenantId: table.tenantId })
    .from(table as PgTable)
    .where(inArray(table.id, ids));
  if (existing.some((row) => row.tenantId !== tenantId)) {
    throw new AppError(
      "conflict",
      `Rows of this export (${name}) still exist under another tenant: ids are kept on restore, so an export loads only once its source rows are gone.`,
    );
  }
  const held = new Set(existing.map((row) => row.id as string));
  const fresh = batch.filter((row) => !held.has(row.id as string));
  if (fresh.length > 0) await tx.insert(table).values(fresh as never);
  return { restored: fresh.length, skipped: batch.length - fresh.length, ids: fresh };
}

/** Loads one table's verified file; returns its counts and, for files, the ids restored. */
async function restoreTable(
  tx: Transaction,
  bucket: R2Bucket,
  prefix: string,
  entry: ExportTable,
  file: ManifestFile,
  ctx: RestoreContext,
) {
  const columns = getTableColumns(entry.table);
  const counts = { restored: 0, skipped: 0 };
  const restoredIds: string[] = [];
  let batch: Array<Record<string, unknown>> = [];
  const flush = async () => {
    const done = await insertBatch(tx, entry, ctx.tenantId, batch);
    counts.restored += done.restored;
    counts.skipped += done.skipped;
    if (entry.name === "files") restoredIds.push(...done.ids.map((row) => row.id as string));
    batch = [];
  };
  for await (const record of verifiedRecords(bucket, prefix, file)) {
    batch.push(await restoredRow(entry.name, columns, record, ctx));
    if (batch.length >= ROW_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return { counts, restoredIds };
}

/** A Postgres data or integrity error (class 22 or 23) raised by the export's own rows. */
function isDataError(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } })?.cause ?? error;
  const code = (cause as { code?: unknown })?.code;
  return typeof code === "string" && /^2[23]/.test(code);
}

/** Copies restored files' contents from the source tenant's prefix (R2 has no server-side copy). */
async function copyObjects(bucket: R2Bucket, from: string, to: string, fileIds: string[]) {
  const objects = { copied: 0, missing: 0 };
  for (const id of fileIds) {
    const target = fileObjectKey(to, id);
    if (from === to) {
      // Restored onto itself: the content is where it always was, or it is gone.
      if (await bucket.head(target)) objects.copied++;
      else objects.missing++;
      continue;
    }
    const source = await bucket.get(fileObjectKey(from, id));
    if (!source) {
      objects.missing++;
      continue;
    }
    await bucket.put(target, source.body, {
      httpMetadata: source.httpMetadata,
      customMetadata: source.customMetadata,
    });
    objects.copied++;
  }
  return objects;
}

/**
 * Restores an export into an existing, empty tenant: the manifest is read, every file is streamed
 * and inserted table by table (the export's order is the foreign-key order) in batches, inside
 * one transaction that also checks each file's SHA-256 and row count, so a corrupt export, an id
 * in use or any failure leaves nothing behind. Then the files' contents are copied in R2.
 */
export async function restoreTenant({
  ctx,
  bucket,
  id,
  input,
}: {
  ctx: OperatorContext;
  bucket: R2Bucket;
  id: string;
  input: { source_tenant_id: string; export_id: string };
}) {
  if (!isId("ten", id)) throw new AppError("not_found", "No such tenant.");
  const prefix = exportPrefix(input.source_tenant_id, input.export_id);
  const manifest = await readManifest(bucket, prefix, {
    tenantId: input.source_tenant_id,
    exportId: input.export_id,
  });
  const size = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  if (size > RESTORE_MAX_BYTES) {
    throw new AppError(
      "export_too_large",
      `The export holds ${size} bytes; this route restores up to ${RESTORE_MAX_BYTES}. Restore a larger tenant from a point-in-time copy of the database.`,
    );
  }
  const restoreCtx: RestoreContext = {
    tenantId: id,
    secretKey: getConfig(ctx.env).WEBHOOK_SECRET_KEY,
    restoredAt: new Date(),
  };
  const { tables, fileIds } = await withSystem(ctx.database, async (tx) => {
    await lockTarget(tx, id);
    const tables: Counts = {};
    let fileIds: string[] = [];
    for (const entry of EXPORT_TABLES) {
      const file = manifest.files.find((f) => f.table === entry.name) as ManifestFile;
      const done = await restoreTable(tx, bucket, prefix, entry, file, restoreCtx);
      tables[entry.name] = done.counts;
      if (entry.name === "files") fileIds = done.restoredIds;
    }
    await writeAudit(tx, id, ctx.actor, ctx.requestId, {
      action: "tenant.restored",
      targetType: "tenant",
      targetId: id,
      after: { source_tenant_id: input.source_tenant_id, export_id: input.export_id, tables },
    });
    return { tables, fileIds };
  }).catch((error: unknown) => {
    if (isDataError(error)) {
      throw new AppError("export_corrupt", "The export's rows do not fit the database schema.");
    }
    throw error;
  });
  const objects = await copyObjects(bucket, input.source_tenant_id, id, fileIds);
  return {
    tenant_id: id,
    source_tenant_id: input.source_tenant_id,
    export_id: input.export_id,
    restored_at: restoreCtx.restoredAt.toISOString(),
    tables,
    objects,
  };
}
