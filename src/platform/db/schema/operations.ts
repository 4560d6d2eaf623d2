import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantIdColumn, ts } from "./columns";
import { tenants } from "./tenancy";

/**
 * One row per scheduled job: each cron run records its start and outcome here, so a job that
 * stopped running (or keeps failing) is visible to the ops API and its alert rules. System-only.
 */
export const cronHeartbeats = pgTable("cron_heartbeats", {
  job: text("job").primaryKey(),
  cron: text("cron").notNull(),
  lastStartedAt: ts("last_started_at"),
  lastSucceededAt: ts("last_succeeded_at"),
  lastFailedAt: ts("last_failed_at"),
  lastError: text("last_error"),
  lastDurationMs: integer("last_duration_ms"),
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
});

/**
 * A jobs-queue message that exhausted its retries (recorded by the jobs dead-letter consumer):
 * kept with its body so an operator can see what failed and for which tenant. A tenant table like
 * the others (row-level security, purged with the tenant); retention prunes it by age.
 */
export const jobFailures = pgTable(
  "job_failures",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    queue: text("queue").notNull(),
    kind: text("kind").notNull(),
    body: jsonb("body").notNull(),
    error: text("error"),
    attempts: integer("attempts").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("job_failures_created_idx").on(t.createdAt),
    index("job_failures_tenant_idx").on(t.tenantId, t.createdAt),
  ],
);
