import { and, eq, ne, sql } from "drizzle-orm";
import type { Env } from "../../env";
import { writeAudit } from "../audit";
import { openSecret } from "../crypto/secret-box";
import { type DatabaseHandle, openRequestDatabase, type TenantScope, withTenant } from "../db";
import { events, webhookAttempts, webhookDeliveries, webhookEndpoints } from "../db/schema";
import { newId } from "../ids";
import { recordWebhookAttempt, recordWebhookDeadLetter } from "../observability/analytics";
import { describeError, log } from "../observability/logger";
import { recordEvent } from "../outbox";
import { type AttemptOutcome, attemptDelivery } from "./attempt";
import {
  type DeliveryMessage,
  MAX_ATTEMPTS,
  MAX_DELAY_SECONDS,
  RETRY_SCHEDULE_SECONDS,
  SUSPEND_AFTER_FAILURES,
  type WebhookSettings,
  webhookSettings,
} from "./config";
import { takeDeliveryToken, tenantWebhookRate } from "./rate";
import { relayTenant } from "./relay";

const SYSTEM_ACTOR = { type: "system" as const, id: "webhooks" };

/** The scheduled delay after failed attempt `n` (1-based), with ±20 % jitter. */
export function retryDelaySeconds(attempt: number, random = Math.random()): number {
  const base = RETRY_SCHEDULE_SECONDS[Math.min(attempt, RETRY_SCHEDULE_SECONDS.length) - 1] ?? 5;
  return Math.min(MAX_DELAY_SECONDS, Math.max(1, Math.round(base * (0.8 + 0.4 * random))));
}

type Loaded =
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

/** Loads the delivery, settles it at once when its endpoint is disabled or suspended, takes a token. */
async function load(
  scope: TenantScope,
  body: DeliveryMessage,
  rate: number,
  settings: WebhookSettings,
): Promise<Loaded> {
  const [row] = await scope.tx
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
    .where(scope.where(webhookDeliveries, eq(webhookDeliveries.id, body.d)));
  // Gone (endpoint deleted) or already delivered (a duplicate message): nothing to do.
  if (!row || row.delivery.status === "delivered") return { kind: "done" };
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
    return { kind: "done" };
  }
  const wait = await takeDeliveryToken(
    scope,
    endpoint.id,
    endpoint.ratePerSecond ?? rate,
    body.r ? "redelivery" : "fresh",
  );
  if (wait > 0) return { kind: "defer", waitSeconds: wait };
  const payload = row.payload as { type: string; timestamp: string; data: unknown };
  return {
    kind: "send",
    endpointId: endpoint.id,
    url: endpoint.url,
    secrets: await decryptSecrets(settings, endpoint),
    eventId: delivery.eventId,
    body: JSON.stringify({ type: payload.type, timestamp: payload.timestamp, data: payload.data }),
  };
}

/** What the queue should do with the message once the attempt is recorded. */
type Verdict =
  | { kind: "ack"; suspended?: boolean }
  | { kind: "retry"; delaySeconds: number }
  | { kind: "exhausted" };

/** Records the attempt, updates delivery and endpoint (breaker, 410) in one transaction. */
async function record(
  scope: TenantScope,
  deliveryId: string,
  endpointId: string,
  eventId: string,
  outcome: AttemptOutcome,
): Promise<Verdict> {
  const now = sql`now()`;
  const [delivery] = await scope.tx
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      updatedAt: now,
      ...(outcome.kind === "delivered"
        ? { status: "delivered" as const, deliveredAt: now, lastError: null }
        : { lastError: outcome.error }),
      ...(outcome.kind === "gone" ? { status: "failed" as const, failedAt: now } : {}),
    })
    .where(scope.where(webhookDeliveries, eq(webhookDeliveries.id, deliveryId)))
    .returning({ attempts: webhookDeliveries.attempts });
  if (!delivery) return { kind: "ack" };
  await scope.tx.insert(webhookAttempts).values({
    id: newId("att"),
    tenantId: scope.tenantId,
    deliveryId,
    endpointId,
    eventId,
    attemptNumber: delivery.attempts,
    statusCode: outcome.statusCode,
    latencyMs: outcome.latencyMs,
    errorClass: outcome.errorClass,
    responseSnippet: outcome.snippet,
  });
  const endpointWhere = (...c: Parameters<TenantScope["where"]>[1][]) =>
    scope.where(webhookEndpoints, eq(webhookEndpoints.id, endpointId), ...c);

  if (outcome.kind === "delivered") {
    await scope.tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: 0 })
      .where(endpointWhere(ne(webhookEndpoints.consecutiveFailures, 0)));
    return { kind: "ack" };
  }
  if (outcome.kind === "gone") {
    const [disabled] = await scope.tx
      .update(webhookEndpoints)
      .set({
        status: "disabled",
        enabled: false,
        statusReason: "the endpoint answered 410 Gone",
        updatedAt: now,
      })
      .where(endpointWhere(ne(webhookEndpoints.status, "disabled")))
      .returning({ id: webhookEndpoints.id });
    if (disabled) {
      await writeAudit(scope.tx, scope.tenantId, SYSTEM_ACTOR, null, {
        action: "webhook_endpoint.disabled",
        targetType: "webhook_endpoint",
        targetId: endpointId,
        after: { status: "disabled", status_reason: "the endpoint answered 410 Gone" },
      });
    }
    return { kind: "ack" };
  }
  const [endpoint] = await scope.tx
    .update(webhookEndpoints)
    .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
    .where(endpointWhere())
    .returning({
      failures: webhookEndpoints.consecutiveFailures,
      status: webhookEndpoints.status,
      url: webhookEndpoints.url,
    });
  if (endpoint && endpoint.status === "active" && endpoint.failures >= SUSPEND_AFTER_FAILURES) {
    const reason = `${endpoint.failures} consecutive failed attempts`;
    await scope.tx
      .update(webhookEndpoints)
      .set({ status: "suspended", statusReason: reason, updatedAt: now })
      .where(endpointWhere());
    await writeAudit(scope.tx, scope.tenantId, SYSTEM_ACTOR, null, {
      action: "webhook_endpoint.suspended",
      targetType: "webhook_endpoint",
      targetId: endpointId,
      after: { status: "suspended", status_reason: reason },
    });
    await recordEvent(scope, "webhook.endpoint.suspended", {
      endpoint_id: endpointId,
      url: endpoint.url,
      reason,
    });
  }
  if (endpoint && endpoint.status !== "disabled" && endpoint.failures >= SUSPEND_AFTER_FAILURES) {
    // Held, not spent: the delivery waits for the endpoint's recovery with its attempts intact.
    await scope.tx
      .update(webhookDeliveries)
      .set({ status: "held" })
      .where(scope.where(webhookDeliveries, eq(webhookDeliveries.id, deliveryId)));
    return { kind: "ack", suspended: endpoint.status === "active" };
  }
  if (delivery.attempts >= MAX_ATTEMPTS) return { kind: "exhausted" };
  return {
    kind: "retry",
    delaySeconds: outcome.retryAfterSeconds ?? retryDelaySeconds(delivery.attempts),
  };
}

async function processMessage(
  message: Message<DeliveryMessage>,
  env: Env,
  handle: DatabaseHandle,
  settings: WebhookSettings,
  ctx: ExecutionContext,
): Promise<void> {
  const body = message.body;
  const rate = await tenantWebhookRate(handle, body.t);
  const loaded = await withTenant(handle, body.t, (scope) => load(scope, body, rate, settings));
  if (loaded.kind === "done") return message.ack();
  if (loaded.kind === "defer") {
    // Over the endpoint's rate: a fresh copy later, so waiting never spends the message's retries.
    await env.WEBHOOKS.send(body, { delaySeconds: Math.ceil(loaded.waitSeconds) });
    return message.ack();
  }
  const outcome = await attemptDelivery({ ...loaded, settings });
  recordWebhookAttempt(env, {
    tenantId: body.t,
    endpointId: loaded.endpointId,
    outcome: outcome.kind,
    errorClass: outcome.errorClass,
    statusCode: outcome.statusCode,
    latencyMs: outcome.latencyMs,
    attempt: message.attempts,
  });
  const verdict = await withTenant(handle, body.t, (scope) =>
    record(scope, body.d, loaded.endpointId, loaded.eventId, outcome),
  );
  if (verdict.kind === "retry") return message.retry({ delaySeconds: verdict.delaySeconds });
  if (verdict.kind === "exhausted") {
    await env.WEBHOOKS_DLQ.send(body);
    return message.ack();
  }
  if (verdict.suspended) {
    ctx.waitUntil(relayTenant(env, body.t).catch(() => {}));
  }
  message.ack();
}

/**
 * Consumer of the webhooks queue: each message is one delivery, attempted and recorded
 * independently (one failing message never fails its batch). An unexpected error (database down)
 * retries the message; the queue's own retry limit then moves it to the dead-letter queue.
 */
export async function consumeWebhooks(
  batch: MessageBatch<DeliveryMessage>,
  env: Env,
  ctx: ExecutionContext,
): Promise<void> {
  const settings = webhookSettings(env);
  const handle = openRequestDatabase(env);
  try {
    await Promise.all(
      batch.messages.map((message) =>
        processMessage(message, env, handle, settings, ctx).catch((error) => {
          log("error", "webhook delivery crashed; retrying", {
            delivery_id: message.body?.d,
            ...describeError(error),
          });
          message.retry({ delaySeconds: 30 });
        }),
      ),
    );
  } finally {
    await handle.close().catch(() => {});
  }
}

/**
 * Consumer of the dead-letter queue: the delivery is recorded as `failed`, keeping its last
 * error, where the tenant can see it and `recover`/`resend` can bring it back.
 */
export async function consumeWebhookDeadLetters(
  batch: MessageBatch<DeliveryMessage>,
  env: Env,
): Promise<void> {
  const handle = openRequestDatabase(env);
  try {
    for (const message of batch.messages) {
      const body = message.body;
      recordWebhookDeadLetter(env, {
        tenantId: body.t,
        deliveryId: body.d,
        reason: "dead_lettered",
      });
      await withTenant(handle, body.t, (scope) =>
        scope.tx
          .update(webhookDeliveries)
          .set({
            status: "failed",
            failedAt: sql`now()`,
            updatedAt: sql`now()`,
            lastError: sql`coalesce(${webhookDeliveries.lastError}, 'delivery could not be attempted')`,
          })
          .where(
            scope.where(
              webhookDeliveries,
              eq(webhookDeliveries.id, body.d),
              ne(webhookDeliveries.status, "delivered"),
              ne(webhookDeliveries.status, "held"),
            ),
          ),
      );
      message.ack();
    }
  } finally {
    await handle.close().catch(() => {});
  }
}
