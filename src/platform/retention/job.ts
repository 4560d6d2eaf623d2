import type { Env } from "../../env";
import { type DatabaseHandle, openSystemDatabase } from "../db";
import { archiveAuditBatch } from "./audit-archive";
import { IDEMPOTENCY_RETENTION, PRUNED_TABLES, type PrunedTable, retentionDays } from "./policy";
import { pruneBatch } from "./prune";

export interface RetentionOptions {
  /** Rows per delete statement (one short transaction each). */
  batchSize?: number;
  /** Wall-clock budget of one run, in ms: no new batch starts after it. */
  budgetMs?: number;
  /** Audit archive objects one run may write (each is an R2 put and head). */
  maxArchiveObjects?: number;
}

export interface TableReport {
  period_days: number;
  deleted: number;
  /** false: expired rows may remain (batch bound, time budget or object cap); the next run goes on. */
  complete: boolean;
  /** audit_log only: archive objects written (and verified) before the deletes. */
  archive_objects?: number;
}

export interface RetentionReport {
  tables: Record<PrunedTable, TableReport>;
  idempotency_records: typeof IDEMPOTENCY_RETENTION;
  elapsed_ms: number;
}

const DEFAULTS: Required<RetentionOptions> = {
  batchSize: 1_000,
  budgetMs: 20_000,
  maxArchiveObjects: 200,
};

/**
 * Prunes every table past its period, in rounds: each round runs one batch of each table that
 * still has expired rows, children before parents (attempts, deliveries, events), so a backlog in
 * one table cannot starve the others and a delivery freed of its attempts goes in the same
 * round. Stops when every table is done or the budget is spent; whatever is left waits an hour.
 */
export async function runRetention(
  database: DatabaseHandle,
  bucket: R2Bucket,
  periods: Record<PrunedTable, number>,
  options: RetentionOptions = {},
): Promise<RetentionReport> {
  const { batchSize, budgetMs, maxArchiveObjects } = { ...DEFAULTS, ...options };
  const started = Date.now();
  const deadline = started + budgetMs;
  const tables = Object.fromEntries(
    PRUNED_TABLES.map((t) => [t, { period_days: periods[t], deleted: 0, complete: false }]),
  ) as Record<PrunedTable, TableReport>;
  tables.audit_log.archive_objects = 0;
  const pending = new Set<PrunedTable>(PRUNED_TABLES);

  while (pending.size > 0 && Date.now() < deadline) {
    for (const table of PRUNED_TABLES) {
      if (!pending.has(table) || Date.now() >= deadline) continue;
      const report = tables[table];
      if (table === "audit_log") {
        const objectsLeft = maxArchiveObjects - (report.archive_objects ?? 0);
        const batch = await archiveAuditBatch(
          database,
          bucket,
          periods.audit_log,
          batchSize,
          objectsLeft,
        );
        report.deleted += batch.deleted;
        report.archive_objects = (report.archive_objects ?? 0) + batch.objects.length;
        const drained = batch.selected < batchSize && batch.deleted === batch.selected;
        if (drained) report.complete = true;
        if (drained || report.archive_objects >= maxArchiveObjects) pending.delete(table);
      } else {
        const deleted = await pruneBatch(database, table, periods[table], batchSize);
        report.deleted += deleted;
        if (deleted < batchSize) {
          report.complete = true;
          pending.delete(table);
        }
      }
    }
  }
  return { tables, idempotency_records: IDEMPOTENCY_RETENTION, elapsed_ms: Date.now() - started };
}

/** The hourly retention job: periods from `RETENTION_DAYS` (or the defaults), as the system role. */
export async function retentionJob(
  env: Env,
  options: RetentionOptions = {},
): Promise<RetentionReport> {
  const database = openSystemDatabase(env);
  try {
    return await runRetention(database, env.FILES, retentionDays(env), options);
  } finally {
    await database.close().catch(() => {});
  }
}
