DROP TABLE IF EXISTS webhook_attempts, webhook_deliveries, webhook_endpoints, tenant_exports, files,
  order_lines, orders, events, books, idempotency_records, audit_log, api_keys, tenants CASCADE;
