CREATE TABLE "cron_heartbeats" (
	"job" text PRIMARY KEY NOT NULL,
	"cron" text NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_succeeded_at" timestamp with time zone,
	"last_failed_at" timestamp with time zone,
	"last_error" text,
	"last_duration_ms" integer,
	"consecutive_failures" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_failures" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"queue" text NOT NULL,
	"kind" text NOT NULL,
	"body" jsonb NOT NULL,
	"error" text,
	"attempts" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "webhooks_paused_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "webhooks_paused_reason" text;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "ordering" text DEFAULT 'unordered' NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "custom_headers_ciphertext" text;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "custom_header_hints" jsonb;--> statement-breakpoint
ALTER TABLE "job_failures" ADD CONSTRAINT "job_failures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_failures_created_idx" ON "job_failures" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "job_failures_tenant_idx" ON "job_failures" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "events_created_idx" ON "events" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery_idx" ON "webhook_attempts" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "webhook_attempts_created_idx" ON "webhook_attempts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_created_idx" ON "webhook_deliveries" USING btree ("created_at");--> statement-breakpoint
-- Heartbeats are system-only: cron jobs and the ops API read and write them, the request role has
-- no grant. Job failures are a tenant table as in 0001: the request role sees its tenant's rows
-- only, the system role (the jobs dead-letter consumer, the ops API) every tenant's.
GRANT SELECT, INSERT, UPDATE, DELETE ON cron_heartbeats, job_failures TO shelfwise_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON job_failures TO shelfwise_app;
--> statement-breakpoint
ALTER TABLE job_failures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE job_failures FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON job_failures TO shelfwise_app
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));
--> statement-breakpoint
CREATE POLICY system_access ON job_failures TO shelfwise_system USING (true) WITH CHECK (true);
