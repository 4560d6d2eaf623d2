import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../src/index";

/** Hands a one-message batch of `queue` to the Worker's queue handler; what it acked or retried. */
async function deliver(queue: string, body: unknown) {
  const batch = createMessageBatch(queue, [
    { id: `msg-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch, env, ctx);
  const result = await getQueueResult(batch, ctx);
  await waitOnExecutionContext(ctx);
  return result;
}

describe("the Worker's queue and cron entry points", () => {
  it("hand a staging queue's batch to the same consumer as the queue without the suffix", async () => {
    // The jobs consumer acknowledges (and logs) a message of a kind it does not know.
    for (const queue of ["shelfwise-jobs", "shelfwise-jobs-staging"]) {
      const result = await deliver(queue, { kind: "not-a-job" });
      expect(result.explicitAcks, queue).toHaveLength(1);
      expect(result.retryBatch.retry, queue).toBe(false);
    }
  });

  it("retry a batch of a queue nobody consumes, acknowledging nothing", async () => {
    for (const queue of ["shelfwise-unknown", "shelfwise-jobs-production", "shelfwise"]) {
      const result = await deliver(queue, { kind: "not-a-job" });
      expect(result.explicitAcks, queue).toEqual([]);
      expect(result.retryBatch.retry, queue).toBe(true);
    }
  });

  it("run nothing, and do not fail, for a cron trigger with no jobs", async () => {
    const controller = createScheduledController({ cron: "5 4 * * *", scheduledTime: Date.now() });
    const ctx = createExecutionContext();
    await expect(worker.scheduled(controller, env, ctx)).resolves.toBeUndefined();
    await waitOnExecutionContext(ctx);
  });
});
