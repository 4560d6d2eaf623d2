import { and, asc, eq, isNotNull, lte, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../../platform/audit";
import { forgetTenantCredentials } from "../../platform/auth/credentials";
import { type DatabaseHandle, rowsOf, withSystem, withTenant } from "../../platform/db";
import { auditLog, files, tenantExports, tenants } from "../../platform/db/schema";
import { log } from "../../platform/observability/logger";
import { NdjsonWriter } from "../exports/ndjson-writer";
import { tenantRows } from "../exports/tables";

const SYSTEM: Actor = { type: "system", id: "tenant-deletion" };
const ROW_BATCH = 500;

/** The queue message that continues a purge the cron run could not finish. */
export interface DeletionMessage {
  kind: "tenant-deletion";
  tenant_id: string;
}

/**
 * Tenant tables in deletion order (children first). audit_log is not here: it is kept. Any other
 * table with a tenant_id column (added later) is found in the catalog and deleted after these.
 */
export const DELETE_ORDER = [
  "webhook_attempts",
  "webhook_deliveries",
  "webhook_endpoints",
  "order_lines",
  "orders",
  "book_import_errors",
  "book_imports",
  "books",
  "events",
  "event_positions",
  "files",
  "tenant_exports",
  "api_keys",
  "idempotency_records",
  "job_failures",
];
const KEPT = new Set(["audit_log", "tenants"]);

/** R2 prefixes of a tenant's objects; `archives/{tenant_id}/` (the audit log) is kept. */
const objectPrefixes = (tenantId: string) => [`tenants/${tenantId}/`, `exports/${tenantId}/`];

/**
 * Turns due offboarding tenants into tombstones, once their offboarding export has completed:
 * status `deleted`, name anonymized, IdP settings cleared, in one transaction with the audit row.
 * From then on no credential resolves and resume is refused, so a purge can never race a resume.
 */
export async function tombstoneDueTenants(database: DatabaseHandle, limit = 20) {
  const due = await withSystem(database, (tx) =>
    tx
      .select({ id: tenants.id })
      .from(tenants)
      .where(and(eq(tenants.status, "offboarding"), lte(tenants.deleteAfter, sql`now()`)))
      .orderBy(asc(tenants.deleteAfter))
      .limit(limit),
  );
  const tombstoned: string[] = [];
  for (const { id } of due) {
    const done = await withSystem(database, async (tx) => {
      const [exported] = await tx
        .select({ id: tenantExports.id })
        .from(tenantExports)
        .where(
          and(
            eq(tenantExports.tenantId, id),
            eq(tenantExports.reason, "offboarding"),
            eq(tenantExports.status, "completed"),
          ),
        )
        .limit(1);
      if (!exported) return false;
      const [row] = await tx
        .update(tenants)
        .set({
          status: "deleted",
          name: `Deleted tenant ${id}`,
          idpIssuer: null,
          idpJwksUri: null,
          idpAudience: null,
          deletedAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(
          and(
            eq(tenants.id, id),
            eq(tenants.status, "offboarding"),
            lte(tenants.deleteAfter, sql`now()`),
          ),
        )
        .returning({ id: tenants.id });
      if (!row) return false;
      await writeAudit(tx, id, SYSTEM, null, {
        action: "tenant.deleted",
        targetType: "tenant",
        targetId: id,
        after: { status: "deleted", export_id: exported.id },
      });
      return true;
    });
    if (done) {
      forgetTenantCredentials(id);
      tombstoned.push(id);
    } else {
      log("warn", "tenant deletion waits for its offboarding export", { tenant_id: id });
    }
  }
  return tombstoned;
}

/** Tombstoned tenants whose rows and objects are not purged yet (no `tenant.purged` audit row). */
export function tenantsToPurge(database: DatabaseHandle, limit = 20) {
  return withSystem(database, async (tx) => {
    const rows = await tx
      .select({ id: tenants.id })
      .from(tenants)
      .where(
        and(
          eq(tenants.status, "deleted"),
          isNotNull(tenants.deletedAt),
          sql`not exists (select 1 from ${auditLog} where ${auditLog.tenantId} = ${tenants.id} and ${auditLog.action} = 'tenant.purged')`,
        ),
      )
      .limit(limit);
    return rows.map((r) => r.id);
  });
}

async function deleteObjects(bucket: R2Bucket, prefix: string, deadline: number) {
  for (;;) {
    if (Date.now() > deadline) return false;
    const page = await bucket.list({ prefix, limit: 1000 });
    if (page.objects.length === 0) return true;
    await bucket.delete(page.objects.map((o) => o.key));
    if (!page.truncated) return true;
  }
}

async function tenantTables(database: DatabaseHandle) {
  const result = await withSystem(database, (tx) =>
    tx.execute(sql`select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'tenant_id' order by table_name`),
  );
  const all = rowsOf<{ table_name: string }>(result).map((r) => r.table_name);
  return [
    ...DELETE_ORDER.filter((t) => all.includes(t)),
    ...all.filter((t) => !DELETE_ORDER.includes(t) && !KEPT.has(t)),
  ];
}

/** Deletes one batch of a tenant's rows from a table; returns how many went. */
async function deleteBatch(database: DatabaseHandle, table: string, tenantId: string) {
  const result = await withSystem(database, (tx) =>
    tx.execute(sql`delete from ${sql.identifier(table)} where ctid in (
      select ctid from ${sql.identifier(table)} where tenant_id = ${tenantId} limit ${ROW_BATCH})
      returning 1 as gone`),
  );
  return rowsOf(result).length;
}

/**
 * Removes a tombstoned tenant's objects and rows in bounded batches, then archives its audit log
 * to R2 (`archives/{tenant_id}/audit-log.ndjson`; the rows stay too) and records `tenant.purged`.
 * Returns false when `deadline` (ms epoch) came first: the caller continues later; every step is
 * safe to repeat.
 */
export async function purgeTenant(
  database: DatabaseHandle,
  bucket: R2Bucket,
  tenantId: string,
  deadline: number,
): Promise<boolean> {
  const pending = await withTenant(database, tenantId, (scope) =>
    scope.tx
      .select({ key: files.r2Key, uploadId: files.multipartUploadId })
      .from(files)
      .where(scope.where(files, isNotNull(files.multipartUploadId))),
  );
  for (const upload of pending) {
    if (!upload.uploadId) continue;
    await bucket
      .resumeMultipartUpload(upload.key, upload.uploadId)
      .abort()
      .catch(() => {});
  }
  for (const prefix of objectPrefixes(tenantId)) {
    if (!(await deleteObjects(bucket, prefix, deadline))) return false;
  }
  const tables = await tenantTables(database);
  // Later passes catch tables found in the catalog whose children came later in the list.
  for (let pass = 0; pass < 3; pass++) {
    let blocked = false;
    for (const table of tables) {
      try {
        while ((await deleteBatch(database, table, tenantId)) > 0) {
          if (Date.now() > deadline) return false;
        }
      } catch (error) {
        if (pass === 2) throw error;
        blocked = true;
      }
    }
    if (!blocked) break;
  }

  const writer = new NdjsonWriter(bucket, `archives/${tenantId}/audit-log.ndjson`);
  try {
    for await (const record of tenantRows(database, tenantId, auditLog)) await writer.write(record);
    const archive = await writer.close();
    await withSystem(database, (tx) =>
      writeAudit(tx, tenantId, SYSTEM, null, {
        action: "tenant.purged",
        targetType: "tenant",
        targetId: tenantId,
        after: { audit_log_archive: `archives/${tenantId}/audit-log.ndjson`, ...archive },
      }),
    );
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return true;
}

/**
 * The daily deletion job: tombstones tenants past their grace period, then purges tombstoned
 * tenants within a time budget; a purge that does not fit is continued through the jobs queue.
 */
export async function runTenantDeletion(
  database: DatabaseHandle,
  bucket: R2Bucket,
  jobs: Queue,
  budgetMs = 20_000,
) {
  const deadline = Date.now() + budgetMs;
  const tombstoned = await tombstoneDueTenants(database);
  const purged: string[] = [];
  const continued: string[] = [];
  for (const tenantId of await tenantsToPurge(database)) {
    if (Date.now() < deadline && (await purgeTenant(database, bucket, tenantId, deadline))) {
      purged.push(tenantId);
    } else {
      continued.push(tenantId);
      await jobs.send({ kind: "tenant-deletion", tenant_id: tenantId } satisfies DeletionMessage);
    }
  }
  return { tombstoned, purged, continued };
}
