import { and, eq, inArray, sql } from "drizzle-orm";
import { openSecret } from "../crypto/secret-box";
import type { TenantScope } from "../db";
import { events, webhookDeliveries, webhookEndpoints } from "../db/schema";
import type { DeliveryMessage, WebhookSettings } from "./config";
import { takeDeliveryTokens } from "./rate";

/** What the consumer does with a message after loading it. */
export type Loaded =
  | { kind: "done" }
  | { kind: "defer"; waitSeconds: number }
  | {
      kind: "send";
      endpointId: string;
      url: string;
      secrets: string[];
      eventId: string;
      body: string;
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
 * Loads a tenant's deliveries of one batch in one transaction: deliveries whose endpoint is
 * disabled or suspended are settled at once (failed or held), the rest take tokens from their
 * endpoint's bucket, one bucket update per endpoint; those over the rate are deferred.
 */
export async function loadGroup(
  scope: TenantScope,
  messages: Array<Message<DeliveryMessage>>,
  rate: number,
  settings: WebhookSettings,
): Promise<Map<Message<DeliveryMessage>, Loaded>> {
  const rows = await scope.tx
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints, payload: events.payload })
    .from(webhookDeliveries)
    .innerJoin(
      webhookEndpoints,
      and(
        eq(webhookEndpoints.id, webhookDeliveries.endpointId),
        eq(webhookEndpoints.tenantId, scope.tenantId),
      ),
    )
    .innerJoin(
      events,
      and(eq(events.id, webhookDeliveries.eventId), eq(events.tenantId, scope.tenantId)),
    )
    .where(
      scope.where(
        webhookDeliveries,
        inArray(
          webhookDeliveries.id,
          messages.map((m) => m.body.d),
        ),
      ),
    );
  const byId = new Map(rows.map((row) => [row.delivery.id, row]));
  const loaded = new Map<Message<DeliveryMessage>, Loaded>();
  const buckets = new Map<string, Array<Message<DeliveryMessage>>>();
  for (const message of messages) {
    const row = byId.get(message.body.d);
    // Gone (endpoint deleted) or already delivered (a duplicate message): nothing to do.
    if (!row || row.delivery.status === "delivered") {
      loaded.set(message, { kind: "done" });
      continue;
    }
    const { delivery, endpoint } = row;
    if (endpoint.status !== "active") {
      const held = endpoint.status === "suspended";
      await scope.tx
        .update(webhookDeliveries)
        .set(
          held
            ? { status: "held", updatedAt: sql`now()` }
            : {
                status: "failed",
                failedAt: sql`now()`,
                updatedAt: sql`now()`,
                lastError: delivery.lastError ?? "endpoint is disabled",
              },
        )
        .where(scope.where(webhookDeliveries, eq(webhookDeliveries.id, delivery.id)));
      loaded.set(message, { kind: "done" });
      continue;
    }
    const key = `${endpoint.id} ${message.body.r ? "redelivery" : "fresh"}`;
    buckets.set(key, [...(buckets.get(key) ?? []), message]);
  }
  for (const [key, waiting] of buckets) {
    const first = byId.get(waiting[0]?.body.d ?? "");
    if (!first) continue;
    const { endpoint } = first;
    const { granted, waitSeconds } = await takeDeliveryTokens(
      scope,
      endpoint.id,
      endpoint.ratePerSecond ?? rate,
      key.endsWith("redelivery") ? "redelivery" : "fresh",
      waiting.length,
    );
    const secrets = granted > 0 ? await decryptSecrets(settings, endpoint) : [];
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
        eventId: row.delivery.eventId,
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
