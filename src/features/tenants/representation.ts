import type { tenants } from "../../platform/db/schema";
import { effectiveLimits } from "../../platform/plans";

type TenantRow = typeof tenants.$inferSelect;

/** Recorded when a suspension or offboarding comes without a reason (the reason is optional). */
export const NO_REASON_GIVEN = "(no reason given)";

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * The public representation of a tenant (operators and the tenant itself; the tenant's own view
 * leaves out the operator's notes: overrides, status reason, webhook pause).
 */
export function tenantView(row: TenantRow) {
  return {
    id: row.id,
    name: row.name,
    plan: row.plan,
    status: row.status,
    limits: effectiveLimits(row),
    overrides: {
      requests_per_hour: row.rateLimitPerHour,
      max_file_bytes: row.maxFileBytes,
      webhook_rate_per_second: row.webhookRatePerSecond,
      reservation_hold_minutes: row.reservationHoldMinutes,
    },
    idp:
      row.idpIssuer && row.idpJwksUri && row.idpAudience
        ? {
            issuer: row.idpIssuer,
            jwks_uri: row.idpJwksUri,
            audience: row.idpAudience,
            roles_claim: row.idpRolesClaim,
          }
        : null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    suspended_at: iso(row.suspendedAt),
    delete_after: iso(row.deleteAfter),
    status_reason: row.statusReason,
    webhooks_paused: row.webhooksPausedAt
      ? { since: row.webhooksPausedAt.toISOString(), reason: row.webhooksPausedReason ?? "" }
      : null,
  };
}
export type TenantView = ReturnType<typeof tenantView>;
