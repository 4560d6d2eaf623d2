import type { Env } from "../../env";
import { openSystemDatabase } from "../../platform/db";
import { DONE, type JobHandler } from "../../platform/jobs/policy";
import { log } from "../../platform/observability/logger";
import { sweepFiles } from "../files/sweep";
import {
  type ExportMessage,
  recordExportFailure,
  requeueStalledExports,
  runExport,
} from "./export-job";

/**
 * The export job of the jobs queue (src/jobs.ts dispatches it; src/platform/jobs/policy.ts
 * decides retries). A failed attempt stores a stable reason on the export (`failed` once no retry
 * follows), never the raw error.
 */
export const exportJob: JobHandler<ExportMessage> = {
  parse: (body) =>
    typeof body.export_id === "string"
      ? { kind: "tenant-export", export_id: body.export_id }
      : null,
  describe: (message) => ({ export_id: message.export_id }),
  async run(database, env, message) {
    const outcome = await runExport(database, env.FILES, message.export_id);
    // A duplicate delivery: the live run completes the export, and the hourly sweep requeues it
    // should that run die, so this message is done.
    if (outcome === "busy") log("info", "export already running", { export_id: message.export_id });
    return DONE;
  },
  failed: (database, message, final) => recordExportFailure(database, message.export_id, final),
};

/** The hourly file sweep: abandoned uploads and deleted files leave R2; stalled exports are requeued. */
export async function fileSweepJob(env: Env) {
  const database = openSystemDatabase(env);
  try {
    return {
      files: await sweepFiles(database, env.FILES),
      requeued_exports: await requeueStalledExports(database, env.JOBS),
    };
  } finally {
    await database.close().catch(() => {});
  }
}
