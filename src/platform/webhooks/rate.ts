import { and, eq, sql } from "drizzle-orm";
import {
  type DatabaseHandle,
  type RequestDatabase,
  rowsOf,
  type TenantScope,
  transactionPerCall,
  uncachedRead,
} from "../db";
import { tenants } from "../db/schema";
import { effectiveLimits } from "../plans";

const TENANT_RATE_CACHE_MS = 30_000;
/**
 * How long an `active`, unpaused status is trusted for delivery (as long as a credential's, so
 * webhooks stop within the same few seconds as API calls). Any other state is read again every
 * time: a resumed tenant's released deliveries must never be held again on a stale status.
 */
const TENANT_ACTIVE_CACHE_MS = 5_000;
type TenantStatus = "active" | "suspended" | "offboarding" | "deleted";
/** `paused`: an operator paused the tenant's webhooks (held like a suspended tenant's). */
const tenantRates = new Map<
  string,
  { at: number; rate: number; status: TenantStatus | null; paused: boolean }
>();

async function loadTenant(database: Pick<RequestDatabase, "system">, tenantId: string) {
  const [row] = await database.system((tx) =>
    tx
      .select({
        plan: tenants.plan,
        webhookRatePerSecond: tenants.webhookRatePerSecond,
        status: tenants.status,
        webhooksPausedAt: tenants.webhooksPausedAt,
      })
      .from(tenants)
      .where(and(eq(tenants.id, tenantId), uncachedRead))
      .limit(1),
  );
  const rate = row
    ? effectiveLimits({ ...row, rateLimitPerHour: null, maxFileBytes: null })
        .webhook_rate_per_second
    : 1;
  const entry = {
    at: Date.now(),
    rate,
    status: row?.status ?? null,
    paused: row?.webhooksPausedAt != null,
  };
  if (tenantRates.size > 10_000) tenantRates.clear();
  tenantRates.set(tenantId, entry);
  return entry;
}

/** A tenant's per-endpoint delivery rate (plan default or override), cached 30 s per isolate. */
export async function tenantWebhookRate(database: RequestDatabase): Promise<number> {
  const hit = tenantRates.get(database.tenantId);
  if (hit && Date.now() - hit.at < TENANT_RATE_CACHE_MS) return hit.rate;
  return (await loadTenant(database, database.tenantId)).rate;
}

/**
 * What the consumer needs of a delivery's tenant, in one read: its rate and whether it may be
 * sent anything now (only an active tenant whose webhooks are not paused may; a suspended,
 * offboarding or deleted one, or one an operator paused, is held). This is the one hold decision:
 * the consumer, the resume's release and the stranded-holds sweep all go through it.
 */
export async function deliveryTenant(
  handle: DatabaseHandle,
  tenantId: string,
): Promise<{ rate: number; active: boolean }> {
  const hit = tenantRates.get(tenantId);
  const sendable = (entry: typeof hit) => entry?.status === "active" && !entry.paused;
  const fresh =
    hit && sendable(hit) && Date.now() - hit.at < TENANT_ACTIVE_CACHE_MS
      ? hit
      : await loadTenant(transactionPerCall(handle, tenantId), tenantId);
  return { rate: fresh.rate, active: sendable(fresh) };
}

/** Re-deliveries get a quarter of the fresh rate (at least 1/s), from a bucket of their own. */
export function redeliveryRate(rate: number): number {
  return Math.max(1, Math.ceil(rate / 4));
}

/** One bucket's request: `wanted` deliveries to an endpoint at `rate` (fresh traffic's rate). */
export interface TokenRequest {
  endpointId: string;
  kind: "fresh" | "redelivery";
  rate: number;
  wanted: number;
}

/** How many deliveries a bucket admits now, and when each one beyond them gets its token. */
export interface TokenGrant {
  granted: number;
  /** Seconds until the n-th message over the grant (1-based) has a token. */
  waitSeconds: (extra: number) => number;
}

/** The key of a bucket in the map `takeDeliveryTokens` returns. */
export const bucketKey = (endpointId: string, kind: TokenRequest["kind"]) =>
  `${endpointId} ${kind}`;

/**
 * Takes tokens from every requested bucket (per endpoint: fresh, and re-delivery at a quarter of
 * the rate) in one statement in the caller's transaction. The endpoint rows are locked, so every
 * isolate shares one bucket per endpoint and kind; capacity is one second's worth. One round trip
 * however many endpoints a batch touches: the consumer's load phase is on the delivery path.
 */
export async function takeDeliveryTokens(
  scope: TenantScope,
  requests: readonly TokenRequest[],
): Promise<Map<string, TokenGrant>> {
  const grants = new Map<string, TokenGrant>();
  if (requests.length === 0) return grants;
  // Per endpoint and kind: [wanted, tokens per second].
  const perEndpoint = new Map<string, Record<TokenRequest["kind"], [number, number]>>();
  for (const { endpointId, kind, rate, wanted } of requests) {
    const entry = perEndpoint.get(endpointId) ?? { fresh: [0, rate], redelivery: [0, rate] };
    entry[kind] = [wanted, kind === "fresh" ? rate : redeliveryRate(rate)];
    perEndpoint.set(endpointId, entry);
  }
  const ids = [...perEndpoint.keys()];
  const entries = [...perEndpoint.values()];
  // Postgres array literals, bound as parameters (ids are our own `whe_…` ids, numbers are numbers).
  const column = (pick: (entry: Record<TokenRequest["kind"], [number, number]>) => number) =>
    `{${entries.map(pick).join(",")}}`;
  // now() is the transaction's start: the read and the write see the same instant. The locked
  // CTE reads each row's latest version (FOR UPDATE waits for a concurrent consumer's commit).
  const rows = rowsOf<{
    id: string;
    fresh_available: number;
    fresh_granted: number;
    redelivery_available: number;
    redelivery_granted: number;
  }>(
    await scope.tx.execute(sql`
    with wanted as (
      select * from unnest(
        ${`{${ids.join(",")}}`}::text[],
        ${column((e) => e.fresh[0])}::int[], ${column((e) => e.fresh[1])}::float8[],
        ${column((e) => e.redelivery[0])}::int[], ${column((e) => e.redelivery[1])}::float8[]
      ) as w(endpoint_id, fresh_wanted, fresh_rate, redelivery_wanted, redelivery_rate)
    ), locked as (
      select e.id,
        least(greatest(1, w.fresh_rate), coalesce(e.rate_tokens, greatest(1, w.fresh_rate))
          + greatest(0, extract(epoch from now() - coalesce(e.rate_refilled_at, now())))::float8
          * w.fresh_rate) as fresh_available,
        least(greatest(1, w.redelivery_rate), coalesce(e.redelivery_tokens, greatest(1, w.redelivery_rate))
          + greatest(0, extract(epoch from now() - coalesce(e.redelivery_refilled_at, now())))::float8
          * w.redelivery_rate) as redelivery_available,
        w.fresh_wanted, w.redelivery_wanted
      from webhook_endpoints e join wanted w on w.endpoint_id = e.id
      where e.tenant_id = ${scope.tenantId}
      for update of e
    ), granted as (
      select *,
        least(fresh_wanted, floor(fresh_available))::int as fresh_granted,
        least(redelivery_wanted, floor(redelivery_available))::int as redelivery_granted
      from locked
    )
    update webhook_endpoints e set
      rate_tokens = case when g.fresh_wanted > 0
        then g.fresh_available - g.fresh_granted else e.rate_tokens end,
      rate_refilled_at = case when g.fresh_wanted > 0 then now() else e.rate_refilled_at end,
      redelivery_tokens = case when g.redelivery_wanted > 0
        then g.redelivery_available - g.redelivery_granted else e.redelivery_tokens end,
      redelivery_refilled_at = case when g.redelivery_wanted > 0
        then now() else e.redelivery_refilled_at end
    from granted g
    where e.id = g.id and e.tenant_id = ${scope.tenantId}
    returning g.id, g.fresh_available, g.fresh_granted, g.redelivery_available, g.redelivery_granted
  `),
  );
  for (const row of rows) {
    const entry = perEndpoint.get(row.id);
    if (!entry) continue;
    for (const kind of ["fresh", "redelivery"] as const) {
      const [wanted, perSecond] = entry[kind];
      if (wanted === 0) continue;
      const granted = Number(row[`${kind}_granted`]);
      const left = Number(row[`${kind}_available`]) - granted;
      grants.set(bucketKey(row.id, kind), {
        granted,
        // The n-th message over (1-based) gets the n-th token to come.
        waitSeconds: (extra) => Math.max(0.05, (extra - left) / perSecond),
      });
    }
  }
  return grants;
}

/** Forgets a tenant's cached rate and status (after an operator changes the tenant in this isolate). */
export function forgetTenantRate(tenantId: string): void {
  tenantRates.delete(tenantId);
}
