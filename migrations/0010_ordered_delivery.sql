ALTER TABLE "events" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "resource_key" text GENERATED ALWAYS AS (regexp_replace(type, '[.][^.]*$', '') || ':' || (payload -> 'data' ->> 'id')) STORED;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "resource_key" text;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD COLUMN "waiting_for" text;--> statement-breakpoint
CREATE INDEX "webhook_deliveries_resource_idx" ON "webhook_deliveries" USING btree ("endpoint_id","resource_key","seq") WHERE "webhook_deliveries"."resource_key" is not null and "webhook_deliveries"."status" in ('pending', 'held');--> statement-breakpoint
CREATE INDEX "webhook_deliveries_waiting_idx" ON "webhook_deliveries" USING btree ("waiting_for") WHERE "webhook_deliveries"."waiting_for" is not null;--> statement-breakpoint
-- Inserting an event takes the next number of its sequence: both roles that write events need it.
GRANT USAGE ON SEQUENCE events_seq_seq TO shelfwise_app, shelfwise_system;
