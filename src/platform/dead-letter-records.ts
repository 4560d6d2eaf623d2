import { describeError, log } from "./observability/logger";

/**
 * The loop of a dead-letter consumer: `record` each message, then ack it; a message whose
 * recording fails is logged (`failureMessage`) and retried alone in 60 s, so it cannot hold back
 * the batch's others.
 */
export async function recordEachDeadLetter<M extends Message<unknown>>(
  queue: string,
  messages: Iterable<M>,
  failureMessage: string,
  record: (message: M) => Promise<void>,
): Promise<void> {
  for (const message of messages) {
    try {
      await record(message);
      message.ack();
    } catch (error) {
      log("error", failureMessage, { queue, message_id: message.id, ...describeError(error) });
      message.retry({ delaySeconds: 60 });
    }
  }
}
