DO $$
BEGIN
  EXECUTE format('ALTER ROLE shelfwise_system IN DATABASE %I RESET idle_in_transaction_session_timeout', current_database());
  EXECUTE format('ALTER ROLE shelfwise_system IN DATABASE %I RESET lock_timeout', current_database());
  EXECUTE format('ALTER ROLE shelfwise_system IN DATABASE %I RESET statement_timeout', current_database());
  EXECUTE format('ALTER ROLE shelfwise_app IN DATABASE %I RESET idle_in_transaction_session_timeout', current_database());
  EXECUTE format('ALTER ROLE shelfwise_app IN DATABASE %I RESET lock_timeout', current_database());
  EXECUTE format('ALTER ROLE shelfwise_app IN DATABASE %I RESET statement_timeout', current_database());
END $$;
