// Health checks: the ceiling of the stack (/health/live runs only the request middleware) and
// one round trip to each dependency (/health/ready: Postgres through Hyperdrive, R2, two DOs).

/** @type {import("../lib/scenario.mjs").Scenario[]} */
export const scenarios = [
  {
    name: "health-live",
    description: "GET /health/live: no dependencies, the throughput ceiling",
    request: { method: "GET", path: "/health/live" },
  },
  {
    name: "health-ready",
    description: "GET /health/ready: Postgres (select 1), R2 head and two Durable Object pings",
    request: { method: "GET", path: "/health/ready" },
    compareTo: "health-live",
  },
];
