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
 * Takes up to `wanted` tokens from the endpoint's bucket (fresh or re-delivery) in the caller's
 * transaction: the row is locked, so every isolate shares one bucket. Capacity is one second's
 * worth. Returns how many were granted and, for each message beyond them, when its token will be
 * there (the caller defers those messages without counting an attempt).
 */
export async function takeDeliveryTokens(
  scope: TenantScope,
  endpointId: string,
  rate: number,
  kind: "fresh" | "redelivery",
  wanted: number,
): Promise<{ granted: number; waitSeconds: (extra: number) => number }> {
  const perSecond = kind === "fresh" ? rate : redeliveryRate(rate);
  const capacity = Math.max(1, perSecond);
  const tokens = kind === "fresh" ? webhookEndpoints.rateTokens : webhookEndpoints.redeliveryTokens;
  const refilled =
    kind === "fresh" ? webhookEndpoints.rateRefilledAt : webhookEndpoints.redeliveryRefilledAt;
  // now() is the transaction's start: the read and the write below see the same instant.
  const [row] = await scope.tx
    .select({
      available: sql<number>`least(${capacity}::float8, coalesce(${tokens}, ${capacity}::float8) + greatest(0, extract(epoch from now() - coalesce(${refilled}, now())))::float8 * ${perSecond}::float8)`,
    })
    .from(webhookEndpoints)
    .where(scope.where(webhookEndpoints, eq(webhookEndpoints.id, endpointId)))
    .for("update");
  const available = Number(row?.available ?? 0);
  const granted = Math.max(0, Math.min(wanted, Math.floor(available)));
  const left = available - granted;
  await scope.tx
    .update(webhookEndpoints)
    .set(
      kind === "fresh"
        ? { rateTokens: left, rateRefilledAt: sql`now()` }
        : { redeliveryTokens: left, redeliveryRefilledAt: sql`now()` },
    )
    .where(scope.where(webhookEndpoints, eq(webhookEndpoints.id, endpointId)));
  return {
    granted,
    // The n-th message over (1-based) gets the n-th token to come.
    waitSeconds: (extra) => Math.max(0.05, (extra - left) / perSecond),
  };
}

/** Forgets cached tenant rates (after an operator changes a tenant's limits in this isolate). */
export function forgetTenantRate(tenantId: string): void {
  tenantRates.delete(tenantId);
}
