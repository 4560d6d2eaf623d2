-- Dead-lettered deliveries per tenant, last 24 hours (kind "webhook_dead_letter").
SELECT
  index1 AS tenant_id,
  SUM(_sample_interval) AS dead_letters,
  max(timestamp) AS last_at
FROM shelfwise_requests
WHERE blob1 = 'webhook_dead_letter'
  AND timestamp > NOW() - INTERVAL '24' HOUR
GROUP BY tenant_id
ORDER BY dead_letters DESC
FORMAT JSON
