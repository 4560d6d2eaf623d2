import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { Principal, Role, TenantSnapshot } from "../context";
import { type DatabaseHandle, withSystem } from "../db";
import { apiKeys, tenants } from "../db/schema";
import { hashApiKey } from "./api-keys";
import { TtlCache } from "./ttl-cache";

/**
 * How long an isolate trusts a credential or tenant lookup. Revocation and suspension made in
 * another isolate take effect within this bound (the contract promises 5 s).
 */
export const CREDENTIAL_CACHE_TTL_MS = 3_000;
/** last_used_at is refreshed at most this often per key, off the request's critical path. */
const LAST_USED_GRANULARITY_MS = 60_000;

interface CachedKey {
  principal: Principal | null;
  touchedAt: number;
}

const keyCache = new TtlCache<CachedKey>(CREDENTIAL_CACHE_TTL_MS);

export const tenantColumns = {
  id: tenants.id,
  status: tenants.status,
  plan: tenants.plan,
  rateLimitPerHour: tenants.rateLimitPerHour,
  maxFileBytes: tenants.maxFileBytes,
  webhookRatePerSecond: tenants.webhookRatePerSecond,
} as const;

/**
 * Resolves an API key to its principal (null when unknown, revoked or its tenant deleted).
 * `schedule` receives the last_used_at refresh so it runs after the response.
 */
export async function resolveApiKey(
  database: DatabaseHandle,
  key: string,
  schedule: (work: Promise<unknown>) => void,
): Promise<Principal | null> {
  const hash = await hashApiKey(key);
  let cached = keyCache.get(hash);
  if (!cached) {
    const row = await withSystem(database, async (tx) => {
      const [found] = await tx
        .select({ keyId: apiKeys.id, role: apiKeys.role, tenant: tenantColumns })
        .from(apiKeys)
        .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
        .where(
          and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt), ne(tenants.status, "deleted")),
        )
        .limit(1);
      return found;
    });
    cached = {
      principal: row
        ? {
            tenantId: row.tenant.id,
            tenant: row.tenant as TenantSnapshot,
            role: row.role as Role,
            actor: { type: "api_key", id: row.keyId },
            credentialId: row.keyId,
          }
        : null,
      touchedAt: 0,
    };
    keyCache.set(hash, cached);
  }
  const principal = cached.principal;
  if (principal && Date.now() - cached.touchedAt > LAST_USED_GRANULARITY_MS) {
    cached.touchedAt = Date.now();
    schedule(
      withSystem(database, (tx) =>
        tx
          .update(apiKeys)
          .set({ lastUsedAt: sql`now()` })
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

/** Forgets cached lookups of one key in this isolate (other isolates expire within the TTL). */
export function forgetApiKey(keyId: string): void {
  keyCache.deleteWhere((entry) => entry.principal?.actor.id === keyId);
}

/** Forgets every cached credential of a tenant in this isolate (after suspension or a plan change). */
export function forgetTenantCredentials(tenantId: string): void {
  keyCache.deleteWhere((entry) => entry.principal?.tenantId === tenantId);
}
