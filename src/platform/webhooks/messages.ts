import { log } from "../observability/logger";

/**
 * A queue message: one delivery (event × endpoint). It carries ids only; the payload stays in
 * Postgres. Field names cost a few bytes per message, far under the queue's limits (128 KB a
 * message, 256 KB a sendBatch of 100).
 */
export interface DeliveryMessage {
  /** webhook_deliveries.id */
  delivery_id: string;
  /** The delivery's tenant: the consumer works inside that tenant's scope. */
  tenant_id: string;
  /** A re-delivery (recover, resend, released holds): throttled by a bucket of its own. */
  redelivery?: true;
  /** How many times the delivery row was not found yet (see UNSEEN_LOOKS). */
  unseen_looks?: number;
}

/**
 * The shape earlier releases sent: `d` delivery id, `t` tenant id, `r: 1` re-delivery, `u`
 * unseen looks. Still read, since messages of that shape may wait in a queue (retries wait up to
 * 12 h) or in the dead-letter queue when a release goes out; never sent any more.
 */
interface ShortDeliveryMessage {
  d: string;
  t: string;
  r?: 1;
  u?: number;
}

/** The message of a new delivery (relay, sweep, an ordered delivery woken by its predecessor). */
export function deliveryMessage(deliveryId: string, tenantId: string): DeliveryMessage {
  return { delivery_id: deliveryId, tenant_id: tenantId };
}

/** The message of a re-delivery (recover, resend, a hold released). */
export function redeliveryMessage(deliveryId: string, tenantId: string): DeliveryMessage {
  return { delivery_id: deliveryId, tenant_id: tenantId, redelivery: true };
}

/** Longest id a message may carry (ours are a short prefix and 26 characters). */
const ID_CHARS = 64;
/** Characters of a malformed body kept in its log line. */
const BODY_EXCERPT_CHARS = 200;

const isId = (value: unknown): value is string =>
  typeof value === "string" && value.length > 0 && value.length <= ID_CHARS;

const isLooks = (value: unknown): value is number | undefined =>
  value === undefined || (Number.isInteger(value) && (value as number) >= 0);

/**
 * Reads a queue body of either shape into the named one, or undefined when it names no delivery
 * (a producer's bug, a message left by a release with another shape). A body with `delivery_id`
 * is read as the named shape, any other as the short one: the two are never mixed.
 */
export function parseDeliveryMessage(body: unknown): DeliveryMessage | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  if ("delivery_id" in fields) {
    const { delivery_id, tenant_id, redelivery, unseen_looks } = fields;
    if (!isId(delivery_id) || !isId(tenant_id) || !isLooks(unseen_looks)) return undefined;
    if (redelivery !== undefined && redelivery !== true) return undefined;
    return named(delivery_id, tenant_id, redelivery === true, unseen_looks);
  }
  const { d, t, r, u } = fields as Partial<Record<keyof ShortDeliveryMessage, unknown>>;
  if (!isId(d) || !isId(t) || !isLooks(u)) return undefined;
  if (r !== undefined && r !== 1) return undefined;
  return named(d, t, r === 1, u);
}

/** The named message, its optional fields left out when unset (as producers send it). */
function named(
  deliveryId: string,
  tenantId: string,
  redelivery: boolean,
  unseenLooks: number | undefined,
): DeliveryMessage {
  return {
    delivery_id: deliveryId,
    tenant_id: tenantId,
    ...(redelivery ? { redelivery: true as const } : {}),
    ...(unseenLooks !== undefined ? { unseen_looks: unseenLooks } : {}),
  };
}

function excerpt(body: unknown): string {
  try {
    return String(JSON.stringify(body)).slice(0, BODY_EXCERPT_CHARS);
  } catch {
    return String(body).slice(0, BODY_EXCERPT_CHARS);
  }
}

/**
 * The batch's delivery messages, each body read into the named shape (acking or retrying one acks
 * or retries the queue's message). Every other message is logged and acked here: retrying could
 * never change it, and left to throw it would fail its whole batch, sending the batch's good
 * deliveries again and in the end dead-lettering them with it.
 */
export function deliveryMessages(batch: MessageBatch<unknown>): Array<Message<DeliveryMessage>> {
  const wellFormed: Array<Message<DeliveryMessage>> = [];
  for (const message of batch.messages) {
    const body = parseDeliveryMessage(message.body);
    if (body) {
      wellFormed.push({
        id: message.id,
        timestamp: message.timestamp,
        attempts: message.attempts,
        body,
        ack: () => message.ack(),
        retry: (options) => message.retry(options),
      });
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
