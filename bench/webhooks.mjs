// `node bench/webhooks.mjs [--events N] [--endpoints K]` (through scripts/with-node22.sh):
// webhook deliveries per second through the whole pipeline (mutation → outbox → post-commit relay
// → queue → signing consumer → local receiver) against a plain fetch loop to the same receiver,
// in one run, plus latency from commit (the event's timestamp, written in the mutation's
// transaction) to receipt. Uses the bench harness's stack (Postgres + wrangler dev, local queues).
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import { Webhook } from "standardwebhooks";
import { createStack } from "./lib/stack.mjs";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "200" },
    endpoints: { type: "string", default: "5" },
    writers: { type: "string", default: "5" },
    log: { type: "boolean", default: false },
  },
});
const EVENTS = Number(values.events);
const ENDPOINTS = Number(values.endpoints);
const WRITERS = Number(values.writers);
const say = (m) => console.log(`[webhooks-bench] ${m}`);

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** ISBN-13 with a valid check digit from a running number. */
function isbn(n) {
  const body = `978${String(n).padStart(9, "0")}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
}

/** The receiver: answers 204, verifies signatures, records receipt times. */
async function startReceiver() {
  const secrets = new Map();
  const state = { received: [], verified: 0, failedVerification: 0, plain: 0 };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (c) => chunks.push(c));
    request.on("end", () => {
      const at = Date.now();
      const body = Buffer.concat(chunks).toString("utf8");
      const path = request.url ?? "";
      if (path.startsWith("/plain")) {
        state.plain++;
        return void response.writeHead(204).end();
      }
      const secret = secrets.get(path);
      try {
        const payload = new Webhook(secret).verify(body, request.headers);
        state.verified++;
        state.received.push({
          at,
          path,
          committed: Date.parse(payload.timestamp),
          id: request.headers["webhook-id"],
        });
      } catch {
        state.failedVerification++;
      }
      response.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, secrets, state, close: () => server.close() };
}

async function main() {
  const receiver = await startReceiver();
  const stack = createStack({ onStatus: say });
  try {
    await stack.start();
    const base = stack.baseUrl;
    const call = async (path, { key, method = "GET", json } = {}) => {
      const response = await fetch(new URL(path, base), {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(json !== undefined ? { "content-type": "application/json" } : {}),
        },
        body: json !== undefined ? JSON.stringify(json) : undefined,
      });
      const body = await response.json().catch(() => null);
      if (response.status >= 300)
        throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(body)}`);
      return body;
    };
    const provisioned = await call("/admin/tenants", {
      key: stack.operatorToken,
      method: "POST",
      json: {
        name: "Webhook bench",
        plan: "enterprise",
        limits: { requests_per_hour: 10_000_000, webhook_rate_per_second: 1000 },
      },
    });
    const admin = provisioned.api_key.key;
    for (let i = 0; i < ENDPOINTS; i++) {
      const path = `/hook/${i}`;
      const created = await call("/v2/webhook-endpoints", {
        key: admin,
        method: "POST",
        json: { url: `${receiver.url}${path}`, event_types: ["book.created"] },
      });
      receiver.secrets.set(path, created.secret);
    }
    // One more endpoint, for book.updated only: the latency phase (no backlog in the way).
    const latencyPath = "/latency";
    const latencyEndpoint = await call("/v2/webhook-endpoints", {
      key: admin,
      method: "POST",
      json: { url: `${receiver.url}${latencyPath}`, event_types: ["book.updated"] },
    });
    receiver.secrets.set(latencyPath, latencyEndpoint.secret);
    // Several keys: the per-credential limit (100/min) stays out of the way of the writers.
    const keys = [];
    for (let i = 0; i < WRITERS; i++) {
      keys.push(
        (
          await call("/v2/api-keys", {
            key: admin,
            method: "POST",
            json: { name: `w${i}`, role: "editor" },
          })
        ).key,
      );
    }

    const expected = EVENTS * ENDPOINTS;
    say(
      `pipeline: ${EVENTS} book.created events × ${ENDPOINTS} endpoints = ${expected} deliveries`,
    );
    let next = 0;
    let firstBook = null;
    const started = Date.now();
    await Promise.all(
      keys.map(async (key, w) => {
        while (next < EVENTS) {
          const n = next++;
          const book = await call("/v2/books", {
            key,
            method: "POST",
            json: {
              isbn: isbn(n * WRITERS + w),
              title: `Bench ${n}`,
              authors: ["B"],
              price: { amount: 100, currency: "EUR" },
            },
          });
          if (n === 0) firstBook = book;
        }
      }),
    );
    const writesDone = Date.now();
    while (
      receiver.state.verified + receiver.state.failedVerification < expected &&
      Date.now() - started < 300_000
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const received = receiver.state.received.filter((r) => r.path !== latencyPath);

    // Latency phase: one book.updated every 300 ms, delivered to one endpoint, nothing queued.
    const LATENCY_EVENTS = 30;
    const before = receiver.state.verified;
    for (let i = 0; i < LATENCY_EVENTS; i++) {
      const updated = await fetch(new URL(`/v2/books/${firstBook.id}`, base), {
        method: "PATCH",
        headers: {
          authorization: `Bearer ${keys[i % keys.length]}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ title: `Bench update ${i}` }),
      });
      if (updated.status >= 300)
        throw new Error(`PATCH book: ${updated.status} ${await updated.text()}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    while (receiver.state.verified < before + LATENCY_EVENTS && Date.now() - started < 400_000) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const quiet = receiver.state.received
      .filter((r) => r.path === latencyPath)
      .map((r) => r.at - r.committed)
      .sort((a, b) => a - b);
    const firstCommit = Math.min(...received.map((r) => r.committed));
    const lastReceipt = Math.max(...received.map((r) => r.at));
    const pipelineRate = received.length / ((lastReceipt - firstCommit) / 1000);
    const latencies = received.map((r) => r.at - r.committed).sort((a, b) => a - b);
    const writeRate = EVENTS / ((writesDone - started) / 1000);

    // Baseline: a plain fetch loop to the same receiver, same body size, same count.
    const sample = JSON.stringify({
      type: "book.created",
      timestamp: new Date().toISOString(),
      data: { id: "x".repeat(200) },
    });
    const plainLoop = async (concurrency) => {
      let i = 0;
      const t0 = Date.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (i++ < expected) {
            const r = await fetch(`${receiver.url}/plain`, {
              method: "POST",
              body: sample,
              headers: { "content-type": "application/json" },
            });
            await r.arrayBuffer();
          }
        }),
      );
      return expected / ((Date.now() - t0) / 1000);
    };
    const plainSequential = await plainLoop(1);
    const plainConcurrent = await plainLoop(10);

    const result = {
      events: EVENTS,
      endpoints: ENDPOINTS,
      deliveries_expected: expected,
      deliveries_verified: receiver.state.verified,
      verification_failures: receiver.state.failedVerification,
      duplicates: received.length - new Set(received.map((r) => `${r.path} ${r.id}`)).size,
      mutation_rate_per_s: Math.round(writeRate * 10) / 10,
      pipeline_deliveries_per_s: Math.round(pipelineRate * 10) / 10,
      plain_fetch_loop_per_s: Math.round(plainSequential * 10) / 10,
      plain_fetch_10_concurrent_per_s: Math.round(plainConcurrent * 10) / 10,
      pipeline_vs_plain_loop: `${Math.round((pipelineRate / plainSequential) * 1000) / 10}%`,
      commit_to_receipt_unloaded_ms: {
        events: quiet.length,
        p50: percentile(quiet, 50),
        p99: percentile(quiet, 99),
        max: quiet.at(-1),
      },
      commit_to_receipt_under_backlog_ms: {
        p50: percentile(latencies, 50),
        p90: percentile(latencies, 90),
        p99: percentile(latencies, 99),
        max: latencies.at(-1),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    if (values.log) console.log(stack.log(80));
  } finally {
    await stack.stop();
    receiver.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
