import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { events } from "./catalog";
import { createdAt, tenantIdColumn, ts, updatedAt } from "./columns";
import { tenants } from "./tenancy";

export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    url: text("url").notNull(),
    description: text("description"),
    /** Subscribed event types; an empty list means every type. */
    eventTypes: jsonb("event_types").$type<string[]>().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** active, disabled (by the tenant or a 410) or suspended (by the circuit breaker). */
    status: text("status", { enum: ["active", "disabled", "suspended"] })
      .notNull()
      .default("active"),
    statusReason: text("status_reason"),
    /** AES-GCM ciphertext (base64 of iv || ciphertext) of the whsec_ secret. */
    secretCiphertext: text("secret_ciphertext").notNull(),
    previousSecretCiphertext: text("previous_secret_ciphertext"),
    previousSecretExpiresAt: ts("previous_secret_expires_at"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    ratePerSecond: integer("rate_per_second"),
    /** unordered (default, fastest) or per_resource: one resource's events arrive in commit order. */
    ordering: text("ordering", { enum: ["unordered", "per_resource"] })
      .notNull()
      .default("unordered"),
    /** Receiver-authentication headers: AES-GCM ciphertext of a JSON object (name to value). */
    customHeadersCiphertext: text("custom_headers_ciphertext"),
    /** What the API shows of those headers: each name with a masked value. */
    customHeaderHints: jsonb("custom_header_hints").$type<Record<string, string>>(),
    /** Token bucket of fresh deliveries (per-endpoint fairness): tokens left and when last refilled. */
    rateTokens: doublePrecision("rate_tokens"),
    rateRefilledAt: ts("rate_refilled_at"),
    /** A separate, slower bucket for re-deliveries (recover, resend, released holds). */
    redeliveryTokens: doublePrecision("redelivery_tokens"),
    redeliveryRefilledAt: ts("redelivery_refilled_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("webhook_endpoints_tenant_idx").on(t.tenantId, t.id)],
);

/** One delivery per (event, endpoint): its lifecycle ends delivered, failed or held. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id),
    status: text("status", { enum: ["pending", "delivered", "failed", "held"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deliveredAt: ts("delivered_at"),
    failedAt: ts("failed_at"),
    /** The event's resource key and sequence number, copied at fan-out (ordered delivery). */
    resourceKey: text("resource_key"),
    seq: bigint("seq", { mode: "number" }),
    /**
     * Ordered endpoints: the earlier delivery of the same resource this one waits for (status
     * stays pending, no attempt is spent); cleared when that one is delivered or failed.
     */
    waitingFor: text("waiting_for"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_event_endpoint_key").on(t.eventId, t.endpointId),
    index("webhook_deliveries_tenant_status_idx").on(t.tenantId, t.status),
    index("webhook_deliveries_endpoint_status_idx")
      .on(t.endpointId, t.status, t.failedAt)
      .where(sql`${t.status} <> 'delivered'`),
    /** Retention prunes deliveries by age. */
    index("webhook_deliveries_created_idx").on(t.createdAt),
    /** An ordered delivery's open predecessors: same endpoint and resource, lower seq. */
    index("webhook_deliveries_resource_idx")
      .on(t.endpointId, t.resourceKey, t.seq)
      .where(sql`${t.resourceKey} is not null and ${t.status} in ('pending', 'held')`),
    /** The deliveries waiting for one that just finished. */
    index("webhook_deliveries_waiting_idx")
      .on(t.waitingFor)
      .where(sql`${t.waitingFor} is not null`),
  ],
);

/** Every delivery attempt, with a truncated response that is never shown to anyone else. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id),
    endpointId: text("endpoint_id").notNull(),
    eventId: text("event_id").notNull(),
    attemptNumber: integer("attempt_number").notNull(),
    statusCode: integer("status_code"),
    latencyMs: integer("latency_ms").notNull(),
    errorClass: text("error_class"),
    responseSnippet: text("response_snippet"),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_attempts_endpoint_idx").on(t.tenantId, t.endpointId, t.id),
    index("webhook_attempts_delivery_idx").on(t.deliveryId),
    index("webhook_attempts_created_idx").on(t.createdAt),
  ],
);
