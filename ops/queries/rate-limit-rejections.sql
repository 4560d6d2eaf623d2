-- 429 rate_limited responses per tenant (double4 = 1), last hour, with the share of its traffic.
SELECT
  index1 AS tenant_id,
  sumIf(_sample_interval, double4 = 1) AS rejected,
  SUM(_sample_interval) AS requests,
  sumIf(_sample_interval, double4 = 1) / SUM(_sample_interval) AS rejected_share
FROM shelfwise_requests
WHERE blob1 = 'request'
  AND timestamp > NOW() - INTERVAL '1' HOUR
GROUP BY tenant_id
HAVING rejected > 0
ORDER BY rejected DESC
FORMAT JSON
