ALTER TABLE "tenant_exports" DROP COLUMN "run_heartbeat_at";--> statement-breakpoint
ALTER TABLE "tenant_exports" DROP COLUMN "run_id";
