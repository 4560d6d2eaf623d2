// One autocannon run and the figures the report shows.
import autocannon from "autocannon";

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round = (value, digits = 2) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/** The autocannon request entry for a scenario's request. */
export function toAutocannonRequest(request) {
  const headers = { ...(request.headers ?? {}) };
  let body = request.body;
  if (body !== undefined && typeof body !== "string") {
    body = JSON.stringify(body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) {
      headers["content-type"] = "application/json";
    }
  }
  const entry = { method: request.method ?? "GET", path: request.path, headers };
  if (body !== undefined) entry.body = body;
  if (request.setupRequest) entry.setupRequest = request.setupRequest;
  return entry;
}

/**
 * Drives `baseUrl` with `request` for `duration` seconds over `connections` connections.
 * Latencies are taken from every response (2xx or not) at sub-millisecond resolution.
 * `signal` aborts the run early (its figures are then partial).
 */
export async function measure({ baseUrl, request, connections, duration, signal }) {
  const latencies = [];
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration,
    requests: [toAutocannonRequest(request)],
    timeout: 10,
  });
  instance.on("response", (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const abort = () => instance.stop();
  signal?.addEventListener("abort", abort, { once: true });
  try {
    const result = await instance;
    latencies.sort((a, b) => a - b);
    const seconds = result.duration || duration;
    return {
      connections,
      duration_s: seconds,
      requests: result.requests.total,
      rps: round(result.requests.total / seconds, 1),
      p50_ms: round(percentile(latencies, 50)),
      p99_ms: round(percentile(latencies, 99)),
      max_ms: round(latencies.at(-1) ?? null),
      non_2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      status_codes: Object.fromEntries(
        Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
      ),
    };
  } finally {
    signal?.removeEventListener("abort", abort);
  }
}
