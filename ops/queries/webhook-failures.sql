-- Failed webhook attempts per tenant and endpoint, last hour (kind "webhook_attempt").
SELECT
  index1 AS tenant_id,
  blob2 AS endpoint_id,
  SUM(_sample_interval) AS attempts,
  sumIf(_sample_interval, double4 = 1) AS failed,
  sumIf(_sample_interval, double4 = 1) / SUM(_sample_interval) AS failure_rate,
  topK(3)(blob4) AS top_error_classes,
  quantileExactWeighted(0.95)(double1, _sample_interval) AS p95_latency_ms
FROM shelfwise_requests
WHERE blob1 = 'webhook_attempt'
  AND timestamp > NOW() - INTERVAL '1' HOUR
GROUP BY tenant_id, endpoint_id
ORDER BY failed DESC
LIMIT 50
FORMAT JSON
