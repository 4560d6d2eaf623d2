import type { Env } from "./env";
import { describeError, log } from "./platform/observability/logger";

type Job = (env: Env, ctx: ExecutionContext, controller: ScheduledController) => Promise<unknown>;

/** Jobs by cron expression (the expressions are wrangler.toml's `triggers.crons`). */
const jobs = new Map<string, Array<[name: string, job: Job]>>();

/** Adds a job to a cron trigger. */
export function registerJob(cron: string, name: string, job: Job): void {
  const list = jobs.get(cron) ?? [];
  list.push([name, job]);
  jobs.set(cron, list);
}

/** Runs every job of the trigger that fired; one job failing does not stop the others. */
export async function handleScheduled(
  controller: ScheduledController,
  env: Env,
  ctx: ExecutionContext,
): Promise<void> {
  const list = jobs.get(controller.cron) ?? [];
  const results = await Promise.allSettled(list.map(([, job]) => job(env, ctx, controller)));
  results.forEach((result, i) => {
    const name = list[i]?.[0];
    if (result.status === "rejected") {
      log("error", "scheduled job failed", {
        job: name,
        cron: controller.cron,
        ...describeError(result.reason),
      });
    } else {
      log("info", "scheduled job done", { job: name, cron: controller.cron, result: result.value });
    }
  });
  if (results.some((r) => r.status === "rejected")) throw new Error("a scheduled job failed");
}
