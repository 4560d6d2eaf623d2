ALTER TABLE "tenant_exports" ADD COLUMN "run_id" text;--> statement-breakpoint
ALTER TABLE "tenant_exports" ADD COLUMN "run_heartbeat_at" timestamp with time zone;