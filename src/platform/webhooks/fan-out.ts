import { ne } from "drizzle-orm";
import type { TenantScope } from "../db";
import { uncachedRead } from "../db";
import { webhookEndpoints } from "../db/schema";

/** True when an endpoint subscribed to an event type (an empty list means every type). */
export function subscribes(eventTypes: readonly string[], type: string): boolean {
  return eventTypes.length === 0 || eventTypes.includes(type);
}

export type FanOutEndpoint = {
  id: string;
  eventTypes: string[];
  /** A suspended endpoint's new deliveries start held; an active one's start pending. */
  deliveryStatus: "held" | "pending";
};

/**
 * The tenant's endpoints that take new deliveries (all but disabled ones), under a key-share lock:
 * an endpoint's recovery (`FOR UPDATE`, then release of its holds) either commits before this read,
 * so its deliveries start pending, or waits for this transaction, so it releases the holds made
 * here. Without the lock a delivery held just after a recovery would stay held.
 */
export async function fanOutEndpoints(scope: TenantScope): Promise<FanOutEndpoint[]> {
  const rows = await scope.tx
    .select({
      id: webhookEndpoints.id,
      eventTypes: webhookEndpoints.eventTypes,
      status: webhookEndpoints.status,
    })
    .from(webhookEndpoints)
    .where(scope.where(webhookEndpoints, ne(webhookEndpoints.status, "disabled"), uncachedRead))
    .for("key share");
  return rows.map(({ id, eventTypes, status }) => ({
    id,
    eventTypes,
    deliveryStatus: status === "suspended" ? "held" : "pending",
  }));
}
