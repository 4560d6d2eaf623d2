-- Timeouts of the runtime roles, in this database only (the roles are cluster-wide): a statement
-- runs at most 10 s, waits at most 5 s for a lock, and a session idle inside a transaction for
-- 15 s is ended, so no request can pin a pooled connection. A role's settings apply at login, and
-- requests reach these roles with set_config('role', …, true) inside a transaction, so the data
-- layer also sets the same values transaction-locally (src/platform/db/tenant-scope.ts). These
-- apply to any session that logs in as the role itself. Values: docs/database.md.
DO $$
BEGIN
  EXECUTE format('ALTER ROLE shelfwise_app IN DATABASE %I SET statement_timeout = %L', current_database(), '10s');
  EXECUTE format('ALTER ROLE shelfwise_app IN DATABASE %I SET lock_timeout = %L', current_database(), '5s');
  EXECUTE format('ALTER ROLE shelfwise_app IN DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '15s');
  EXECUTE format('ALTER ROLE shelfwise_system IN DATABASE %I SET statement_timeout = %L', current_database(), '10s');
  EXECUTE format('ALTER ROLE shelfwise_system IN DATABASE %I SET lock_timeout = %L', current_database(), '5s');
  EXECUTE format('ALTER ROLE shelfwise_system IN DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '15s');
END $$;
