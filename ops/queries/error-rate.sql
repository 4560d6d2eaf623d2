-- 5xx and 4xx rates per tenant and route over the last 15 minutes, worst first.
-- error_rate is 5xx / requests (the alert's figure); client_error_rate includes 429s.
SELECT
  index1 AS tenant_id,
  blob2 AS route,
  SUM(_sample_interval) AS requests,
  sumIf(_sample_interval, double7 >= 500) AS server_errors,
  sumIf(_sample_interval, double7 >= 500) / SUM(_sample_interval) AS error_rate,
  sumIf(_sample_interval, double7 >= 400 AND double7 < 500) / SUM(_sample_interval) AS client_error_rate
FROM shelfwise_requests
WHERE blob1 = 'request'
  AND timestamp > NOW() - INTERVAL '15' MINUTE
GROUP BY tenant_id, route
HAVING requests >= 10
ORDER BY error_rate DESC, requests DESC
LIMIT 50
FORMAT JSON
