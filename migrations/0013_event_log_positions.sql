-- One ordered log per tenant: every event gets a position in its tenant's commit order (the
-- change feed's cursor). The counter row per tenant is taken by the inserting statement (a
-- trigger, so every writer of events gets it: the outbox, restores) and its lock is held until
-- COMMIT: a transaction that takes position n+1 waits until the one holding n committed or
-- rolled back (then it takes n itself), so positions are handed out in commit order, gap-free.
CREATE TABLE "event_positions" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"last" bigint DEFAULT 0 NOT NULL,
	"pruned_through" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "event_positions" ADD CONSTRAINT "event_positions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "position" bigint;--> statement-breakpoint
-- Existing events take their places in id order.
UPDATE "events" e SET "position" = n.position
FROM (
  SELECT id, row_number() OVER (PARTITION BY tenant_id ORDER BY id) AS position FROM "events"
) n
WHERE e.id = n.id;--> statement-breakpoint
INSERT INTO "event_positions" (tenant_id, last)
SELECT tenant_id, max(position) FROM "events" GROUP BY tenant_id;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "position" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "events_tenant_position_idx" ON "events" USING btree ("tenant_id","position");--> statement-breakpoint
CREATE FUNCTION assign_event_position() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_positions AS p (tenant_id, last) VALUES (NEW.tenant_id, 1)
  ON CONFLICT (tenant_id) DO UPDATE SET last = p.last + 1
  RETURNING p.last INTO NEW.position;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER events_position BEFORE INSERT ON "events"
FOR EACH ROW EXECUTE FUNCTION assign_event_position();--> statement-breakpoint
-- A tenant table as in 0001: the request role reaches its tenant's row only.
GRANT SELECT, INSERT, UPDATE, DELETE ON event_positions TO shelfwise_app, shelfwise_system;--> statement-breakpoint
ALTER TABLE event_positions ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE event_positions FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON event_positions TO shelfwise_app
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), ''))
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), ''));--> statement-breakpoint
CREATE POLICY system_access ON event_positions TO shelfwise_system USING (true) WITH CHECK (true);
