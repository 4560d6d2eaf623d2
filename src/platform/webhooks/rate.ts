import { eq, sql } from "drizzle-orm";
import { type DatabaseHandle, type TenantScope, withSystem } from "../db";
import { tenants, webhookEndpoints } from "../db/schema";
import { effectiveLimits } from "../plans";

const TENANT_RATE_CACHE_MS = 30_000;
const tenantRates = new Map<string, { at: number; rate: number }>();

/** A tenant's per-endpoint delivery rate (plan default or override), cached 30 s per isolate. */
export async function tenantWebhookRate(handle: DatabaseHandle, tenantId: string): Promise<number> {
  const hit = tenantRates.get(tenantId);
  if (hit && Date.now() - hit.at < TENANT_RATE_CACHE_MS) return hit.rate;
  const [row] = await withSystem(handle, (tx) =>
    tx
      .select({ plan: tenants.plan, webhookRatePerSecond: tenants.webhookRatePerSecond })
      .from(tenants)
      .where(eq(tenants.id, tenantId))
      .limit(1),
  );
  const rate = row
    ? effectiveLimits({ ...row, rateLimitPerHour: null, maxFileBytes: null })
        .webhook_rate_per_second
    : 1;
  if (tenantRates.size > 10_000) tenantRates.clear();
  tenantRates.set(tenantId, { at: Date.now(), rate });
  return rate;
}

/** Re-deliveries get a quarter of the fresh rate (at least 1/s), from a bucket of their own. */
export function redeliveryRate(rate: number): number {
  return Math.max(1, Math.ceil(rate / 4));
}

/**
 * Takes one token from the endpoint's bucket (fresh or re-delivery), atomically in Postgres so
 * every isolate shares it. Capacity is one second's worth. Returns 0 when the delivery may go
 * now, otherwise the seconds to wait for the next token (the caller defers the message without
 * counting an attempt).
 */
export async function takeDeliveryToken(
  scope: TenantScope,
  endpointId: string,
  rate: number,
  kind: "fresh" | "redelivery",
): Promise<number> {
  const perSecond = kind === "fresh" ? rate : redeliveryRate(rate);
  const capacity = Math.max(1, perSecond);
  const tokens = kind === "fresh" ? webhookEndpoints.rateTokens : webhookEndpoints.redeliveryTokens;
  const refilled =
    kind === "fresh" ? webhookEndpoints.rateRefilledAt : webhookEndpoints.redeliveryRefilledAt;
  const available = sql`least(${capacity}::float8, coalesce(${tokens}, ${capacity}::float8) + greatest(0, extract(epoch from clock_timestamp() - coalesce(${refilled}, clock_timestamp())))::float8 * ${perSecond}::float8)`;
  const set =
    kind === "fresh"
      ? { rateTokens: sql`${available} - 1`, rateRefilledAt: sql`clock_timestamp()` }
      : { redeliveryTokens: sql`${available} - 1`, redeliveryRefilledAt: sql`clock_timestamp()` };
  const taken = await scope.tx
    .update(webhookEndpoints)
    .set(set)
    .where(
      scope.where(webhookEndpoints, eq(webhookEndpoints.id, endpointId), sql`${available} >= 1`),
    )
    .returning({ id: webhookEndpoints.id });
  if (taken.length > 0) return 0;
  const [row] = await scope.tx
    .select({ available })
    .from(webhookEndpoints)
    .where(scope.where(webhookEndpoints, eq(webhookEndpoints.id, endpointId)));
  const missing = 1 - Number(row?.available ?? 0);
  return Math.max(0.05, missing / perSecond);
}

/** Forgets cached tenant rates (after an operator changes a tenant's limits in this isolate). */
export function forgetTenantRate(tenantId: string): void {
  tenantRates.delete(tenantId);
}
