-- Sessions waiting on locks, with who blocks them and for how long.
SELECT
  waiting.pid AS waiting_pid,
  now() - waiting.query_start AS waiting_for,
  left(waiting.query, 120) AS waiting_query,
  blocking.pid AS blocking_pid,
  blocking.state AS blocking_state,
  now() - blocking.xact_start AS blocking_xact_age,
  left(blocking.query, 120) AS blocking_query
FROM pg_stat_activity waiting
JOIN LATERAL unnest(pg_blocking_pids(waiting.pid)) AS b(pid) ON true
JOIN pg_stat_activity blocking ON blocking.pid = b.pid
ORDER BY waiting_for DESC;
