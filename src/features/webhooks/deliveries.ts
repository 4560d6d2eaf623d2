import { and, eq, gte, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { Env } from "../../env";
import { auditInScope } from "../../platform/audit";
import { assertRole } from "../../platform/auth/roles";
import type { ServiceContext } from "../../platform/context";
import type { TenantScope } from "../../platform/db";
import {
  events,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
} from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { isId } from "../../platform/ids";
import { cursorClause, type ListQuery, toPage } from "../../platform/pagination";
import { tenantWebhookRate } from "../../platform/webhooks/rate";
import { requeueDeliveries } from "../../platform/webhooks/redelivery";
import { lockEndpoint, notFound } from "./endpoint-rows";
import type { DeliveryListQuery, DeliveryListStatus } from "./schemas";

type AttemptRow = typeof webhookAttempts.$inferSelect;

function attemptView(row: AttemptRow) {
  return {
    id: row.id,
    delivery_id: row.deliveryId,
    event_id: row.eventId,
    attempt_number: row.attemptNumber,
    status_code: row.statusCode,
    latency_ms: row.latencyMs,
    error_class: row.errorClass,
    response_snippet: row.responseSnippet,
    created_at: row.createdAt.toISOString(),
  };
}

/** 404 unless the endpoint is the tenant's (a listing of another tenant's endpoint is not found). */
async function requireEndpoint(scope: TenantScope, id: string): Promise<void> {
  const [endpoint] = await scope.tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(scope.where(webhookEndpoints, eq(webhookEndpoints.id, id)));
  if (!endpoint) throw notFound();
}

/** The endpoint's delivery attempts, newest first. */
export async function listWebhookAttempts({
  ctx,
  id,
  query,
}: {
  ctx: ServiceContext;
  id: string;
  query: ListQuery;
}) {
  assertRole(ctx.role, "admin");
  if (!isId("whep", id)) throw notFound();
  return ctx.database.tenant(async (scope) => {
    await requireEndpoint(scope, id);
    const page = cursorClause(webhookAttempts.id, query);
    const rows = await scope.tx
      .select()
      .from(webhookAttempts)
      .where(scope.where(webhookAttempts, eq(webhookAttempts.endpointId, id), page.after))
      .orderBy(page.orderBy)
      .limit(page.limit);
    const { data, ...rest } = toPage(rows, query.limit);
    return { data: data.map(attemptView), ...rest };
  });
}

/** The rows of one listed status: `waiting` and `pending` split the stored pending by waiting_for. */
function deliveryStatusClause(status: DeliveryListStatus | undefined): SQL | undefined {
  const d = webhookDeliveries;
  switch (status) {
    case undefined:
      return undefined;
    case "waiting":
      return and(eq(d.status, "pending"), isNotNull(d.waitingFor));
    case "pending":
      return and(eq(d.status, "pending"), isNull(d.waitingFor));
    default:
      return eq(d.status, status);
  }
}

type DeliveryRow = typeof webhookDeliveries.$inferSelect;

function deliveryView(row: DeliveryRow, eventType: string) {
  const waiting = row.status === "pending" && row.waitingFor !== null;
  return {
    id: row.id,
    event_id: row.eventId,
    event_type: eventType,
    status: waiting ? ("waiting" as const) : row.status,
    attempts: row.attempts,
    last_error: row.lastError,
    resource: row.resourceKey,
    waiting_for: row.waitingFor,
    created_at: row.createdAt.toISOString(),
    delivered_at: row.deliveredAt?.toISOString() ?? null,
    failed_at: row.failedAt?.toISOString() ?? null,
  };
}

/**
 * The endpoint's deliveries, newest first, including those never attempted (held, or waiting for
 * an earlier delivery of their resource), which the attempts listing cannot show.
 */
export async function listWebhookDeliveries({
  ctx,
  id,
  query,
}: {
  ctx: ServiceContext;
  id: string;
  query: DeliveryListQuery;
}) {
  assertRole(ctx.role, "admin");
  if (!isId("whep", id)) throw notFound();
  return ctx.database.tenant(async (scope) => {
    await requireEndpoint(scope, id);
    const page = cursorClause(webhookDeliveries.id, query);
    const rows = await scope.tx
      .select({ delivery: webhookDeliveries, eventType: events.type })
      .from(webhookDeliveries)
      .innerJoin(events, scope.where(events, eq(events.id, webhookDeliveries.eventId)))
      .where(
        scope.where(
          webhookDeliveries,
          eq(webhookDeliveries.endpointId, id),
          deliveryStatusClause(query.status),
          page.after,
        ),
      )
      .orderBy(page.orderBy)
      .limit(page.limit);
    const { data, ...rest } = toPage(
      rows.map((r) => ({ ...r, id: r.delivery.id })),
      query.limit,
    );
    return { data: data.map((r) => deliveryView(r.delivery, r.eventType)), ...rest };
  });
}

/**
 * Re-delivers what failed since `since` and releases what is held; a suspended endpoint is
 * re-activated. A disabled endpoint must be enabled first (409). Re-deliveries are throttled.
 */
export async function recoverWebhookEndpoint({
  ctx,
  env,
  id,
  input,
}: {
  ctx: ServiceContext;
  env: Env;
  id: string;
  input: { since: string };
}) {
  assertRole(ctx.role, "admin");
  if (!isId("whep", id)) throw notFound();
  const tenantRate = await tenantWebhookRate(ctx.database);
  return ctx.database.tenant(async (scope) => {
    const endpoint = await lockEndpoint(scope, id);
    if (endpoint.status === "disabled") {
      throw new AppError("conflict", "The endpoint is disabled: enable it before recovering.");
    }
    if (endpoint.status === "suspended") {
      await scope.tx
        .update(webhookEndpoints)
        .set({
          status: "active",
          statusReason: null,
          consecutiveFailures: 0,
          updatedAt: sql`now()`,
        })
        .where(scope.where(webhookEndpoints, eq(webhookEndpoints.id, id)));
    }
    const since = new Date(input.since);
    const result = await requeueDeliveries(scope, env, {
      endpointId: id,
      condition: sql`(${and(eq(webhookDeliveries.status, "failed"), gte(webhookDeliveries.failedAt, since))} or ${eq(webhookDeliveries.status, "held")})`,
      tenantRate,
    });
    await auditInScope(scope, ctx, {
      action: "webhook_endpoint.recovered",
      targetType: "webhook_endpoint",
      targetId: id,
      after: { since: since.toISOString(), ...result },
    });
    return result;
  });
}
