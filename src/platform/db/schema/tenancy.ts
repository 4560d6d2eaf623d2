import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, tenantIdColumn, ts, updatedAt } from "./columns";

/** The tenant registry. Not tenant-scoped itself: only operator and system code reads it. */
export const tenants = pgTable(
  "tenants",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    plan: text("plan", { enum: ["trial", "standard", "premium", "enterprise"] }).notNull(),
    status: text("status", { enum: ["active", "suspended", "offboarding", "deleted"] })
      .notNull()
      .default("active"),
    /** Per-hour request limit override; null means the plan's default. */
    rateLimitPerHour: integer("rate_limit_per_hour"),
    /** Per-file upload limit override in bytes; null means the plan's default (up to 5 GiB: a bigint). */
    maxFileBytes: bigint("max_file_bytes", { mode: "number" }),
    /** Webhook deliveries per second per endpoint; null means the plan's default. */
    webhookRatePerSecond: integer("webhook_rate_per_second"),
    /** Minutes a pending order holds its stock before it expires; null means 30. */
    reservationHoldMinutes: integer("reservation_hold_minutes"),
    idpIssuer: text("idp_issuer"),
    idpJwksUri: text("idp_jwks_uri"),
    idpAudience: text("idp_audience"),
    idpRolesClaim: text("idp_roles_claim").notNull().default("roles"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Why the operator suspended or offboarded the tenant (also in the audit log). */
    statusReason: text("status_reason"),
    suspendedAt: ts("suspended_at"),
    /** Set while an operator holds the tenant's webhook deliveries (held, not lost, until resumed). */
    webhooksPausedAt: ts("webhooks_paused_at"),
    webhooksPausedReason: text("webhooks_paused_reason"),
    offboardedAt: ts("offboarded_at"),
    deleteAfter: ts("delete_after"),
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    uniqueIndex("tenants_idp_issuer_key").on(t.idpIssuer),
    check(
      "tenants_reservation_hold_minutes_range",
      sql`${t.reservationHoldMinutes} between 1 and 10080`,
    ),
  ],
);

/** API keys: only the SHA-256 of the secret is stored; `prefix` is what lists show. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    name: text("name").notNull(),
    role: text("role", { enum: ["admin", "editor", "viewer"] }).notNull(),
    mode: text("mode", { enum: ["live", "test"] }).notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    lastUsedAt: ts("last_used_at"),
    /** The client address of the last use recorded with `last_used_at` (CF-Connecting-IP). */
    lastUsedIp: text("last_used_ip"),
    revokedAt: ts("revoked_at"),
    /** After this instant the key is refused (401); null: it does not expire. */
    expiresAt: ts("expires_at"),
    /** The hash of the secret a roll replaced, accepted until `previousKeyExpiresAt`. */
    previousKeyHash: text("previous_key_hash"),
    previousKeyExpiresAt: ts("previous_key_expires_at"),
  },
  (t) => [
    uniqueIndex("api_keys_key_hash_key").on(t.keyHash),
    uniqueIndex("api_keys_previous_key_hash_key").on(t.previousKeyHash),
    index("api_keys_tenant_idx").on(t.tenantId, t.id),
  ],
);

/** Append-only record of every mutation, written in the mutation's own transaction. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    actorType: text("actor_type", {
      enum: ["api_key", "jwt", "portal_token", "operator", "system"],
    }).notNull(),
    actorId: text("actor_id").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    requestId: text("request_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_tenant_idx").on(t.tenantId, t.id),
    index("audit_log_tenant_action_idx").on(t.tenantId, t.action, t.id),
    index("audit_log_tenant_target_idx").on(t.tenantId, t.targetType, t.targetId),
    /** Retention: the hourly job archives and prunes the oldest rows first. */
    index("audit_log_created_idx").on(t.createdAt),
  ],
);

/**
 * Idempotency records: written in the same transaction as the mutation they guard, so the effect
 * happens once even when the Durable Object's state is lost. A key belongs to the credential that
 * sent it (API key id, or JWT issuer + subject): another credential of the tenant, whatever its
 * role, never sees its response.
 */
export const idempotencyRecords = pgTable(
  "idempotency_records",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    credentialId: text("credential_id").notNull(),
    key: text("key").notNull(),
    fingerprint: text("fingerprint").notNull(),
    responseStatus: integer("response_status").notNull(),
    responseBody: text("response_body").notNull(),
    responseHeaders: jsonb("response_headers").$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.credentialId, t.key] }),
    index("idempotency_records_expires_idx").on(t.expiresAt),
    check("idempotency_records_key_len", sql`char_length(${t.key}) between 1 and 255`),
  ],
);
