-- blocking-index-ok: api_keys holds a few keys per tenant, and the new column is null in every row when the index is built
ALTER TABLE "api_keys" ADD COLUMN "last_used_ip" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "previous_key_hash" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "previous_key_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_previous_key_hash_key" ON "api_keys" USING btree ("previous_key_hash");