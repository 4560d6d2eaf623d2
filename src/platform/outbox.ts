import { events } from "./db/schema";
import type { TenantScope } from "./db/tenant-scope";
import { writeBehind } from "./db/write-behind";
import { newId } from "./ids";

/** Event types from the API contract, plus operational events addressed to the tenant. */
export const EVENT_TYPES = [
  "book.created",
  "book.updated",
  "book.deleted",
  "book.import.batch",
  "book.import.completed",
  "order.created",
  "order.confirmed",
  "order.shipped",
  "order.cancelled",
  "order.expired",
  "file.uploaded",
  "tenant.export.completed",
  "webhook.endpoint.suspended",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** The webhook body, exactly as stored and delivered. */
export interface EventPayload {
  type: EventType;
  timestamp: string;
  data: unknown;
}

/**
 * Writes a domain event to the outbox inside the mutation's transaction (transactional outbox):
 * if the mutation commits the event exists, if it rolls back the event never did.
 */
export async function recordEvent(
  scope: TenantScope,
  type: EventType,
  data: unknown,
): Promise<{ id: string; payload: EventPayload }> {
  const id = newId("evt");
  const payload: EventPayload = { type, timestamp: new Date().toISOString(), data };
  // Sent behind (db/write-behind.ts): it travels with the transaction's next statement.
  await writeBehind(
    scope.tx,
    scope.tx.insert(events).values({ id, tenantId: scope.tenantId, type, payload }),
  );
  return { id, payload };
}
