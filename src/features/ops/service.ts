import { and, count, desc, eq, inArray, ne } from "drizzle-orm";
import type { Env } from "../../env";
import type { OperatorContext, ServiceContext, TenantSnapshot } from "../../platform/context";
import { type DatabaseHandle, transactionPerCall, withSystem, withTenant } from "../../platform/db";
import { tenants, webhookDeliveries, webhookEndpoints } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { describeError, log } from "../../platform/observability/logger";
import { MINUTE_MS, type TrafficTotals } from "../../platform/observability/traffic";
import { trafficIndex } from "../../platform/observability/traffic-index";
import type { RateLimiter } from "../../platform/rate-limit/durable-object";
import { tenantPolicy } from "../../platform/rate-limit/policies";
import { recoverWebhookEndpoint } from "../webhooks/service";
import { tenantTrafficFromSql } from "./analytics-sql";
import { OPS_WINDOWS, type OpsWindow } from "./schemas";

/** What ops verbs receive (operator routes: no tenant principal). */
/** Ops verbs take the operator's context (platform/context.ts). */
type OpsContext = Pick<OperatorContext, "database" | "env" | "requestId" | "actor">;

/** Most tenants one listing covers (each active one costs a Durable Object call on the live path). */
export const OPS_TENANT_LIMIT = 500;
/** Windows up to this many minutes are always served live from the tenants' own objects. */
const LIVE_MAX_MINUTES = 60;

type TenantRow = Pick<
  typeof tenants.$inferSelect,
  | "id"
  | "name"
  | "status"
  | "plan"
  | "rateLimitPerHour"
  | "maxFileBytes"
  | "webhookRatePerSecond"
  | "reservationHoldMinutes"
  | "statusReason"
  | "webhooksPausedAt"
  | "webhooksPausedReason"
>;
type Backlog = { pending: number; held: number; failed: number };
type Source = "durable_object" | "analytics_engine" | "unavailable";

const tenantColumns = {
  id: tenants.id,
  name: tenants.name,
  status: tenants.status,
  plan: tenants.plan,
  rateLimitPerHour: tenants.rateLimitPerHour,
  maxFileBytes: tenants.maxFileBytes,
  webhookRatePerSecond: tenants.webhookRatePerSecond,
  reservationHoldMinutes: tenants.reservationHoldMinutes,
  statusReason: tenants.statusReason,
  webhooksPausedAt: tenants.webhooksPausedAt,
  webhooksPausedReason: tenants.webhooksPausedReason,
};

const limiter = (env: Env, tenantId: string) =>
  env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(tenantId)) as DurableObjectStub<RateLimiter>;

/** Live totals from the tenant's RateLimiter object; null if it cannot be reached. */
async function liveTraffic(env: Env, tenantId: string, minutes: number) {
  try {
    return await limiter(env, tenantId).traffic(minutes);
  } catch (error) {
    log("warn", "traffic counter unavailable", { tenant_id: tenantId, ...describeError(error) });
    return null;
  }
}

/** Deliveries waiting, held or failed, per tenant (one grouped query over the status index). */
async function backlogs(database: DatabaseHandle, tenantIds: string[]) {
  const result = new Map<string, Backlog>();
  if (tenantIds.length === 0) return result;
  const rows = await withSystem(database, (tx) =>
    tx
      .select({
        tenantId: webhookDeliveries.tenantId,
        status: webhookDeliveries.status,
        n: count(),
      })
      .from(webhookDeliveries)
      .where(
        and(
          inArray(webhookDeliveries.tenantId, tenantIds),
          inArray(webhookDeliveries.status, ["pending", "held", "failed"]),
        ),
      )
      .groupBy(webhookDeliveries.tenantId, webhookDeliveries.status),
  );
  for (const row of rows) {
    const entry = result.get(row.tenantId) ?? { pending: 0, held: 0, failed: 0 };
    entry[row.status as keyof Backlog] = Number(row.n);
    result.set(row.tenantId, entry);
  }
  return result;
}

/** The operator's notes on a tenant: why it is suspended, whether its webhooks are paused. */
const operatorNotes = (tenant: TenantRow) => ({
  status_reason: tenant.statusReason,
  webhooks_paused: tenant.webhooksPausedAt
    ? { since: tenant.webhooksPausedAt.toISOString(), reason: tenant.webhooksPausedReason ?? "" }
    : null,
});

function figures(
  tenant: TenantRow,
  window: OpsWindow,
  source: Source,
  traffic: Omit<TrafficTotals, "window_minutes"> | null,
  backlog: Backlog | undefined,
) {
  const minutes = OPS_WINDOWS[window];
  const t = traffic ?? { requests: 0, server_errors: 0, client_errors: 0, rate_limited: 0 };
  const b = backlog ?? { pending: 0, held: 0, failed: 0 };
  return {
    tenant: {
      id: tenant.id,
      name: tenant.name,
      status: tenant.status,
      plan: tenant.plan,
      ...operatorNotes(tenant),
    },
    window,
    source: traffic ? source : ("unavailable" as const),
    requests: t.requests,
    requests_per_minute: Math.round((t.requests / minutes) * 100) / 100,
    server_errors: t.server_errors,
    client_errors: t.client_errors,
    error_rate: t.requests > 0 ? Math.round((t.server_errors / t.requests) * 10_000) / 10_000 : 0,
    rate_limited: t.rate_limited,
    webhooks: { ...b, backlog: b.pending + b.held },
  };
}

export type TenantFigures = ReturnType<typeof figures>;

/** Worst first: error rate, then webhook backlog, failed deliveries, 429s, then traffic. */
export function worstFirst(a: TenantFigures, b: TenantFigures): number {
  return (
    b.error_rate - a.error_rate ||
    b.webhooks.backlog - a.webhooks.backlog ||
    b.webhooks.failed - a.webhooks.failed ||
    b.rate_limited - a.rate_limited ||
    b.requests - a.requests ||
    a.tenant.id.localeCompare(b.tenant.id)
  );
}

/** Traffic of the given tenants: from Analytics Engine for long windows when configured, else live. */
async function trafficOf(ctx: OpsContext, rows: TenantRow[], window: OpsWindow, one?: string) {
  const minutes = OPS_WINDOWS[window];
  if (minutes > LIVE_MAX_MINUTES) {
    const fromSql = await tenantTrafficFromSql(ctx.env, minutes, one);
    if (fromSql) {
      const zero = { requests: 0, serverErrors: 0, clientErrors: 0, rateLimited: 0 };
      return {
        source: "analytics_engine" as const,
        of: (id: string) => {
          const t = fromSql.get(id) ?? zero;
          return {
            requests: t.requests,
            server_errors: t.serverErrors,
            client_errors: t.clientErrors,
            rate_limited: t.rateLimited,
          };
        },
      };
    }
  }
  // Live: the tenant objects keep 24 h of minute buckets, so every window works without the API.
  // A listing asks only the tenants the index saw in the window; the others had no traffic.
  const active = one ? null : await activeTenants(ctx.env, minutes);
  const asked = active ? rows.filter((r) => active.has(r.id)) : rows;
  const live = await Promise.all(asked.map((r) => liveTraffic(ctx.env, r.id, minutes)));
  const byId = new Map(asked.map((r, i) => [r.id, live[i] ?? null]));
  const quiet = { requests: 0, server_errors: 0, client_errors: 0, rate_limited: 0 };
  return {
    source: "durable_object" as const,
    of: (id: string) => (active && !active.has(id) ? quiet : (byId.get(id) ?? null)),
  };
}

/** Tenants with traffic in the last `minutes`, from the index; null (ask every tenant) if down. */
async function activeTenants(env: Env, minutes: number): Promise<Set<string> | null> {
  try {
    const nowMinute = Math.floor(Date.now() / MINUTE_MS);
    return new Set(await trafficIndex(env).activeSince(minutes, nowMinute));
  } catch (error) {
    log("warn", "traffic index unavailable; asking every tenant", describeError(error));
    return null;
  }
}

/** Every live tenant's figures over the window, worst first. */
export async function listTenantFigures({
  ctx,
  query,
}: {
  ctx: OpsContext;
  query: { window: OpsWindow };
}) {
  const rows = await withSystem(ctx.database, (tx) =>
    tx
      .select(tenantColumns)
      .from(tenants)
      .where(ne(tenants.status, "deleted"))
      .orderBy(desc(tenants.id))
      .limit(OPS_TENANT_LIMIT + 1),
  );
  const listed = rows.slice(0, OPS_TENANT_LIMIT);
  const ids = listed.map((r) => r.id);
  const pending = trafficOf(ctx, listed, query.window);
  const backlog = await backlogs(ctx.database, ids);
  const traffic = await pending;
  const data = listed
    .map((r) => figures(r, query.window, traffic.source, traffic.of(r.id), backlog.get(r.id)))
    .sort(worstFirst);
  return {
    window: query.window,
    source: traffic.source,
    generated_at: new Date().toISOString(),
    data,
    truncated: rows.length > OPS_TENANT_LIMIT,
  };
}

/** One tenant's figures, its current hourly rate-limit usage and its webhook endpoints. */
export async function getTenantFigures({
  ctx,
  id,
  query,
}: {
  ctx: OpsContext;
  id: string;
  query: { window: OpsWindow };
}) {
  const [row] = await withSystem(ctx.database, (tx) =>
    tx
      .select(tenantColumns)
      .from(tenants)
      .where(and(eq(tenants.id, id), ne(tenants.status, "deleted"))),
  );
  if (!row) throw new AppError("not_found", "No such tenant.");
  // The object calls run while the database answers (one connection: its queries go in turn).
  const pending = Promise.all([
    trafficOf(ctx, [row], query.window, row.id),
    hourlyUsage(ctx.env, row),
  ]);
  const backlog = await backlogs(ctx.database, [row.id]);
  const endpoints = await endpointFigures(ctx.database, row.id);
  const [traffic, rateLimit] = await pending;
  return {
    ...figures(row, query.window, traffic.source, traffic.of(row.id), backlog.get(row.id)),
    rate_limit: rateLimit,
    endpoints,
  };
}

async function hourlyUsage(env: Env, row: TenantRow) {
  const snapshot: TenantSnapshot = { ...row, status: row.status as TenantSnapshot["status"] };
  try {
    const state = await limiter(env, row.id).usage(tenantPolicy({ tenant: snapshot }));
    return { limit: state.limit, used: state.used, reset_seconds: Math.ceil(state.resetMs / 1000) };
  } catch (error) {
    log("warn", "rate limiter usage unavailable", { tenant_id: row.id, ...describeError(error) });
    return null;
  }
}

/** The tenant's endpoints with their delivery counts (inside the tenant's scope). */
function endpointFigures(database: DatabaseHandle, tenantId: string) {
  return withTenant(database, tenantId, async (scope) => {
    const endpoints = await scope.tx
      .select()
      .from(webhookEndpoints)
      .where(scope.where(webhookEndpoints))
      .orderBy(desc(webhookEndpoints.id))
      .limit(100);
    const counts = await scope.tx
      .select({
        endpointId: webhookDeliveries.endpointId,
        status: webhookDeliveries.status,
        n: count(),
      })
      .from(webhookDeliveries)
      .where(
        scope.where(
          webhookDeliveries,
          inArray(webhookDeliveries.status, ["pending", "held", "failed"]),
        ),
      )
      .groupBy(webhookDeliveries.endpointId, webhookDeliveries.status);
    const of = (endpointId: string, status: string) =>
      Number(counts.find((c) => c.endpointId === endpointId && c.status === status)?.n ?? 0);
    return endpoints.map((e) => ({
      id: e.id,
      url: e.url,
      status: e.status,
      status_reason: e.statusReason,
      consecutive_failures: e.consecutiveFailures,
      pending: of(e.id, "pending"),
      held: of(e.id, "held"),
      failed: of(e.id, "failed"),
    }));
  });
}

/**
 * Recovers a tenant's failed or suspended webhook endpoint for an operator: the webhook service's
 * own `recover` verb (same re-delivery throttling, audit row and 404 for another tenant's
 * endpoint), run in the tenant's scope with the operator as the audited actor.
 */
export async function recoverTenantEndpoint({
  ctx,
  tenantId,
  endpointId,
  input,
}: {
  ctx: OpsContext;
  tenantId: string;
  endpointId: string;
  input: { since?: string | undefined };
}) {
  const [row] = await withSystem(ctx.database, (tx) =>
    tx
      .select({ id: tenants.id })
      .from(tenants)
      .where(and(eq(tenants.id, tenantId), ne(tenants.status, "deleted"))),
  );
  if (!row) throw new AppError("not_found", "No such tenant.");
  const serviceCtx: ServiceContext = {
    tenantId,
    role: "admin",
    // The audit log records operators as such; the verb only passes the actor through.
    actor: ctx.actor as unknown as ServiceContext["actor"],
    requestId: ctx.requestId,
    database: transactionPerCall(ctx.database, tenantId),
  };
  return recoverWebhookEndpoint({
    ctx: serviceCtx,
    env: ctx.env,
    id: endpointId,
    input: { since: input.since ?? new Date(0).toISOString() },
  });
}
