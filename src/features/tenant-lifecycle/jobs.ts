import type { Env } from "../../env";
import { openSystemDatabase } from "../../platform/db";
import { CONTINUE, DONE, type JobHandler } from "../../platform/jobs/policy";
import { type DeletionMessage, purgeTenant, runTenantDeletion } from "./deletion";

/** A queued purge step's budget: well inside a consumer invocation's limits. */
const PURGE_BUDGET_MS = 60_000;

/**
 * The purge continuation of the jobs queue (src/jobs.ts dispatches it; src/platform/jobs/policy.ts
 * decides retries): one budgeted step of a tombstoned tenant's purge, queued again until done.
 */
export const tenantPurgeJob: JobHandler<DeletionMessage> = {
  parse: (body) =>
    typeof body.tenant_id === "string"
      ? { kind: "tenant-deletion", tenant_id: body.tenant_id }
      : null,
  describe: (message) => ({ tenant_id: message.tenant_id }),
  async run(database, env, message) {
    const done = await purgeTenant(
      database,
      env.FILES,
      message.tenant_id,
      Date.now() + PURGE_BUDGET_MS,
    );
    return done ? DONE : CONTINUE;
  },
};

/** The daily job (cron 30 3 * * *): tenants whose deletion grace period ended are purged. */
export async function tenantDeletionJob(env: Env) {
  const database = openSystemDatabase(env);
  try {
    return await runTenantDeletion(database, env.FILES, env.JOBS);
  } finally {
    await database.close().catch(() => {});
  }
}
