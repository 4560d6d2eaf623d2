DROP INDEX IF EXISTS "webhook_deliveries_waiting_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "webhook_deliveries_resource_idx";--> statement-breakpoint
ALTER TABLE "webhook_deliveries" DROP COLUMN "waiting_for";--> statement-breakpoint
ALTER TABLE "webhook_deliveries" DROP COLUMN "seq";--> statement-breakpoint
ALTER TABLE "webhook_deliveries" DROP COLUMN "resource_key";--> statement-breakpoint
ALTER TABLE "events" DROP COLUMN "resource_key";--> statement-breakpoint
ALTER TABLE "events" DROP COLUMN "seq";
