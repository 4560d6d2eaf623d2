import { app } from "./app";
import type { Env } from "./env";
import { registerTenantDataJobs } from "./features/exports/jobs";
import { cleanupIdempotencyRecords } from "./platform/idempotency/records";
import { registerWebhooks } from "./platform/webhooks/register";
import { handleQueue } from "./queue";
import { handleScheduled, registerJob } from "./scheduled";

export type { AppType } from "./app";
export { IdempotencyStore } from "./platform/idempotency/durable-object";
export { TrafficIndex } from "./platform/observability/traffic-index";
export { RateLimiter } from "./platform/rate-limit/durable-object";

registerWebhooks();
registerTenantDataJobs();
registerJob("0 * * * *", "idempotency-cleanup", cleanupIdempotencyRecords);

export default {
  fetch: app.fetch,
  queue: handleQueue,
  scheduled: handleScheduled,
} satisfies ExportedHandler<Env>;
