import { describeError, log } from "./platform/observability/logger";

/** A cron trigger's jobs by name (names appear in the log line of each run). */
export type Jobs = Record<string, () => Promise<unknown>>;

/** Runs a trigger's jobs side by side; one job failing does not stop the others. */
export async function runJobs(cron: string, jobs: Jobs): Promise<void> {
  const entries = Object.entries(jobs);
  const results = await Promise.allSettled(entries.map(([, job]) => job()));
  results.forEach((result, i) => {
    const name = entries[i]?.[0];
    if (result.status === "rejected") {
      log("error", "scheduled job failed", { job: name, cron, ...describeError(result.reason) });
    } else {
      log("info", "scheduled job done", { job: name, cron, result: result.value });
    }
  });
  if (results.some((r) => r.status === "rejected")) throw new Error("a scheduled job failed");
}
