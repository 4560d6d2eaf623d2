import { and, eq, inArray } from "drizzle-orm";
import { anyOf, type TenantScope } from "../db";
import { events, webhookDeliveries, webhookEndpoints } from "../db/schema";
import type { DeliveryMessage } from "./messages";
import type { ReceiverHeaders } from "./receiver-headers";

/**
 * The load of a tenant's messages of a batch runs in stages, each in the load's one transaction
 * and each taking the messages the previous ones left: settle (settle.ts: nothing to send),
 * hold (hold.ts), order (ordering.ts), take tokens (tokens.ts), build sends (build-sends.ts).
 * This module reads what they all work from and holds the types they share.
 */

/** One delivery message of the batch (its body already read into the named shape). */
export type QueuedDelivery = Message<DeliveryMessage>;

/** An endpoint row, read once per load however many of its deliveries the batch holds. */
export type Endpoint = typeof webhookEndpoints.$inferSelect;

/** A delivery with the columns the load uses, its endpoint and its event's payload. */
export interface DeliveryRow {
  delivery: {
    id: string;
    endpointId: string;
    eventId: string;
    status: string;
    lastError: string | null;
    resourceKey: string | null;
    seq: number | null;
  };
  endpoint: Endpoint;
  payload: unknown;
}

/** A message still on its way to a send, with its delivery's row. */
export interface Candidate {
  message: QueuedDelivery;
  row: DeliveryRow;
}

/** One signed POST the consumer is to make. */
export interface SendPlan {
  kind: "send";
  endpointId: string;
  url: string;
  secrets: string[];
  eventId: string;
  body: string;
  headers: ReceiverHeaders;
  /** The endpoint delivers per resource in order: its outcome may release a waiting one. */
  ordered: boolean;
}

/** What the consumer does with a message after loading it. */
export type Plan =
  /** Nothing more: the message is acked. */
  | { kind: "done" }
  /** The delivery row is not visible (yet): look again shortly, without spending a retry. */
  | { kind: "unseen" }
  /** Not now (over the rate, an earlier event not fanned out, a hold raced): a fresh copy later. */
  | { kind: "defer"; waitSeconds: number }
  | SendPlan;

/** The plan of each message a stage decided. */
export type Plans = Map<QueuedDelivery, Plan>;

/**
 * Reads the messages' deliveries with the columns the stages use, and each of their endpoints
 * once (not one copy of its row per delivery): both statements leave together. A delivery whose
 * row (or endpoint) is gone is absent from the map.
 */
export async function readDeliveries(
  scope: TenantScope,
  messages: readonly QueuedDelivery[],
): Promise<Map<string, DeliveryRow>> {
  const ids = messages.map((m) => m.body.delivery_id);
  const [deliveryRows, endpointRows] = await Promise.all([
    scope.tx
      .select({
        id: webhookDeliveries.id,
        endpointId: webhookDeliveries.endpointId,
        eventId: webhookDeliveries.eventId,
        status: webhookDeliveries.status,
        lastError: webhookDeliveries.lastError,
        resourceKey: webhookDeliveries.resourceKey,
        seq: webhookDeliveries.seq,
        payload: events.payload,
      })
      .from(webhookDeliveries)
      .innerJoin(
        events,
        and(eq(events.id, webhookDeliveries.eventId), eq(events.tenantId, scope.tenantId)),
      )
      .where(scope.where(webhookDeliveries, anyOf(webhookDeliveries.id, ids))),
    scope.tx
      .select()
      .from(webhookEndpoints)
      .where(
        scope.where(
          webhookEndpoints,
          inArray(
            webhookEndpoints.id,
            scope.tx
              .select({ id: webhookDeliveries.endpointId })
              .from(webhookDeliveries)
              .where(scope.where(webhookDeliveries, anyOf(webhookDeliveries.id, ids))),
          ),
        ),
      ),
  ]);
  const endpointsById = new Map(endpointRows.map((endpoint) => [endpoint.id, endpoint]));
  const rows = new Map<string, DeliveryRow>();
  for (const { payload, ...delivery } of deliveryRows) {
    const endpoint = endpointsById.get(delivery.endpointId);
    if (endpoint) rows.set(delivery.id, { delivery, endpoint, payload });
  }
  return rows;
}
