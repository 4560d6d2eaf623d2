-- Requests per minute per tenant (sample-weighted), last hour.
-- Run: ops/sql.sh ops/queries/request-rate.sql   (needs CF_ACCOUNT_ID and CF_ANALYTICS_TOKEN)
SELECT
  intDiv(toUInt32(timestamp), 60) * 60 AS minute,
  index1 AS tenant_id,
  SUM(_sample_interval) AS requests
FROM shelfwise_requests
WHERE blob1 = 'request'
  AND timestamp > NOW() - INTERVAL '1' HOUR
GROUP BY minute, tenant_id
ORDER BY minute, requests DESC
FORMAT JSON
