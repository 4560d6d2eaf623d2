-- Roles are cluster-wide and may serve other databases, so they stay; this database's grants go.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['api_keys', 'audit_log', 'idempotency_records', 'books', 'orders',
    'order_lines', 'events', 'webhook_endpoints', 'webhook_deliveries', 'webhook_attempts', 'files',
    'tenant_exports']
  LOOP
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t);
    EXECUTE format('DROP POLICY IF EXISTS system_access ON %I', t);
    EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', t);
  END LOOP;
END
$$;
--> statement-breakpoint
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM shelfwise_app, shelfwise_system;
--> statement-breakpoint
REVOKE USAGE ON SCHEMA public FROM shelfwise_app, shelfwise_system;
