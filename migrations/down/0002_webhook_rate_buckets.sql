ALTER TABLE "webhook_endpoints" DROP COLUMN "redelivery_refilled_at";--> statement-breakpoint
ALTER TABLE "webhook_endpoints" DROP COLUMN "redelivery_tokens";--> statement-breakpoint
ALTER TABLE "webhook_endpoints" DROP COLUMN "rate_refilled_at";--> statement-breakpoint
ALTER TABLE "webhook_endpoints" DROP COLUMN "rate_tokens";
