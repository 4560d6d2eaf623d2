import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
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

/** A run that renewed its claim no later than this is alive: a duplicate delivery leaves it be. */
export const EXPORT_RUN_STALE_MINUTES = 10;
/** How often a run renews its claim while it streams one table. */
const HEARTBEAT_MS = 30_000;

/** `busy`: another live run holds the export, so this delivery did nothing. */
export type ExportOutcome = "done" | "busy";

/** Thrown inside a run that found its claim taken over (it was silent too long). */
class ClaimLost extends Error {}

const staleBefore = sql`now() - make_interval(mins => ${EXPORT_RUN_STALE_MINUTES})`;

/** Takes the export for this run: pending, or running under a run that stopped renewing its claim. */
async function claimExport(database: DatabaseHandle, exportId: string, runId: string) {
  return withSystem(database, async (tx) => {
    const [claimed] = await tx
      .update(tenantExports)
      .set({ status: "running", runId, runHeartbeatAt: sql`now()` })
      .where(
        and(
          eq(tenantExports.id, exportId),
          or(
            eq(tenantExports.status, "pending"),
            and(
              eq(tenantExports.status, "running"),
              or(
                isNull(tenantExports.runHeartbeatAt),
                lt(tenantExports.runHeartbeatAt, staleBefore),
              ),
            ),
          ),
        ),
      )
      .returning();
    if (claimed) return { row: claimed, busy: false };
    const [current] = await tx
      .select({ status: tenantExports.status })
      .from(tenantExports)
      .where(eq(tenantExports.id, exportId));
    return { row: undefined, busy: current?.status === "running" };
  });
}

/**
 * Runs an export: each table of the tenant as NDJSON (read a page at a time, written without
 * buffering the object), then manifest.json with row counts and SHA-256 checksums, then the export
 * is marked completed with its `tenant.export.completed` event in one transaction.
 *
 * One run holds the export at a time (`run_id`, renewed in `run_heartbeat_at`): a duplicate
 * delivery while it runs does nothing (`busy`), so it can neither overwrite the holder's files
 * with a later snapshot nor complete the export twice. A run silent for EXPORT_RUN_STALE_MINUTES
 * is taken to have died; the next delivery, or the hourly sweep's requeue, takes over and writes
 * every file again.
 */
export async function runExport(
  database: DatabaseHandle,
  bucket: R2Bucket,
  exportId: string,
): Promise<ExportOutcome> {
  const runId = crypto.randomUUID();
  const { row, busy } = await claimExport(database, exportId, runId);
  if (!row) return busy ? "busy" : "done";
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
  // Renews the claim and records the files written so far; throws ClaimLost once another run holds it.
  const progress = async () => {
    const [held] = await withTenant(database, row.tenantId, (scope) =>
      scope.tx
        .update(tenantExports)
        .set({ manifest, error: null, runHeartbeatAt: sql`now()` })
        .where(
          scope.where(
            tenantExports,
            eq(tenantExports.id, exportId),
            eq(tenantExports.status, "running"),
            eq(tenantExports.runId, runId),
          ),
        )
        .returning({ id: tenantExports.id }),
    );
    if (!held) throw new ClaimLost();
  };

  try {
    for (const { name, table } of EXPORT_TABLES) {
      const file = `${name}.ndjson`;
      const writer = new NdjsonWriter(bucket, `${row.r2Prefix}${file}`);
      try {
        let renewed = Date.now();
        for await (const record of tenantRows(database, row.tenantId, table)) {
          await writer.write(record);
          if (Date.now() - renewed > HEARTBEAT_MS) {
            await progress();
            renewed = Date.now();
          }
        }
        // Checked right before the object appears: a run that lost the export leaves its files be.
        await progress();
        manifest.files.push({ name: file, table: name, ...(await writer.close()) });
      } catch (error) {
        await writer.abort();
        throw error;
      }
      await progress();
    }
    await completeExport(database, bucket, { ...row, runId }, manifest);
  } catch (error) {
    if (error instanceof ClaimLost) return "done";
    // Released so the message's retry takes the export at once instead of finding it busy.
    await withSystem(database, (tx) =>
      tx
        .update(tenantExports)
        .set({ runId: null, runHeartbeatAt: null })
        .where(and(eq(tenantExports.id, exportId), eq(tenantExports.runId, runId))),
    ).catch(() => {});
    throw error;
  }
  return "done";
}

/**
 * Writes the manifest and marks the export completed, under the export row's lock and only while
 * this run still holds it: the manifest in R2 always describes the files of the run that completed.
 */
async function completeExport(
  database: DatabaseHandle,
  bucket: R2Bucket,
  row: Pick<typeof tenantExports.$inferSelect, "id" | "tenantId" | "reason" | "r2Prefix"> & {
    runId: string;
  },
  manifest: Manifest,
) {
  await withTenant(database, row.tenantId, async (scope) => {
    const [held] = await scope.tx
      .select({ id: tenantExports.id })
      .from(tenantExports)
      .where(
        scope.where(
          tenantExports,
          eq(tenantExports.id, row.id),
          eq(tenantExports.status, "running"),
          eq(tenantExports.runId, row.runId),
        ),
      )
      .for("update");
    if (!held) throw new ClaimLost();
    manifest.completed_at = new Date().toISOString();
    await bucket.put(`${row.r2Prefix}manifest.json`, JSON.stringify(manifest, null, 2), {
      httpMetadata: { contentType: "application/json" },
    });
    await scope.tx
      .update(tenantExports)
      .set({ status: "completed", manifest, completedAt: sql`now()`, error: null })
      .where(scope.where(tenantExports, eq(tenantExports.id, row.id)));
    const summary = {
      export_id: row.id,
      reason: row.reason,
      files: manifest.files.map(({ name, rows, sha256 }) => ({ name, rows, sha256 })),
    };
    await writeAudit(scope.tx, scope.tenantId, SYSTEM, null, {
      action: "tenant.export.completed",
      targetType: "tenant_export",
      targetId: row.id,
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

/**
 * Re-enqueues exports still pending ten minutes after creation (their message was lost) and
 * running ones whose run stopped renewing its claim (it died with its message spent).
 */
export async function requeueStalledExports(database: DatabaseHandle, jobs: Queue) {
  const stalled = await withSystem(database, (tx) =>
    tx
      .select({ id: tenantExports.id })
      .from(tenantExports)
      .where(
        or(
          and(
            eq(tenantExports.status, "pending"),
            lt(tenantExports.createdAt, sql`now() - interval '10 minutes'`),
          ),
          and(
            eq(tenantExports.status, "running"),
            or(isNull(tenantExports.runHeartbeatAt), lt(tenantExports.runHeartbeatAt, staleBefore)),
          ),
        ),
      )
      .limit(100),
  );
  for (const { id } of stalled) await jobs.send({ kind: "tenant-export", export_id: id });
  return stalled.length;
}
