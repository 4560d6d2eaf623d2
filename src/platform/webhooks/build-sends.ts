import { openSecret } from "../crypto/secret-box";
import type { WebhookSettings } from "./config";
import type { Endpoint, Plans } from "./load";
import type { ReceiverHeaders } from "./receiver-headers";
import type { Granted } from "./tokens";

/** What the build-sends stage reads. */
export interface BuildSendsInput {
  granted: readonly Granted[];
  settings: WebhookSettings;
  /** The batch's reader of receiver headers: each endpoint's decrypted once per batch. */
  receiverHeadersOf: (endpoint: Endpoint) => Promise<ReceiverHeaders>;
  /** The batch's clock (ms since the epoch), for the previous secret's expiry. */
  now: () => number;
}

/**
 * The last stage of the load: each message that got a token becomes its POST: the endpoint's
 * signing secrets (the previous one too during a rotation) and receiver headers, decrypted once
 * per bucket, and the body `{"type", "timestamp", "data"}` from the event's payload.
 */
export async function buildSends(input: BuildSendsInput): Promise<Plans> {
  const plans: Plans = new Map();
  for (const { endpoint, candidates } of input.granted) {
    const secrets = await decryptSecrets(input.settings, endpoint, input.now());
    const headers = await input.receiverHeadersOf(endpoint);
    for (const { message, row } of candidates) {
      const payload = row.payload as { type: string; timestamp: string; data: unknown };
      plans.set(message, {
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
    }
  }
  return plans;
}

/** The secrets that sign: the current one, and the previous one until its overlap ends. */
async function decryptSecrets(
  settings: WebhookSettings,
  endpoint: Endpoint,
  now: number,
): Promise<string[]> {
  const current = await openSecret(settings.secretKey, endpoint.secretCiphertext, endpoint.id);
  const previousValid =
    endpoint.previousSecretCiphertext &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt.getTime() > now;
  if (!previousValid) return [current];
  const previous = await openSecret(
    settings.secretKey,
    endpoint.previousSecretCiphertext as string,
    endpoint.id,
  );
  return [current, previous];
}
