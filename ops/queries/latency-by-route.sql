-- p50/p95/p99 latency (ms) per route over the last hour, weighted by the sample interval.
SELECT
  blob3 AS method,
  blob2 AS route,
  SUM(_sample_interval) AS requests,
  quantileExactWeighted(0.50)(double1, _sample_interval) AS p50_ms,
  quantileExactWeighted(0.95)(double1, _sample_interval) AS p95_ms,
  quantileExactWeighted(0.99)(double1, _sample_interval) AS p99_ms,
  SUM(_sample_interval * double2) / SUM(_sample_interval) AS avg_db_ms,
  SUM(_sample_interval * double3) / SUM(_sample_interval) AS avg_queries
FROM shelfwise_requests
WHERE blob1 = 'request'
  AND timestamp > NOW() - INTERVAL '1' HOUR
GROUP BY method, route
ORDER BY p99_ms DESC
LIMIT 50
FORMAT JSON
