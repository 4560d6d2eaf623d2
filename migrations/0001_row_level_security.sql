-- Row-level security: the backstop behind the tenant-scoped data helper (DESIGN.md invariant 2).
-- shelfwise_app: used for every tenant request; owns nothing, cannot bypass RLS, and sees only the
--   rows of the tenant set with set_config('app.tenant_id', …, true) in the current transaction.
--   Without that setting it sees nothing (fail closed).
-- shelfwise_system: used by operator routes, the auth lookup, queue consumers and cron jobs, which
--   work across tenants by design; it also owns nothing and cannot bypass RLS, it has an explicit policy.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shelfwise_app') THEN
    CREATE ROLE shelfwise_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shelfwise_system') THEN
    CREATE ROLE shelfwise_system NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
  END IF;
  -- The migrating (connecting) role must be able to SET ROLE to both.
  EXECUTE format('GRANT shelfwise_app, shelfwise_system TO %I', current_user);
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO shelfwise_app, shelfwise_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO shelfwise_system;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON
  api_keys, audit_log, idempotency_records, books, orders, order_lines, events,
  webhook_endpoints, webhook_deliveries, webhook_attempts, files, tenant_exports
  TO shelfwise_app;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['api_keys', 'audit_log', 'idempotency_records', 'books', 'orders',
    'order_lines', 'events', 'webhook_endpoints', 'webhook_deliveries', 'webhook_attempts', 'files',
    'tenant_exports']
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
