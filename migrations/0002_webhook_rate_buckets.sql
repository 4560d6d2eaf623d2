ALTER TABLE "webhook_endpoints" ADD COLUMN "rate_tokens" double precision;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "rate_refilled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "redelivery_tokens" double precision;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "redelivery_refilled_at" timestamp with time zone;