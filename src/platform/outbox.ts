import { writeBehind } from "./db/driver";
import { events } from "./db/schema";
import type { TenantScope } from "./db/tenant-scope";
import type { EventData, EventType } from "./event-schemas";
import { newId } from "./ids";

/** Event types (the catalog in event-schemas.ts is their single source). */
export { EVENT_TYPES, type EventData, type EventType } from "./event-schemas";

/** The webhook body, exactly as stored and delivered. */
export interface EventPayload {
  type: EventType;
  timestamp: string;
  data: unknown;
}

/**
 * Writes a domain event to the outbox inside the mutation's transaction (transactional outbox):
 * if the mutation commits the event exists, if it rolls back the event never did. `data` is typed
 * by the event type from the catalog (event-schemas.ts), so a producer cannot drift from it.
 */
export async function recordEvent<T extends EventType>(
  scope: TenantScope,
  type: T,
  data: EventData<T>,
): Promise<{ id: string; payload: EventPayload }> {
  const id = newId("evt");
  const payload: EventPayload = { type, timestamp: new Date().toISOString(), data };
  // Sent behind (db/driver/write-behind.ts): it travels with the transaction's next statement.
  await writeBehind(
    scope.tx,
    scope.tx.insert(events).values({ id, tenantId: scope.tenantId, type, payload }),
  );
  return { id, payload };
}
