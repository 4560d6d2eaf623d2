-- The rate limiter's own events (kind "rate_limit"): rejected, rejected_locally (refused in the
-- isolate without a Durable Object call) and fail_open (the object was unreachable; served).
SELECT
  index1 AS tenant_id,
  blob2 AS event,
  SUM(_sample_interval) AS events
FROM shelfwise_requests
WHERE blob1 = 'rate_limit'
  AND timestamp > NOW() - INTERVAL '1' HOUR
GROUP BY tenant_id, event
ORDER BY events DESC
FORMAT JSON
