-- What GET /admin/ops/tenants?window=24h reads when CF_ACCOUNT_ID and CF_ANALYTICS_TOKEN are set
-- (src/features/ops/analytics-sql.ts builds the same query with the chosen window).
SELECT
  index1 AS tenant_id,
  SUM(_sample_interval) AS requests,
  sumIf(_sample_interval, double7 >= 500) AS server_errors,
  sumIf(_sample_interval, double7 >= 400 AND double7 < 500) AS client_errors,
  sumIf(_sample_interval, double4 = 1) AS rate_limited
FROM shelfwise_requests
WHERE blob1 = 'request' AND index1 != 'anonymous'
  AND timestamp > NOW() - INTERVAL '1440' MINUTE
GROUP BY tenant_id
FORMAT JSON
