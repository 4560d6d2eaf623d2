-- Average database queries and time per request, per route, last hour (N+1 detector).
SELECT
  blob3 AS method,
  blob2 AS route,
  SUM(_sample_interval) AS requests,
  SUM(_sample_interval * double3) / SUM(_sample_interval) AS avg_queries,
  SUM(_sample_interval * double2) / SUM(_sample_interval) AS avg_db_ms
FROM shelfwise_requests
WHERE blob1 = 'request'
  AND timestamp > NOW() - INTERVAL '1' HOUR
GROUP BY method, route
ORDER BY avg_queries DESC
LIMIT 50
FORMAT JSON
