-- p50/p95/p99 latency (ms) per tenant over the last hour, weighted by the sample interval.
SELECT
  index1 AS tenant_id,
  SUM(_sample_interval) AS requests,
  quantileWeighted(0.50, double1, _sample_interval) AS p50_ms,
  quantileWeighted(0.95, double1, _sample_interval) AS p95_ms,
  quantileWeighted(0.99, double1, _sample_interval) AS p99_ms
FROM shelfwise_requests
WHERE blob1 = 'request'
  AND timestamp > NOW() - INTERVAL '1' HOUR
GROUP BY tenant_id
ORDER BY p99_ms DESC
LIMIT 50
FORMAT JSON
