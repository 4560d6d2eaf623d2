import { eq, inArray, ne, sql } from "drizzle-orm";
import { writeAudit } from "../audit";
import { anyOf, type TenantScope, unnestRows } from "../db";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../db/schema";
import { newId } from "../ids";
import { recordEvent } from "../outbox";
import type { AttemptOutcome } from "./attempt";
import {
  MAX_ATTEMPTS,
  MAX_DELAY_SECONDS,
  RETRY_SCHEDULE_SECONDS,
  SUSPEND_AFTER_FAILURES,
} from "./config";
import type { DeliveryMessage } from "./messages";

const SYSTEM_ACTOR = { type: "system" as const, id: "webhooks" };

/** The scheduled delay after failed attempt `n` (1-based), with ±20 % jitter. */
export function retryDelaySeconds(attempt: number, random = Math.random()): number {
  const base = RETRY_SCHEDULE_SECONDS[Math.min(attempt, RETRY_SCHEDULE_SECONDS.length) - 1] ?? 5;
  return Math.min(MAX_DELAY_SECONDS, Math.max(1, Math.round(base * (0.8 + 0.4 * random))));
}

/** What the queue should do with the message once the attempt is recorded. */
export type Verdict =
  | { kind: "ack"; suspended?: boolean }
  | { kind: "retry"; delaySeconds: number }
  | { kind: "exhausted" };

/**
 * Inserts a group's attempt rows in one statement with one array parameter per column (unnest),
 * not one parameter per value: a batch of 100 would otherwise be 1,000 parameters to build.
 */
async function insertAttempts(
  scope: TenantScope,
  rows: Array<Omit<typeof webhookAttempts.$inferInsert, "tenantId" | "createdAt">>,
): Promise<void> {
  const columns = unnestRows(rows, [
    ["id", "text[]"],
    ["deliveryId", "text[]"],
    ["endpointId", "text[]"],
    ["eventId", "text[]"],
    ["attemptNumber", "int[]"],
    ["statusCode", "int[]"],
    ["latencyMs", "int[]"],
    ["errorClass", "text[]"],
    ["responseSnippet", "text[]"],
  ]);
  await scope.tx.execute(sql`
    insert into ${webhookAttempts} (id, tenant_id, delivery_id, endpoint_id, event_id,
      attempt_number, status_code, latency_ms, error_class, response_snippet)
    select id, ${scope.tenantId}, delivery_id, endpoint_id, event_id, attempt_number, status_code,
      latency_ms, error_class, response_snippet
    from ${columns} as attempt(id, delivery_id, endpoint_id, event_id, attempt_number,
      status_code, latency_ms, error_class, response_snippet)`);
}

/** Records successful attempts of a group: deliveries, attempt rows, endpoints' failure counts. */
export async function recordDelivered(
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
      waitingFor: null,
    })
    .where(
      scope.where(
        webhookDeliveries,
        anyOf(
          webhookDeliveries.id,
          items.map((item) => item.message.body.delivery_id),
        ),
      ),
    )
    .returning({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts });
  const attemptsById = new Map(updated.map((row) => [row.id, row.attempts]));
  const seen = new Set<string>();
  const rows = items.flatMap(({ message, plan, outcome }) => {
    const attempt = attemptsById.get(message.body.delivery_id);
    // A duplicate message of the same delivery in one batch is recorded once.
    if (attempt === undefined || seen.has(message.body.delivery_id)) return [];
    seen.add(message.body.delivery_id);
    return [
      {
        id: newId("att"),
        deliveryId: message.body.delivery_id,
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
  if (rows.length > 0) await insertAttempts(scope, rows);
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
export async function record(
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
      waitingFor: null,
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
