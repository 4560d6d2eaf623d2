import { z } from "zod";
import type { Env } from "../../env";
import { log } from "../observability/logger";

/** The tables the retention job prunes by age (`created_at`), in foreign-key order: children first. */
export const PRUNED_TABLES = [
  "webhook_attempts",
  "webhook_deliveries",
  "events",
  "job_failures",
  "audit_log",
] as const;

export type PrunedTable = (typeof PRUNED_TABLES)[number];

/** Days a row stays in Postgres. Audit rows leave only once archived to R2 (kept 7 years there). */
export const DEFAULT_RETENTION_DAYS: Readonly<Record<PrunedTable, number>> = {
  webhook_attempts: 14,
  webhook_deliveries: 30,
  events: 30,
  job_failures: 30,
  audit_log: 400,
};

/**
 * Idempotency records are not pruned by this job: each expires 24 h after its key was first used
 * (`expires_at`), and the hourly `idempotency-cleanup` job deletes the expired ones. Listed so the
 * job's report shows the whole retention picture.
 */
export const IDEMPOTENCY_RETENTION = { hours: 24, job: "idempotency-cleanup" } as const;

const days = z.number().int().min(1).max(36_500);

/** `RETENTION_DAYS`: a JSON object overriding some periods, e.g. `{"events":7}`. */
const overridesSchema = z
  .object({
    webhook_attempts: days,
    webhook_deliveries: days,
    events: days,
    job_failures: days,
    audit_log: days,
  })
  .partial()
  .strict();

/**
 * The periods in force: the defaults with `RETENTION_DAYS` applied. A malformed value is logged
 * and ignored as a whole (defaults everywhere): a typo in a var must never stop the hourly job,
 * and a half-applied override would be harder to notice than none.
 */
export function retentionDays(env: Pick<Env, "RETENTION_DAYS">): Record<PrunedTable, number> {
  const raw = env.RETENTION_DAYS;
  if (raw === undefined || raw.trim() === "") return { ...DEFAULT_RETENTION_DAYS };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    log("error", "RETENTION_DAYS is not JSON; using the default retention periods", {});
    return { ...DEFAULT_RETENTION_DAYS };
  }
  const parsed = overridesSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    log("error", "RETENTION_DAYS is invalid; using the default retention periods", { issues });
    return { ...DEFAULT_RETENTION_DAYS };
  }
  return { ...DEFAULT_RETENTION_DAYS, ...parsed.data };
}
