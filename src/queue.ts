import type { Env } from "./env";
import { log } from "./platform/observability/logger";

type QueueHandler = (batch: MessageBatch, env: Env, ctx: ExecutionContext) => Promise<void>;

/** Consumers by queue name prefix (staging queues carry a suffix). */
const consumers: Array<[prefix: string, handler: QueueHandler]> = [];

/** Registers the consumer of the queues whose name starts with `prefix`. */
export function registerConsumer(prefix: string, handler: QueueHandler): void {
  consumers.push([prefix, handler]);
  consumers.sort((a, b) => b[0].length - a[0].length);
}

/** Routes a batch to its queue's consumer; a batch nobody consumes is retried, never acked. */
export async function handleQueue(batch: MessageBatch, env: Env, ctx: ExecutionContext) {
  const entry = consumers.find(([prefix]) => batch.queue.startsWith(prefix));
  if (!entry) {
    log("error", "no consumer for queue; messages will be retried", { queue: batch.queue });
    batch.retryAll({ delaySeconds: 60 });
    return;
  }
  await entry[1](batch, env, ctx);
}
