import { and, asc, eq, exists, isNull, lt, sql } from "drizzle-orm";
import type { Env } from "../../env";
import { type DatabaseHandle, openSystemDatabase, withSystem, withTenant } from "../db";
import { tenants, webhookDeliveries, webhookEndpoints } from "../db/schema";
import { describeError, log } from "../observability/logger";
import { deliveryTenant, forgetTenantRate } from "./rate";
import { requeueDeliveries } from "./redelivery";

/** A resume releases for this long in the request; whatever is left, the hourly sweep releases. */
const RELEASE_BUDGET_MS = 10_000;
/** A hold this old on an active endpoint of an active tenant has no release coming: the sweep's. */
const STRANDED_AFTER = sql`now() - interval '10 minutes'`;
const SWEEP_TENANTS = 200;

/**
 * Releases a tenant's held deliveries after it (or its webhooks) was resumed, through the same path as an
 * endpoint's recovery (`requeueDeliveries`: back to pending, queued as throttled re-deliveries,
 * oldest first). Only deliveries of active endpoints are released: an endpoint suspended by its
 * circuit breaker keeps its holds until its own recovery. Nothing happens unless the tenant is
 * active and its webhooks are not paused now (`deliveryTenant`, the consumer's own decision). Returns how many deliveries were queued again.
 */
export async function releaseTenantHolds(
  handle: DatabaseHandle,
  env: Env,
  tenantId: string,
  budgetMs = RELEASE_BUDGET_MS,
): Promise<number> {
  const started = Date.now();
  forgetTenantRate(tenantId);
  const tenant = await deliveryTenant(handle, tenantId);
  if (!tenant.active) return 0;
  const endpoints = await withTenant(handle, tenantId, (scope) =>
    scope.tx
      .selectDistinct({ id: webhookDeliveries.endpointId })
      .from(webhookDeliveries)
      .innerJoin(
        webhookEndpoints,
        and(
          eq(webhookEndpoints.id, webhookDeliveries.endpointId),
          eq(webhookEndpoints.tenantId, scope.tenantId),
        ),
      )
      .where(
        scope.where(
          webhookDeliveries,
          eq(webhookDeliveries.status, "held"),
          eq(webhookEndpoints.status, "active"),
        ),
      )
      .orderBy(asc(webhookDeliveries.endpointId)),
  );
  let released = 0;
  for (const { id } of endpoints) {
    for (let more = true; more && Date.now() - started < budgetMs; ) {
      const result = await withTenant(handle, tenantId, (scope) =>
        requeueDeliveries(scope, env, {
          endpointId: id,
          condition: eq(webhookDeliveries.status, "held"),
          tenantRate: tenant.rate,
        }),
      );
      released += result.redelivered;
      more = result.has_more;
    }
  }
  return released;
}

/**
 * Hourly backstop: releases holds that no resume will release, i.e. held deliveries of an active
 * endpoint of an active tenant whose webhooks are not paused, untouched for 10 minutes. They arise when a consumer read the
 * tenant as suspended just before a resume and held its delivery just after the resume's release,
 * or when the release after a resume failed (queue unavailable).
 */
export async function sweepStrandedHolds(env: Env): Promise<{ tenants: number; released: number }> {
  const handle = openSystemDatabase(env);
  try {
    const rows = await withSystem(handle, (tx) =>
      tx
        .selectDistinct({ tenantId: webhookEndpoints.tenantId })
        .from(webhookEndpoints)
        .innerJoin(tenants, eq(tenants.id, webhookEndpoints.tenantId))
        .where(
          and(
            eq(webhookEndpoints.status, "active"),
            eq(tenants.status, "active"),
            // A paused tenant's holds wait for the operator's resume of its webhooks.
            isNull(tenants.webhooksPausedAt),
            exists(
              tx
                .select({ one: sql`1` })
                .from(webhookDeliveries)
                .where(
                  and(
                    eq(webhookDeliveries.endpointId, webhookEndpoints.id),
                    eq(webhookDeliveries.status, "held"),
                    lt(webhookDeliveries.updatedAt, STRANDED_AFTER),
                  ),
                ),
            ),
          ),
        )
        .limit(SWEEP_TENANTS),
    );
    let released = 0;
    for (const { tenantId } of rows) {
      try {
        released += await releaseTenantHolds(handle, env, tenantId);
      } catch (error) {
        log("error", "stranded hold release failed for a tenant", {
          tenant_id: tenantId,
          ...describeError(error),
        });
      }
    }
    return { tenants: rows.length, released };
  } finally {
    await handle.close().catch(() => {});
  }
}
