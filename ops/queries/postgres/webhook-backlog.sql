-- Webhook backlog per tenant from Postgres (the source of truth: webhook_deliveries).
-- Run as an owner/system role (RLS hides rows from shelfwise_app without a tenant):
--   psql "$DATABASE_URL" -f ops/queries/postgres/webhook-backlog.sql
SELECT
  tenant_id,
  count(*) FILTER (WHERE status = 'pending') AS pending,
  count(*) FILTER (WHERE status = 'held') AS held,
  count(*) FILTER (WHERE status = 'failed') AS failed,
  count(*) FILTER (WHERE status IN ('pending', 'held')) AS backlog,
  min(created_at) FILTER (WHERE status = 'pending') AS oldest_pending
FROM webhook_deliveries
WHERE status IN ('pending', 'held', 'failed')
GROUP BY tenant_id
ORDER BY backlog DESC, failed DESC
LIMIT 50;
