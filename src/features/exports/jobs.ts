import type { Env } from "../../env";
import { type DatabaseHandle, openRequestDatabase } from "../../platform/db";
import { describeError, log } from "../../platform/observability/logger";
import { sweepFiles } from "../files/sweep";
import { type DeletionMessage, purgeTenant, runTenantDeletion } from "./deletion";
import {
  type ExportMessage,
  recordExportFailure,
  requeueStalledExports,
  runExport,
} from "./export-job";

/** The jobs queue's consumer gives up on a message after this many attempts (wrangler.toml: max_retries 5). */
const MAX_ATTEMPTS = 6;
/** A queued purge step's budget: well inside a consumer invocation's limits. */
const PURGE_BUDGET_MS = 60_000;

type JobMessage = ExportMessage | DeletionMessage;

async function withDatabase<T>(env: Env, work: (database: DatabaseHandle) => Promise<T>) {
  const database = openRequestDatabase(env);
  try {
    return await work(database);
  } finally {
    await database.close().catch(() => {});
  }
}

async function runMessage(env: Env, database: DatabaseHandle, body: JobMessage) {
  if (body.kind === "tenant-export") {
    const outcome = await runExport(database, env.FILES, body.export_id);
    // A duplicate delivery: the live run completes the export, and the hourly sweep requeues it
    // should that run die, so this message is done.
    if (outcome === "busy") log("info", "export already running", { export_id: body.export_id });
  } else if (body.kind === "tenant-deletion") {
    const done = await purgeTenant(
      database,
      env.FILES,
      body.tenant_id,
      Date.now() + PURGE_BUDGET_MS,
    );
    if (!done) await env.JOBS.send(body);
  } else {
    log("error", "unknown job dropped", { body });
  }
}

/** Consumer of the jobs queue: exports and purge continuations, one message at a time. */
export async function handleJobBatch(batch: MessageBatch, env: Env) {
  for (const message of batch.messages) {
    const body = message.body as JobMessage;
    await withDatabase(env, async (database) => {
      try {
        await runMessage(env, database, body);
        message.ack();
      } catch (error) {
        const final = message.attempts >= MAX_ATTEMPTS;
        // The raw error lives in the log only, found by export and message id; the export row
        // gets a stable reason a tenant admin may read.
        log(final ? "error" : "warn", "job failed", {
          kind: body.kind,
          message_id: message.id,
          attempts: message.attempts,
          ...(body.kind === "tenant-export" && { export_id: body.export_id }),
          ...(body.kind === "tenant-deletion" && { tenant_id: body.tenant_id }),
          ...describeError(error),
        });
        if (body.kind === "tenant-export") {
          await recordExportFailure(database, body.export_id, final).catch(() => {});
        }
        message.retry({ delaySeconds: Math.min(30 * message.attempts, 600) });
      }
    });
  }
}

/** The daily job (cron 30 3 * * *): tenants whose deletion grace period ended are purged. */
export function tenantDeletionJob(env: Env) {
  return withDatabase(env, (database) => runTenantDeletion(database, env.FILES, env.JOBS));
}

/** The hourly file sweep: abandoned uploads and deleted files leave R2; stalled exports are requeued. */
export function fileSweepJob(env: Env) {
  return withDatabase(env, async (database) => ({
    files: await sweepFiles(database, env.FILES),
    requeued_exports: await requeueStalledExports(database, env.JOBS),
  }));
}
