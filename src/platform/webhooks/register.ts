import type { Env } from "../../env";
import { registerConsumer } from "../../queue";
import { registerJob } from "../../scheduled";
import type { DeliveryMessage } from "./config";
import { consumeWebhookDeadLetters, consumeWebhooks } from "./consumer";
import { sweepOutbox } from "./relay";
import { sweepStrandedHolds } from "./tenant-hold";

type Batch = MessageBatch<DeliveryMessage>;

/**
 * Wires the webhook consumers (queue and dead-letter queue), the every-minute outbox sweep and the
 * hourly release of holds no resume will release.
 */
export function registerWebhooks(): void {
  registerConsumer("shelfwise-webhooks-dlq", (batch, env: Env) =>
    consumeWebhookDeadLetters(batch as Batch, env),
  );
  registerConsumer("shelfwise-webhooks", (batch, env, ctx) =>
    consumeWebhooks(batch as Batch, env, ctx),
  );
  registerJob("* * * * *", "webhook-outbox-sweep", (env) => sweepOutbox(env));
  registerJob("0 * * * *", "webhook-stranded-holds", (env) => sweepStrandedHolds(env));
}
