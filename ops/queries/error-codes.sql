-- Which problem codes tenants are getting, last hour (blob7 = error code, "" on success).
SELECT
  index1 AS tenant_id,
  blob7 AS error_code,
  blob4 AS status_class,
  SUM(_sample_interval) AS responses
FROM shelfwise_requests
WHERE blob1 = 'request'
  AND blob7 != ''
  AND timestamp > NOW() - INTERVAL '1' HOUR
GROUP BY tenant_id, error_code, status_class
ORDER BY responses DESC
LIMIT 100
FORMAT JSON
