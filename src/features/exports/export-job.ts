import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../../platform/audit";
import { type DatabaseHandle, withSystem, withTenant } from "../../platform/db";
import { tenantExports } from "../../platform/db/schema";
import type { Manifest } from "../../platform/export-files";
import { recordEvent } from "../../platform/outbox";
import { EXPORT_FAILED } from "./failure";
import { NdjsonWriter } from "./ndjson-writer";
import { EXPORT_TABLES, tenantRows } from "./tables";

const SYSTEM: Actor = { type: "system", id: "tenant-export" };

/** The queue message that runs an export. */
export interface ExportMessage {
  kind: "tenant-export";
  export_id: string;
}

/** R2 prefix of an export: `exports/{tenant_id}/{export_id}/`. */
export const exportPrefix = (tenantId: string, exportId: string) =>
  `exports/${tenantId}/${exportId}/`;

/**
 * Runs an export: each table of the tenant as NDJSON (read a page at a time, written without
 * buffering the object), then manifest.json with row counts and SHA-256 checksums, then the export
 * is marked completed with its `tenant.export.completed` event in one transaction. Safe to run
 * again after a failure or a duplicate delivery: objects are overwritten, completion happens once.
 */
export async function runExport(database: DatabaseHandle, bucket: R2Bucket, exportId: string) {
  const [row] = await withSystem(database, (tx) =>
    tx.select().from(tenantExports).where(eq(tenantExports.id, exportId)).limit(1),
  );
  if (!row || row.status === "completed" || row.status === "failed") return;
  const manifest: Manifest = {
    export_id: row.id,
    tenant_id: row.tenantId,
    reason: row.reason,
    format: "ndjson",
    created_at: row.createdAt.toISOString(),
    completed_at: null,
    tables_total: EXPORT_TABLES.length,
    files: [],
  };
  const progress = (status: "running" | "completed") =>
    withTenant(database, row.tenantId, (scope) =>
      scope.tx
        .update(tenantExports)
        .set({ status, manifest, error: null })
        .where(
          scope.where(
            tenantExports,
            eq(tenantExports.id, exportId),
            inArray(tenantExports.status, ["pending", "running"]),
          ),
        )
        .returning({ id: tenantExports.id }),
    );
  await progress("running");

  for (const { name, table } of EXPORT_TABLES) {
    const file = `${name}.ndjson`;
    const writer = new NdjsonWriter(bucket, `${row.r2Prefix}${file}`);
    try {
      for await (const record of tenantRows(database, row.tenantId, table)) {
        await writer.write(record);
      }
      manifest.files.push({ name: file, table: name, ...(await writer.close()) });
    } catch (error) {
      await writer.abort();
      throw error;
    }
    await progress("running");
  }

  manifest.completed_at = new Date().toISOString();
  await bucket.put(`${row.r2Prefix}manifest.json`, JSON.stringify(manifest, null, 2), {
    httpMetadata: { contentType: "application/json" },
  });
  await withTenant(database, row.tenantId, async (scope) => {
    const [done] = await scope.tx
      .update(tenantExports)
      .set({ status: "completed", manifest, completedAt: sql`now()`, error: null })
      .where(
        scope.where(
          tenantExports,
          eq(tenantExports.id, exportId),
          inArray(tenantExports.status, ["pending", "running"]),
        ),
      )
      .returning({ id: tenantExports.id });
    // A duplicate delivery that lost the race records nothing.
    if (!done) return;
    const summary = {
      export_id: exportId,
      reason: row.reason,
      files: manifest.files.map(({ name, rows, sha256 }) => ({ name, rows, sha256 })),
    };
    await writeAudit(scope.tx, scope.tenantId, SYSTEM, null, {
      action: "tenant.export.completed",
      targetType: "tenant_export",
      targetId: exportId,
      after: summary,
    });
    await recordEvent(scope, "tenant.export.completed", summary);
  });
}

/**
 * Records an export's failure as its stable reason (the raw error is the caller's to log);
 * `final` (retries exhausted) marks it failed for good.
 */
export async function recordExportFailure(
  database: DatabaseHandle,
  exportId: string,
  final: boolean,
) {
  await withSystem(database, (tx) =>
    tx
      .update(tenantExports)
      .set({ error: EXPORT_FAILED, ...(final ? { status: "failed" as const } : {}) })
      .where(eq(tenantExports.id, exportId)),
  );
}

/** Re-enqueues exports still pending ten minutes after creation (their message was lost). */
export async function requeueStalledExports(database: DatabaseHandle, jobs: Queue) {
  const stalled = await withSystem(database, (tx) =>
    tx
      .select({ id: tenantExports.id })
      .from(tenantExports)
      .where(
        and(
          eq(tenantExports.status, "pending"),
          lt(tenantExports.createdAt, sql`now() - interval '10 minutes'`),
        ),
      )
      .limit(100),
  );
  for (const { id } of stalled) await jobs.send({ kind: "tenant-export", export_id: id });
  return stalled.length;
}
