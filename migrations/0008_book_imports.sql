CREATE TABLE "book_import_errors" (
	"id" text PRIMARY KEY NOT NULL,
	"import_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"line" integer NOT NULL,
	"field" text NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "book_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"status" text NOT NULL,
	"format" text NOT NULL,
	"r2_key" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"requested_by" text NOT NULL,
	"next_line" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "book_import_errors" ADD CONSTRAINT "book_import_errors_import_id_book_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."book_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_import_errors" ADD CONSTRAINT "book_import_errors_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "book_imports" ADD CONSTRAINT "book_imports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "book_import_errors_line_key" ON "book_import_errors" USING btree ("import_id","line","field");--> statement-breakpoint
CREATE INDEX "book_imports_tenant_idx" ON "book_imports" USING btree ("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "book_imports_one_active_key" ON "book_imports" USING btree ("tenant_id") WHERE "book_imports"."status" in ('uploading', 'queued', 'running');
--> statement-breakpoint
-- Tenant tables, as in 0001: the request role sees its tenant's rows only, the system role (the
-- jobs consumer) every tenant's, neither bypasses RLS.
GRANT SELECT, INSERT, UPDATE, DELETE ON book_imports, book_import_errors TO shelfwise_app, shelfwise_system;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['book_imports', 'book_import_errors']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I TO shelfwise_app '
      'USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')) '
      'WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), ''''))', t);
    EXECUTE format('CREATE POLICY system_access ON %I TO shelfwise_system USING (true) WITH CHECK (true)', t);
  END LOOP;
END
$$;
