import { app } from "./app";
import type { Env } from "./env";
import { handleQueue } from "./queue";
import { handleScheduled } from "./scheduled";

export type { AppType } from "./app";
export { IdempotencyStore } from "./platform/idempotency/durable-object";
export { RateLimiter } from "./platform/rate-limit/durable-object";

export default {
  fetch: app.fetch,
  queue: handleQueue,
  scheduled: handleScheduled,
} satisfies ExportedHandler<Env>;
