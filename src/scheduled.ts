import { sql } from "drizzle-orm";
import type { Env } from "./env";
import { openSystemDatabase, withSystem } from "./platform/db";
import { cronHeartbeats } from "./platform/db/schema";
import { describeError, log } from "./platform/observability/logger";

/** A cron trigger's jobs by name (names appear in the log line of each run). */
export type Jobs = Record<string, () => Promise<unknown>>;

/** One job's run, as its heartbeat records it. */
export interface JobRun {
  job: string;
  cron: string;
  startedAt: Date;
  durationMs: number;
  /** Short, secret-free error text when the job failed; null when it succeeded. */
  error: string | null;
}

/** Longest error text a heartbeat keeps (the full error is in the job's log line). */
const HEARTBEAT_ERROR_CHARS = 200;

/**
 * An error as a heartbeat stores it: its name and the first line of its message, with anything
 * shaped like a URL (a connection string may carry a password) replaced, cut to a short length.
 */
export function shortError(error: unknown): string {
  const name = error instanceof Error ? error.name : "Error";
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split("\n")[0] ?? "";
  const redacted = firstLine.replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, "<url>");
  return `${name}: ${redacted}`.slice(0, HEARTBEAT_ERROR_CHARS);
}

/**
 * Seconds between two runs of a cron expression of the shapes wrangler.toml uses ("* * * * *",
 * "M * * * *", "M H * * *"); null for anything else (the ops API then shows no expectation).
 */
export function cronIntervalSeconds(cron: string): number | null {
  const [minute, hour, dom, month, dow, ...rest] = cron.trim().split(/\s+/);
  if (rest.length > 0 || dow === undefined) return null;
  if (dom !== "*" || month !== "*" || dow !== "*") return null;
  if (minute === "*" && hour === "*") return 60;
  if (/^\d+$/.test(minute ?? "") && hour === "*") return 3600;
  if (/^\d+$/.test(minute ?? "") && /^\d+$/.test(hour ?? "")) return 86_400;
  return null;
}

/**
 * Records a trigger's job runs in `cron_heartbeats`: one upsert for all of them. A success sets
 * last_succeeded_at and resets the failure count; a failure sets last_failed_at and last_error
 * and counts one more consecutive failure. Never throws: a heartbeat must not fail its job.
 */
export async function recordHeartbeats(env: Env, runs: JobRun[]): Promise<void> {
  if (runs.length === 0) return;
  const handle = openSystemDatabase(env, 1);
  try {
    await withSystem(handle, (tx) =>
      tx
        .insert(cronHeartbeats)
        .values(
          runs.map((run) => {
            const endedAt = new Date(run.startedAt.getTime() + run.durationMs);
            return {
              job: run.job,
              cron: run.cron,
              lastStartedAt: run.startedAt,
              lastSucceededAt: run.error === null ? endedAt : null,
              lastFailedAt: run.error === null ? null : endedAt,
              lastError: run.error,
              lastDurationMs: run.durationMs,
              consecutiveFailures: run.error === null ? 0 : 1,
            };
          }),
        )
        .onConflictDoUpdate({
          target: cronHeartbeats.job,
          set: {
            cron: sql`excluded.cron`,
            lastStartedAt: sql`excluded.last_started_at`,
            lastDurationMs: sql`excluded.last_duration_ms`,
            lastSucceededAt: sql`coalesce(excluded.last_succeeded_at, ${cronHeartbeats.lastSucceededAt})`,
            lastFailedAt: sql`coalesce(excluded.last_failed_at, ${cronHeartbeats.lastFailedAt})`,
            // The last error stays next to last_failed_at after a success, for the operator.
            lastError: sql`coalesce(excluded.last_error, ${cronHeartbeats.lastError})`,
            consecutiveFailures: sql`case when excluded.last_failed_at is null then 0
              else ${cronHeartbeats.consecutiveFailures} + 1 end`,
          },
        }),
    );
  } catch (error) {
    log("warn", "cron heartbeat not recorded", {
      jobs: runs.map((r) => r.job),
      ...describeError(error),
    });
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Runs one job, timing it; never throws (the outcome is in the result). */
async function timedRun(job: () => Promise<unknown>) {
  const startedAt = new Date();
  const began = performance.now();
  try {
    const value = await job();
    return {
      startedAt,
      durationMs: Math.round(performance.now() - began),
      ok: true as const,
      value,
    };
  } catch (reason) {
    return {
      startedAt,
      durationMs: Math.round(performance.now() - began),
      ok: false as const,
      reason,
    };
  }
}

/**
 * Runs a trigger's jobs side by side; one job failing does not stop the others. Each outcome is
 * logged and recorded as the job's heartbeat (one statement per trigger); the trigger fails when
 * any job did, so the platform's cron history shows it too.
 */
export async function runJobs(env: Env, cron: string, jobs: Jobs): Promise<void> {
  const entries = Object.entries(jobs);
  const results = await Promise.all(entries.map(([, job]) => timedRun(job)));
  const runs: JobRun[] = results.map((result, i) => {
    const job = entries[i]?.[0] ?? "unknown";
    if (result.ok) {
      log("info", "scheduled job done", { job, cron, result: result.value });
    } else {
      log("error", "scheduled job failed", { job, cron, ...describeError(result.reason) });
    }
    return {
      job,
      cron,
      startedAt: result.startedAt,
      durationMs: result.durationMs,
      error: result.ok ? null : shortError(result.reason),
    };
  });
  await recordHeartbeats(env, runs);
  if (runs.some((r) => r.error !== null)) throw new Error("a scheduled job failed");
}
