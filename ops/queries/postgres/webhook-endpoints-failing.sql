-- Endpoints the circuit breaker suspended or that are close to it, with their held deliveries.
SELECT
  e.tenant_id,
  e.id AS endpoint_id,
  e.url,
  e.status,
  e.status_reason,
  e.consecutive_failures,
  count(d.id) FILTER (WHERE d.status = 'held') AS held,
  count(d.id) FILTER (WHERE d.status = 'failed') AS failed
FROM webhook_endpoints e
LEFT JOIN webhook_deliveries d ON d.endpoint_id = e.id AND d.status IN ('held', 'failed')
WHERE e.status = 'suspended' OR e.consecutive_failures >= 3
GROUP BY e.tenant_id, e.id
ORDER BY held DESC, e.consecutive_failures DESC;
