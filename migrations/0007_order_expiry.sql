ALTER TABLE "orders" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "expired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tenants" ADD COLUMN "reservation_hold_minutes" integer;--> statement-breakpoint
CREATE INDEX "orders_due_pending_idx" ON "orders" USING btree ("expires_at","id") WHERE "orders"."status" = 'pending';--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_reservation_hold_minutes_range" CHECK ("tenants"."reservation_hold_minutes" between 1 and 10080);--> statement-breakpoint
-- Orders already pending when expiry ships get the default hold from their creation time.
UPDATE "orders" SET "expires_at" = "created_at" + interval '30 minutes' WHERE "status" = 'pending' AND "expires_at" IS NULL;
