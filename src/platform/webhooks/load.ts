import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { openSecret } from "../crypto/secret-box";
import { anyOf, type TenantScope } from "../db";
import { events, webhookDeliveries, webhookEndpoints } from "../db/schema";
import { type DeliveryMessage, UNSEEN_LOOKS, type WebhookSettings } from "./config";
import { markWaiting, type OrderedCandidate, orderedWaits } from "./ordering";
import { bucketKey, takeDeliveryTokens } from "./rate";
import { type ReceiverHeaders, receiverHeadersOfBatch } from "./receiver-headers";

/** What the consumer does with a message after loading it. */
export type Loaded =
  | { kind: "done" }
  /** The delivery row is not visible (yet): look again shortly, without spending a retry. */
  | { kind: "unseen" }
  | { kind: "defer"; waitSeconds: number }
  | {
      kind: "send";
      endpointId: string;
      url: string;
      secrets: string[];
      eventId: string;
      body: string;
      headers: ReceiverHeaders;
      /** The endpoint delivers per resource in order: its outcome may release a waiting one. */
      ordered: boolean;
    };

async function decryptSecrets(
  settings: WebhookSettings,
  endpoint: {
    id: string;
    secretCiphertext: string;
    previousSecretCiphertext: string | null;
    previousSecretExpiresAt: Date | null;
  },
): Promise<string[]> {
  const current = await openSecret(settings.secretKey, endpoint.secretCiphertext, endpoint.id);
  const previousValid =
    endpoint.previousSecretCiphertext &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt.getTime() > Date.now();
  if (!previousValid) return [current];
  const previous = await openSecret(
    settings.secretKey,
    endpoint.previousSecretCiphertext as string,
    endpoint.id,
  );
  return [current, previous];
}

/**
 * Holds deliveries read as belonging to a suspended endpoint. The endpoint was read without a
 * lock, so a recovery may have committed since: for an active tenant only deliveries whose
 * endpoint is still not active are held, under a key-share lock on the endpoint row, which a
 * recovery (`FOR UPDATE`, then release of the holds) either waits for or has already released.
 * A delivery left unheld went active meanwhile: its message is deferred briefly, not dropped.
 */
async function holdDeliveries(
  scope: TenantScope,
  ids: string[],
  tenantActive: boolean,
  loaded: Map<Message<DeliveryMessage>, Loaded>,
  messages: Array<Message<DeliveryMessage>>,
): Promise<void> {
  const stillSuspended = scope.tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(scope.where(webhookEndpoints, ne(webhookEndpoints.status, "active")))
    .for("key share");
  const rows = await scope.tx
    .update(webhookDeliveries)
    .set({ status: "held", updatedAt: sql`now()` })
    .where(
      scope.where(
        webhookDeliveries,
        inArray(webhookDeliveries.id, ids),
        tenantActive ? inArray(webhookDeliveries.endpointId, stillSuspended) : undefined,
      ),
    )
    .returning({ id: webhookDeliveries.id });
  if (rows.length === ids.length) return;
  const heldNow = new Set(rows.map((row) => row.id));
  for (const message of messages) {
    if (ids.includes(message.body.d) && !heldNow.has(message.body.d)) {
      loaded.set(message, { kind: "defer", waitSeconds: 1 });
    }
  }
}

/**
 * Loads a tenant's deliveries of one batch in one transaction: deliveries whose endpoint is
 * disabled are settled as failed; those whose endpoint is suspended, or whose tenant is not
 * active (`tenantActive` false: suspended, offboarding, deleted), are held with their attempts
 * intact, to be released by the endpoint's recovery or the tenant's resume. The rest take tokens
 * from their endpoint's bucket (one statement for all buckets); those over the rate are deferred.
 */
export async function loadGroup(
  scope: TenantScope,
  messages: Array<Message<DeliveryMessage>>,
  tenant: { rate: number; active: boolean },
  settings: WebhookSettings,
  /** Collects deliveries this load settled as failed (their waiters are to be released). */
  finished: string[] = [],
): Promise<Map<Message<DeliveryMessage>, Loaded>> {
  const { rate } = tenant;
  const ids = messages.map((m) => m.body.d);
  // The deliveries with the columns used here, and each of their endpoints once (not one copy of
  // its row per delivery): both statements leave together.
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
  const rows = deliveryRows.flatMap(({ payload, ...delivery }) => {
    const endpoint = endpointsById.get(delivery.endpointId);
    return endpoint ? [{ delivery, endpoint, payload }] : [];
  });
  const byId = new Map(rows.map((row) => [row.delivery.id, row]));
  const loaded = new Map<Message<DeliveryMessage>, Loaded>();
  const receiverHeadersOf = receiverHeadersOfBatch(settings.secretKey);
  const held: string[] = [];
  const ordered: Array<{ message: Message<DeliveryMessage>; candidate: OrderedCandidate }> = [];
  const buckets = new Map<
    string,
    {
      endpoint: typeof webhookEndpoints.$inferSelect;
      kind: "fresh" | "redelivery";
      waiting: Array<Message<DeliveryMessage>>;
    }
  >();
  const addToBucket = (
    message: Message<DeliveryMessage>,
    endpoint: typeof webhookEndpoints.$inferSelect | undefined,
  ) => {
    if (!endpoint) return;
    const kind = message.body.r ? ("redelivery" as const) : ("fresh" as const);
    const key = bucketKey(endpoint.id, kind);
    const bucket = buckets.get(key) ?? { endpoint, kind, waiting: [] };
    bucket.waiting.push(message);
    buckets.set(key, bucket);
  };
  for (const message of messages) {
    const row = byId.get(message.body.d);
    // The message may have overtaken the commit that sent it: the relay's (no row yet) or a
    // resend's (a re-delivery whose delivery still reads as delivered). It looks again a few
    // times before the row is taken for a deleted endpoint's or the message for a duplicate.
    const uncommitted = !row || (message.body.r && row.delivery.status === "delivered");
    if (uncommitted && (message.body.u ?? 0) < UNSEEN_LOOKS) {
      loaded.set(message, { kind: "unseen" });
      continue;
    }
    // Gone (endpoint deleted) or already delivered (a duplicate message): nothing to do.
    if (!row || row.delivery.status === "delivered") {
      loaded.set(message, { kind: "done" });
      continue;
    }
    const { delivery, endpoint } = row;
    // A disabled endpoint fails its deliveries whatever the tenant's status (resuming the tenant
    // would not send them either); otherwise a suspended endpoint or tenant holds them.
    if (endpoint.status === "disabled") {
      await scope.tx
        .update(webhookDeliveries)
        .set({
          status: "failed",
          failedAt: sql`now()`,
          updatedAt: sql`now()`,
          lastError: delivery.lastError ?? "endpoint is disabled",
        })
        .where(scope.where(webhookDeliveries, eq(webhookDeliveries.id, delivery.id)));
      finished.push(delivery.id);
      loaded.set(message, { kind: "done" });
      continue;
    }
    if (endpoint.status !== "active" || !tenant.active) {
      if (delivery.status !== "held") held.push(delivery.id);
      loaded.set(message, { kind: "done" });
      continue;
    }
    if (endpoint.ordering === "per_resource" && delivery.resourceKey && delivery.seq !== null) {
      ordered.push({
        message,
        candidate: {
          deliveryId: delivery.id,
          endpointId: endpoint.id,
          resourceKey: delivery.resourceKey,
          seq: delivery.seq,
        },
      });
      continue;
    }
    addToBucket(message, endpoint);
  }
  // One statement for every delivery held in this batch (a suspended tenant's batch is all holds).
  if (held.length > 0) await holdDeliveries(scope, held, tenant.active, loaded, messages);
  // Ordered endpoints: a delivery with an earlier one of its resource still open waits for it.
  const waits = await orderedWaits(
    scope,
    ordered.map((o) => o.candidate),
  );
  const waiting: Array<{ deliveryId: string; waitingFor: string }> = [];
  for (const { message, candidate } of ordered) {
    const wait = waits.get(candidate.deliveryId);
    if (!wait) addToBucket(message, byId.get(candidate.deliveryId)?.endpoint);
    else if (wait.kind === "event") loaded.set(message, { kind: "defer", waitSeconds: 2 });
    else {
      waiting.push({ deliveryId: candidate.deliveryId, waitingFor: wait.id });
      loaded.set(message, { kind: "done" });
    }
  }
  if (waiting.length > 0) await markWaiting(scope, waiting);
  const grants = await takeDeliveryTokens(
    scope,
    [...buckets.values()].map(({ endpoint, kind, waiting }) => ({
      endpointId: endpoint.id,
      kind,
      rate: endpoint.ratePerSecond ?? rate,
      wanted: waiting.length,
    })),
  );
  for (const [key, { endpoint, waiting }] of buckets) {
    const { granted, waitSeconds } = grants.get(key) ?? { granted: 0, waitSeconds: () => 1 };
    const secrets = granted > 0 ? await decryptSecrets(settings, endpoint) : [];
    const headers = granted > 0 ? await receiverHeadersOf(endpoint) : {};
    waiting.forEach((message, i) => {
      if (i >= granted) {
        loaded.set(message, { kind: "defer", waitSeconds: waitSeconds(i - granted + 1) });
        return;
      }
      const row = byId.get(message.body.d);
      if (!row) return;
      const payload = row.payload as { type: string; timestamp: string; data: unknown };
      loaded.set(message, {
        kind: "send",
        endpointId: endpoint.id,
        url: endpoint.url,
        secrets,
        headers,
        eventId: row.delivery.eventId,
        ordered: endpoint.ordering === "per_resource",
        body: JSON.stringify({
          type: payload.type,
          timestamp: payload.timestamp,
          data: payload.data,
        }),
      });
    });
  }
  return loaded;
}
