import { log } from "../observability/logger";
import type { DeliveryMessage } from "./config";

/** Longest id a message may carry (ours are a short prefix and 26 characters). */
const ID_CHARS = 64;
/** Characters of a malformed body kept in its log line. */
const BODY_EXCERPT_CHARS = 200;

const isId = (value: unknown): value is string =>
  typeof value === "string" && value.length > 0 && value.length <= ID_CHARS;

/**
 * Whether a queue body is a delivery message. Ours always are; anything else (a producer's bug,
 * a message left by a release with another shape) names no delivery to attempt or record.
 */
function isDeliveryMessage(body: unknown): body is DeliveryMessage {
  if (typeof body !== "object" || body === null) return false;
  const { d, t, r, u } = body as Record<string, unknown>;
  return (
    isId(d) &&
    isId(t) &&
    (r === undefined || r === 1) &&
    (u === undefined || (Number.isInteger(u) && (u as number) >= 0))
  );
}

function excerpt(body: unknown): string {
  try {
    return String(JSON.stringify(body)).slice(0, BODY_EXCERPT_CHARS);
  } catch {
    return String(body).slice(0, BODY_EXCERPT_CHARS);
  }
}

/**
 * The batch's delivery messages. Every other message is logged and acked here: retrying could
 * never change it, and left to throw it would fail its whole batch, sending the batch's good
 * deliveries again and in the end dead-lettering them with it.
 */
export function deliveryMessages(batch: MessageBatch<unknown>): Array<Message<DeliveryMessage>> {
  const wellFormed: Array<Message<DeliveryMessage>> = [];
  for (const message of batch.messages) {
    if (isDeliveryMessage(message.body)) {
      wellFormed.push(message as Message<DeliveryMessage>);
      continue;
    }
    log("error", "malformed webhook message dropped", {
      queue: batch.queue,
      message_id: message.id,
      attempts: message.attempts,
      body: excerpt(message.body),
    });
    message.ack();
  }
  return wellFormed;
}
