import { app } from "./app";
import type { Env } from "./env";
import { fileSweepJob } from "./features/exports/jobs";
import { orderExpiryJob } from "./features/orders/expiry";
import { tenantDeletionJob } from "./features/tenant-lifecycle/jobs";
import { consumeJobs } from "./jobs";
import { cleanupIdempotencyRecords } from "./platform/idempotency/records";
import { consumeJobDeadLetters } from "./platform/jobs/dead-letters";
import { log } from "./platform/observability/logger";
import { retentionJob } from "./platform/retention/job";
import { consumeWebhooks } from "./platform/webhooks/consumer";
import { consumeWebhookDeadLetters } from "./platform/webhooks/dead-letters";
import { sweepOutbox } from "./platform/webhooks/relay";
import { sweepStrandedHolds } from "./platform/webhooks/tenant-hold";
import { runJobs } from "./scheduled";

export type { AppType } from "./app";
export { EventHub } from "./features/events/hub";
export { IdempotencyStore } from "./platform/idempotency/durable-object";
export { TrafficIndex } from "./platform/observability/traffic-index";
export { RateLimiter } from "./platform/rate-limit/durable-object";

/** Staging's queues are the same queues with this suffix (wrangler.toml, env.staging). */
const STAGING_SUFFIX = "-staging";

/** Every queue this Worker consumes (wrangler.toml's `queues.consumers`), to its consumer. */
async function queue(batch: MessageBatch, env: Env, ctx: ExecutionContext): Promise<void> {
  const name = batch.queue.endsWith(STAGING_SUFFIX)
    ? batch.queue.slice(0, -STAGING_SUFFIX.length)
    : batch.queue;
  switch (name) {
    case "shelfwise-webhooks":
      return consumeWebhooks(batch, env, ctx);
    case "shelfwise-webhooks-dlq":
      return consumeWebhookDeadLetters(batch, env);
    case "shelfwise-jobs":
      return consumeJobs(batch, env);
    case "shelfwise-jobs-dlq":
      return consumeJobDeadLetters(batch, env);
    default:
      // A batch nobody consumes is retried, never acked.
      log("error", "no consumer for queue; messages will be retried", { queue: batch.queue });
      batch.retryAll({ delaySeconds: 60 });
  }
}

/** Every cron trigger (wrangler.toml's `triggers.crons`), to the jobs it runs. */
async function scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext) {
  const { cron } = controller;
  switch (cron) {
    case "* * * * *":
      return runJobs(env, cron, {
        "webhook-outbox-sweep": () => sweepOutbox(env),
        "order-expiry": () => orderExpiryJob(env),
      });
    case "0 * * * *":
      return runJobs(env, cron, {
        "webhook-stranded-holds": () => sweepStrandedHolds(env),
        "file-sweep": () => fileSweepJob(env),
        "idempotency-cleanup": () => cleanupIdempotencyRecords(env, ctx),
        retention: () => retentionJob(env),
      });
    case "30 3 * * *":
      return runJobs(env, cron, { "tenant-deletion": () => tenantDeletionJob(env) });
    default:
      log("warn", "no jobs for this cron trigger", { cron });
  }
}

export default { fetch: app.fetch, queue, scheduled } satisfies ExportedHandler<Env>;
