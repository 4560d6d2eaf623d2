import { and, eq, gt, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Principal, Role, TenantSnapshot } from "../context";
import { type DatabaseHandle, READ_ONLY, uncachedRead, withSystem } from "../db";
import { apiKeys, tenants } from "../db/schema";
import { hashApiKey, LEGACY_API_KEY_PATTERN } from "./api-keys";
import { TtlCache } from "./ttl-cache";

/**
 * How long an isolate trusts a credential or tenant lookup. Revocation and suspension made in
 * another isolate take effect within this bound (the contract promises 5 s).
 */
export const CREDENTIAL_CACHE_TTL_MS = 3_000;
/** last_used_at is refreshed at most this often per key, off the request's critical path. */
const LAST_USED_GRANULARITY_MS = 60_000;

interface CachedKey {
  principal: Principal;
  touchedAt: number;
  /** When this secret stops working (the key's expiry, or a rolled secret's end), ms; or never. */
  validUntil: number;
}

const keyCache = new TtlCache<CachedKey>(CREDENTIAL_CACHE_TTL_MS);
/**
 * Hashes of keys that matched nothing (negative cache). Separate from `keyCache` and smaller, so
 * a flood of random keys evicts only other misses, never a valid key's entry. Its TTL is the
 * positive cache's: a key is random and new, so no earlier miss can hide a key created since.
 */
const unknownKeys = new TtlCache<true>(CREDENTIAL_CACHE_TTL_MS, 5_000);
/**
 * Hashes of legacy (untagged) keys that resolved to a principal in the last 10 minutes. Used only
 * to let a known legacy key through an address blocked for failed authentications (it is still
 * looked up as usual). A tagged key passes by its tag instead, so it needs no entry here and
 * leaves the room to legacy keys.
 */
const recentlyValidKeys = new TtlCache<true>(10 * 60_000, 10_000);

/** A key that still works: not revoked and not past its `expires_at`. */
export const activeApiKey: SQL = sql`(${apiKeys.revokedAt} is null and (${apiKeys.expiresAt} is null or ${apiKeys.expiresAt} > now()))`;

export const tenantColumns = {
  id: tenants.id,
  status: tenants.status,
  plan: tenants.plan,
  rateLimitPerHour: tenants.rateLimitPerHour,
  maxFileBytes: tenants.maxFileBytes,
  webhookRatePerSecond: tenants.webhookRatePerSecond,
  reservationHoldMinutes: tenants.reservationHoldMinutes,
} as const;

/** The instant a key's secret stops working: the key's expiry, or the end of a rolled secret's overlap. */
function validUntilOf(
  row: {
    keyHash: string;
    expiresAt: Date | null;
    previousKeyExpiresAt: Date | null;
  },
  hash: string,
): number {
  const ends = [row.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY];
  if (row.keyHash !== hash) ends.push(row.previousKeyExpiresAt?.getTime() ?? 0);
  return Math.min(...ends);
}

/**
 * Resolves an API key to its principal (null when unknown, revoked, expired, a rolled secret past
 * its overlap, or its tenant deleted). A cached key is dropped the moment its secret stops working,
 * so an expiry is exact in every isolate, unlike a revocation (within the cache TTL).
 * `schedule` receives the last_used_at refresh, not yet started, to run after the response on
 * the request's handle: started here, it would run beside the request's own statements and make
 * the handle open a second connection. `clientAddress` is recorded with it as `last_used_ip`.
 */
export async function resolveApiKey(
  database: DatabaseHandle,
  key: string,
  schedule: (work: () => Promise<unknown>) => void,
  clientAddress?: string,
): Promise<Principal | null> {
  const hash = await hashApiKey(key);
  if (unknownKeys.get(hash)) return null;
  let cached = keyCache.get(hash);
  if (cached && cached.validUntil <= Date.now()) {
    keyCache.delete(hash);
    cached = undefined;
  }
  if (!cached) {
    const row = await withSystem(
      database,
      async (tx) => {
        const [found] = await tx
          .select({
            keyId: apiKeys.id,
            role: apiKeys.role,
            keyHash: apiKeys.keyHash,
            expiresAt: apiKeys.expiresAt,
            previousKeyExpiresAt: apiKeys.previousKeyExpiresAt,
            tenant: tenantColumns,
          })
          .from(apiKeys)
          .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
          .where(
            and(
              or(
                eq(apiKeys.keyHash, hash),
                and(
                  eq(apiKeys.previousKeyHash, hash),
                  gt(apiKeys.previousKeyExpiresAt, sql`now()`),
                ),
              ),
              activeApiKey,
              ne(tenants.status, "deleted"),
              uncachedRead,
            ),
          )
          .limit(1);
        return found;
      },
      READ_ONLY,
    );
    if (!row) {
      unknownKeys.set(hash, true);
      return null;
    }
    cached = {
      principal: {
        tenantId: row.tenant.id,
        tenant: row.tenant as TenantSnapshot,
        role: row.role as Role,
        actor: { type: "api_key", id: row.keyId },
        credentialId: row.keyId,
      },
      touchedAt: 0,
      validUntil: validUntilOf(row, hash),
    };
    keyCache.set(hash, cached);
    if (LEGACY_API_KEY_PATTERN.test(key)) recentlyValidKeys.set(hash, true);
  }
  const principal = cached.principal;
  if (Date.now() - cached.touchedAt > LAST_USED_GRANULARITY_MS) {
    cached.touchedAt = Date.now();
    schedule(() =>
      withSystem(database, (tx) =>
        tx
          .update(apiKeys)
          .set({ lastUsedAt: sql`now()`, ...(clientAddress ? { lastUsedIp: clientAddress } : {}) })
          .where(
            and(
              eq(apiKeys.id, principal.actor.id),
              or(
                isNull(apiKeys.lastUsedAt),
                sql`${apiKeys.lastUsedAt} < now() - interval '1 minute'`,
              ),
            ),
          ),
      ).catch(() => {}),
    );
  }
  return principal;
}

/** True when this legacy key resolved to a principal in this isolate lately (see `recentlyValidKeys`). */
export async function isRecentlyValidApiKey(key: string): Promise<boolean> {
  return recentlyValidKeys.get(await hashApiKey(key)) === true;
}

/** Forgets cached lookups of one key in this isolate (other isolates expire within the TTL). */
export function forgetApiKey(keyId: string): void {
  keyCache.deleteWhere((entry) => entry.principal.actor.id === keyId);
}

/** Forgets every cached credential of a tenant in this isolate (after suspension or a plan change). */
export function forgetTenantCredentials(tenantId: string): void {
  keyCache.deleteWhere((entry) => entry.principal.tenantId === tenantId);
}
