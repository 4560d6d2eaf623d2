import { and, eq, inArray, ne, sql } from "drizzle-orm";
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
import { enqueueDeliveries } from "./enqueue";
import { takeDeliveryTokens, tenantWebhookRate } from "./rate";
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

/**
 * Loads a tenant's deliveries of one batch in one transaction: deliveries whose endpoint is
 * disabled or suspended are settled at once (failed or held), the rest take tokens from their
 * endpoint's bucket, one bucket update per endpoint; those over the rate are deferred.
 */
async function loadGroup(
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

/** What the queue should do with the message once the attempt is recorded. */
type Verdict =
  | { kind: "ack"; suspended?: boolean }
  | { kind: "retry"; delaySeconds: number }
  | { kind: "exhausted" };

/** Records successful attempts of a group: deliveries, attempt rows, endpoints' failure counts. */
async function recordDelivered(
  scope: TenantScope,
  items: Array<{
    message: Message<DeliveryMessage>;
    plan: { endpointId: string; eventId: string };
    outcome: AttemptOutcome;
  }>,
): Promise<void> {
  if (items.length === 0) return;
  const updated = await scope.tx
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      status: "delivered",
      deliveredAt: sql`now()`,
      updatedAt: sql`now()`,
      lastError: null,
    })
    .where(
      scope.where(
        webhookDeliveries,
        inArray(
          webhookDeliveries.id,
          items.map((item) => item.message.body.d),
        ),
      ),
    )
    .returning({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts });
  const attemptsById = new Map(updated.map((row) => [row.id, row.attempts]));
  const seen = new Set<string>();
  const rows = items.flatMap(({ message, plan, outcome }) => {
    const attempt = attemptsById.get(message.body.d);
    // A duplicate message of the same delivery in one batch is recorded once.
    if (attempt === undefined || seen.has(message.body.d)) return [];
    seen.add(message.body.d);
    return [
      {
        id: newId("att"),
        tenantId: scope.tenantId,
        deliveryId: message.body.d,
        endpointId: plan.endpointId,
        eventId: plan.eventId,
        attemptNumber: attempt,
        statusCode: outcome.statusCode,
        latencyMs: outcome.latencyMs,
        errorClass: null,
        responseSnippet: outcome.snippet,
      },
    ];
  });
  if (rows.length > 0) await scope.tx.insert(webhookAttempts).values(rows);
  await scope.tx
    .update(webhookEndpoints)
    .set({ consecutiveFailures: 0 })
    .where(
      scope.where(
        webhookEndpoints,
        inArray(webhookEndpoints.id, [...new Set(items.map((item) => item.plan.endpointId))]),
        ne(webhookEndpoints.consecutiveFailures, 0),
      ),
    );
}

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

/**
 * Processes one tenant's messages of a batch: one transaction to load them and take rate tokens,
 * the HTTP attempts in parallel, one transaction to record every outcome (no lock contention on
 * the endpoint row between messages of the same batch).
 */
async function processGroup(
  tenantId: string,
  messages: Array<Message<DeliveryMessage>>,
  env: Env,
  handle: DatabaseHandle,
  settings: WebhookSettings,
  ctx: ExecutionContext,
): Promise<void> {
  const rate = await tenantWebhookRate(handle, tenantId);
  const loaded = await withTenant(handle, tenantId, (scope) =>
    loadGroup(scope, messages, rate, settings),
  );
  const deferred: Array<{ body: DeliveryMessage; delaySeconds: number }> = [];
  const sends: Array<{
    message: Message<DeliveryMessage>;
    plan: Extract<Loaded, { kind: "send" }>;
  }> = [];
  for (const message of messages) {
    const plan = loaded.get(message) ?? { kind: "done" };
    if (plan.kind === "send") sends.push({ message, plan });
    else if (plan.kind === "defer") {
      deferred.push({ body: message.body, delaySeconds: Math.ceil(plan.waitSeconds) });
    }
  }
  // Over the endpoint's rate: a fresh copy later, so waiting never spends the message's retries.
  if (deferred.length > 0) await enqueueDeliveries(env, deferred);
  for (const message of messages) {
    if (loaded.get(message)?.kind !== "send") message.ack();
  }
  if (sends.length === 0) return;
  const outcomes = await Promise.all(
    sends.map(({ plan }) => attemptDelivery({ ...plan, settings })),
  );
  for (const [i, { message, plan }] of sends.entries()) {
    const outcome = outcomes[i] as AttemptOutcome;
    recordWebhookAttempt(env, {
      tenantId,
      endpointId: plan.endpointId,
      outcome: outcome.kind,
      errorClass: outcome.errorClass,
      statusCode: outcome.statusCode,
      latencyMs: outcome.latencyMs,
      attempt: message.attempts,
    });
  }
  const verdicts = await withTenant(handle, tenantId, async (scope) => {
    const out: Verdict[] = new Array(sends.length);
    // Successes (the common case) are recorded together: three statements for the whole group.
    const delivered = sends.flatMap((send, i) =>
      outcomes[i]?.kind === "delivered" ? [{ ...send, outcome: outcomes[i], i }] : [],
    );
    await recordDelivered(scope, delivered);
    for (const { i } of delivered) out[i] = { kind: "ack" };
    for (const [i, { message, plan }] of sends.entries()) {
      if (out[i]) continue;
      out[i] = await record(
        scope,
        message.body.d,
        plan.endpointId,
        plan.eventId,
        outcomes[i] as AttemptOutcome,
      );
    }
    return out;
  });
  let suspended = false;
  for (const [i, { message }] of sends.entries()) {
    const verdict = verdicts[i] as Verdict;
    if (verdict.kind === "retry") message.retry({ delaySeconds: verdict.delaySeconds });
    else if (verdict.kind === "exhausted") {
      await env.WEBHOOKS_DLQ.send(message.body);
      message.ack();
    } else {
      suspended ||= verdict.suspended === true;
      message.ack();
    }
  }
  // The suspension's operational event is in the outbox: relay it now rather than at the sweep.
  if (suspended) ctx.waitUntil(relayTenant(env, tenantId).catch(() => {}));
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
    const groups = new Map<string, Array<Message<DeliveryMessage>>>();
    for (const message of batch.messages) {
      groups.set(message.body.t, [...(groups.get(message.body.t) ?? []), message]);
    }
    await Promise.all(
      [...groups].map(([tenantId, messages]) =>
        processGroup(tenantId, messages, env, handle, settings, ctx).catch((error) => {
          log("error", "webhook delivery crashed; retrying", {
            tenant_id: tenantId,
            ...describeError(error),
          });
          // Messages already acked or retried keep that outcome (the platform ignores a second call).
          for (const message of messages) message.retry({ delaySeconds: 30 });
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
