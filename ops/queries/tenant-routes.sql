-- One tenant's traffic by route, last hour. Replace ten_… with the tenant id.
SELECT
  blob3 AS method,
  blob2 AS route,
  blob4 AS status_class,
  SUM(_sample_interval) AS requests,
  quantileExactWeighted(0.99)(double1, _sample_interval) AS p99_ms
FROM shelfwise_requests
WHERE blob1 = 'request'
  AND index1 = 'ten_REPLACE_ME'
  AND timestamp > NOW() - INTERVAL '1' HOUR
GROUP BY method, route, status_class
ORDER BY requests DESC
FORMAT JSON
