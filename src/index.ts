import { app } from "./app";
import type { Env } from "./env";
import { registerWebhooks } from "./platform/webhooks/register";
import { handleQueue } from "./queue";
import { handleScheduled } from "./scheduled";

export type { AppType } from "./app";
export { IdempotencyStore } from "./platform/idempotency/durable-object";
export { RateLimiter } from "./platform/rate-limit/durable-object";

registerWebhooks();

export default {
  fetch: app.fetch,
  queue: handleQueue,
  scheduled: handleScheduled,
} satisfies ExportedHandler<Env>;
