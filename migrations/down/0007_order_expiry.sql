-- Expired orders have already released their stock; without the status they read as cancelled.
UPDATE "orders" SET "status" = 'cancelled', "cancelled_at" = coalesce("expired_at", now()) WHERE "status" = 'expired';--> statement-breakpoint
ALTER TABLE "tenants" DROP CONSTRAINT "tenants_reservation_hold_minutes_range";--> statement-breakpoint
DROP INDEX "orders_due_pending_idx";--> statement-breakpoint
ALTER TABLE "tenants" DROP COLUMN "reservation_hold_minutes";--> statement-breakpoint
ALTER TABLE "orders" DROP COLUMN "expired_at";--> statement-breakpoint
ALTER TABLE "orders" DROP COLUMN "expires_at";
