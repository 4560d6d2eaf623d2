DROP INDEX IF EXISTS "api_keys_previous_key_hash_key";--> statement-breakpoint
ALTER TABLE "api_keys" DROP COLUMN "previous_key_expires_at";--> statement-breakpoint
ALTER TABLE "api_keys" DROP COLUMN "previous_key_hash";--> statement-breakpoint
ALTER TABLE "api_keys" DROP COLUMN "expires_at";--> statement-breakpoint
ALTER TABLE "api_keys" DROP COLUMN "last_used_ip";
