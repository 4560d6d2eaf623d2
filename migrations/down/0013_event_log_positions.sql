DROP TRIGGER IF EXISTS events_position ON "events";--> statement-breakpoint
DROP FUNCTION IF EXISTS assign_event_position();--> statement-breakpoint
DROP INDEX IF EXISTS "events_tenant_position_idx";--> statement-breakpoint
ALTER TABLE "events" DROP COLUMN "position";--> statement-breakpoint
DROP TABLE "event_positions";
