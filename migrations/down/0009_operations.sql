DROP INDEX IF EXISTS "webhook_deliveries_created_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "webhook_attempts_created_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "webhook_attempts_delivery_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "audit_log_created_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "events_created_idx";--> statement-breakpoint
ALTER TABLE "webhook_endpoints" DROP COLUMN "custom_header_hints";--> statement-breakpoint
ALTER TABLE "webhook_endpoints" DROP COLUMN "custom_headers_ciphertext";--> statement-breakpoint
ALTER TABLE "webhook_endpoints" DROP COLUMN "ordering";--> statement-breakpoint
ALTER TABLE "tenants" DROP COLUMN "webhooks_paused_reason";--> statement-breakpoint
ALTER TABLE "tenants" DROP COLUMN "webhooks_paused_at";--> statement-breakpoint
ALTER TABLE "tenants" DROP COLUMN "status_reason";--> statement-breakpoint
DROP TABLE "job_failures";--> statement-breakpoint
DROP TABLE "cron_heartbeats";
