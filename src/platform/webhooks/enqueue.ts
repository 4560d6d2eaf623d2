import type { Env } from "../../env";
import { MAX_DELAY_SECONDS } from "./config";
import { type DeliveryMessage, redeliveryMessage } from "./messages";

const SEND_BATCH = 100;

/** Sends delivery messages in batches of 100 (the platform's sendBatch limit). */
export async function enqueueDeliveries(
  env: Env,
  messages: Array<{ body: DeliveryMessage; delaySeconds?: number }>,
): Promise<void> {
  for (let i = 0; i < messages.length; i += SEND_BATCH) {
    const chunk = messages.slice(i, i + SEND_BATCH).map((m) => ({
      body: m.body,
      contentType: "json" as const,
      ...(m.delaySeconds
        ? { delaySeconds: Math.min(MAX_DELAY_SECONDS, Math.ceil(m.delaySeconds)) }
        : {}),
    }));
    await env.WEBHOOKS.sendBatch(chunk);
  }
}

/**
 * Spreads re-deliveries over time at the endpoint's re-delivery rate, so a recovery of thousands
 * of deliveries reaches the receiver gradually instead of churning through the queue at once.
 */
export function staggered(
  deliveries: Array<{ id: string; tenantId: string }>,
  perSecond: number,
): Array<{ body: DeliveryMessage; delaySeconds?: number }> {
  return deliveries.map((d, i) => ({
    body: redeliveryMessage(d.id, d.tenantId),
    delaySeconds: Math.floor(i / perSecond),
  }));
}
