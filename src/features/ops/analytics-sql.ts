import type { Env } from "../../env";
import { describeError, log } from "../../platform/observability/logger";

/** Per-tenant request totals over a window, as the SQL API returns them. */
export interface SqlTenantTraffic {
  tenantId: string;
  requests: number;
  serverErrors: number;
  clientErrors: number;
  rateLimited: number;
}

/** The account credentials of the Analytics Engine SQL API, when both secrets are set. */
export function analyticsSqlCredentials(env: Env): { accountId: string; token: string } | null {
  const accountId = env.CF_ACCOUNT_ID?.trim();
  const token = env.CF_ANALYTICS_TOKEN?.trim();
  return accountId && token ? { accountId, token } : null;
}

/** The dataset the ANALYTICS binding writes to (the binding does not expose its name). */
export function analyticsDataset(env: Env): string {
  const name = env.ANALYTICS_DATASET?.trim() || "shelfwise_requests";
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error("ANALYTICS_DATASET must be an identifier");
  return name;
}

/**
 * The per-tenant traffic query (the same as ops/queries/tenant-overview.sql). Counts are
 * weighted by _sample_interval: Analytics Engine samples, and each stored row stands for that
 * many requests. `tenantId` is a validated id; it is still quoted defensively.
 */
export function tenantTrafficSql(dataset: string, minutes: number, tenantId?: string): string {
  const tenantFilter = tenantId ? `AND index1 = '${tenantId.replaceAll("'", "")}'` : "";
  return `SELECT index1 AS tenant_id,
  SUM(_sample_interval) AS requests,
  sumIf(_sample_interval, double7 >= 500) AS server_errors,
  sumIf(_sample_interval, double7 >= 400 AND double7 < 500) AS client_errors,
  sumIf(_sample_interval, double4 = 1) AS rate_limited
FROM ${dataset}
WHERE blob1 = 'request' AND index1 != 'anonymous'
  AND timestamp > NOW() - INTERVAL '${Math.floor(minutes)}' MINUTE ${tenantFilter}
GROUP BY tenant_id
FORMAT JSON`;
}

/**
 * Runs a query against the account's Analytics Engine SQL API. Returns null (and logs) when the
 * API cannot be reached or answers an error: the caller falls back to its own live figures.
 */
export async function querySqlApi(
  env: Env,
  sql: string,
  fetcher: typeof fetch = fetch,
): Promise<Record<string, unknown>[] | null> {
  const credentials = analyticsSqlCredentials(env);
  if (!credentials) return null;
  const url = `https://api.cloudflare.com/client/v4/accounts/${encodeURIComponent(credentials.accountId)}/analytics_engine/sql`;
  try {
    const response = await fetcher(url, {
      method: "POST",
      headers: { authorization: `Bearer ${credentials.token}` },
      body: sql,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      log("warn", "analytics SQL API refused the query", { status: response.status });
      await response.body?.cancel();
      return null;
    }
    const body = (await response.json()) as { data?: Record<string, unknown>[] };
    return Array.isArray(body.data) ? body.data : null;
  } catch (error) {
    log("warn", "analytics SQL API unavailable", describeError(error));
    return null;
  }
}

/** Per-tenant totals from the SQL API (numbers may come back as strings: UInt64 in JSON). */
export async function tenantTrafficFromSql(
  env: Env,
  minutes: number,
  tenantId?: string,
  fetcher: typeof fetch = fetch,
): Promise<Map<string, SqlTenantTraffic> | null> {
  const rows = await querySqlApi(
    env,
    tenantTrafficSql(analyticsDataset(env), minutes, tenantId),
    fetcher,
  );
  if (!rows) return null;
  const byTenant = new Map<string, SqlTenantTraffic>();
  for (const row of rows) {
    const tenant = String(row.tenant_id ?? "");
    if (!tenant) continue;
    byTenant.set(tenant, {
      tenantId: tenant,
      requests: Math.round(Number(row.requests ?? 0)),
      serverErrors: Math.round(Number(row.server_errors ?? 0)),
      clientErrors: Math.round(Number(row.client_errors ?? 0)),
      rateLimited: Math.round(Number(row.rate_limited ?? 0)),
    });
  }
  return byTenant;
}
