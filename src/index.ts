import { app } from "./app";
import type { Env } from "./env";
import { registerTenantDataJobs } from "./features/exports/jobs";
import { registerWebhooks } from "./platform/webhooks/register";
import { handleQueue } from "./queue";
import { handleScheduled } from "./scheduled";

export type { AppType } from "./app";
export { IdempotencyStore } from "./platform/idempotency/durable-object";
export { RateLimiter } from "./platform/rate-limit/durable-object";

registerWebhooks();
registerTenantDataJobs();

export default {
  fetch: app.fetch,
  queue: handleQueue,
  scheduled: handleScheduled,
} satisfies ExportedHandler<Env>;
