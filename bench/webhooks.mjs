// `node bench/webhooks.mjs [--backlog N] [--events N] [--endpoints K] [--receiver-ms L]` (through
// scripts/with-node22.sh): webhook deliveries per second through the whole pipeline (outbox →
// relay → queue → signing consumer with its Postgres rows → local receiver) against a plain fetch
// loop to the same receiver, in one run, plus latency from commit to receipt.
//   1. Drain: N events committed in one transaction, fanned out to K endpoints; rate from the
//      commit to the last receipt (the write path does not bound it).
//   2. Baselines right after: plain fetch loops (same receiver, body, count) from inside the
//      Worker and from Node, sequential and 10 at a time.
//      The drain is also compared with an in-Worker loop at the consumer's send-slot concurrency
//      (--slots, default 5): the fair ceiling for the consumer.
//      workerd's CPU time (from /proc, Linux) per delivery over the drain and per fetch of that loop.
//      --profile adds a CPU profile of the Worker's isolate over the drain (lib/cpu-profile.mjs).
//   2b. Ordered drain: the same backlog to K endpoints with ordering "per_resource" (events over
//      --ordered-resources resources), its rate next to the unordered drain's; per-resource order
//      is checked at the receiver.
//   3. Live writes: events from POST /v2/books by several writers (bounded by the write rate).
//   4. Latency with nothing queued.
//   5. Held drain: the same backlog for a tenant whose webhooks are paused (relay, queue, load,
//      every delivery held, none sent): workerd's CPU per delivery before the send.
// The receiver answers at once, or after --receiver-ms (every phase, the loops included).
// Uses the bench harness's stack (embedded Postgres, or DATABASE_URL; wrangler dev, local queues).
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { Webhook } from "standardwebhooks";
import { startCpuProfile } from "./lib/cpu-profile.mjs";
import { cpuMeter, cpuMilliseconds, descendantsNamed, processesNamed } from "./lib/proc.mjs";
import { createStack } from "./lib/stack.mjs";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "200" },
    backlog: { type: "string", default: "1000" },
    endpoints: { type: "string", default: "5" },
    writers: { type: "string", default: "5" },
    // The consumer's send slots per batch (src/platform/webhooks/send-slots.ts): the fetch loop at
    // that concurrency is the fair baseline for the drain.
    slots: { type: "string", default: "5" },
    // Milliseconds the receiver takes before it answers (default 0: at once). Real receivers take
    // tens of milliseconds; with an instant one every send is pure CPU in workerd, and nothing
    // can overlap with it on workerd's one JavaScript thread.
    "receiver-ms": { type: "string", default: "0" },
    // Resources the ordered drain's events are about (default: one each, like the unordered one).
    "ordered-resources": { type: "string" },
    log: { type: "boolean", default: false },
    // A CPU profile of the Worker's isolate over the drain: shares by module and function.
    profile: { type: "boolean", default: false },
  },
});
const EVENTS = Number(values.events);
const BACKLOG = Number(values.backlog);
const ENDPOINTS = Number(values.endpoints);
const WRITERS = Number(values.writers);
const SLOTS = Number(values.slots);
const RECEIVER_MS = Number(values["receiver-ms"]);
const ORDERED_RESOURCES = Number(values["ordered-resources"] ?? values.backlog);
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

/**
 * The receiver: answers 204 at once and keeps what arrived; signatures are verified with the
 * `standardwebhooks` library after the measurement, so verifying costs the pipeline nothing the
 * plain loops do not pay too.
 */
async function startReceiver() {
  const secrets = new Map();
  const state = { arrivals: [], plain: 0 };
  const server = createServer((request, response) => {
    const chunks = [];
    request.on("data", (c) => chunks.push(c));
    request.on("end", () => {
      const at = Date.now();
      const path = request.url ?? "";
      if (path.startsWith("/plain")) state.plain++;
      else state.arrivals.push({ at, path, headers: request.headers, chunks });
      if (RECEIVER_MS > 0) setTimeout(() => response.writeHead(204).end(), RECEIVER_MS);
      else response.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  /** Verifies every arrival once; returns the verified deliveries of `paths` (all if omitted). */
  const verified = { list: [], failures: 0, checked: 0 };
  const verify = () => {
    for (; verified.checked < state.arrivals.length; verified.checked++) {
      const { at, path, headers, chunks } = state.arrivals[verified.checked];
      try {
        const body = Buffer.concat(chunks).toString("utf8");
        const payload = new Webhook(secrets.get(path)).verify(body, headers);
        verified.list.push({
          at,
          path,
          committed: Date.parse(payload.timestamp),
          id: headers["webhook-id"],
          resource: payload.data?.id,
          index: Number(/(\d+)$/.exec(payload.data?.title ?? "")?.[1] ?? -1),
        });
      } catch {
        verified.failures++;
      }
    }
    return verified;
  };
  return { url: `http://127.0.0.1:${port}`, secrets, state, verify, close: () => server.close() };
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
    /** A tenant with limits high enough to stay out of the way; answers its id and admin key. */
    const provision = async (name) => {
      const { tenant, api_key } = await call("/admin/tenants", {
        key: stack.operatorToken,
        method: "POST",
        json: {
          name,
          plan: "enterprise",
          limits: { requests_per_hour: 10_000_000, webhook_rate_per_second: 1000 },
        },
      });
      return { id: tenant.id, admin: api_key.key };
    };
    /** ENDPOINTS endpoints at `${prefix}0…`, for book.created only. */
    const bookEndpointsUnder = async (admin, prefix) => {
      for (let i = 0; i < ENDPOINTS; i++) {
        const path = `${prefix}${i}`;
        const created = await call("/v2/webhook-endpoints", {
          key: admin,
          method: "POST",
          json: { url: `${receiver.url}${path}`, event_types: ["book.created"] },
        });
        receiver.secrets.set(path, created.secret);
      }
    };
    const { admin } = await provision("Webhook bench");
    await bookEndpointsUnder(admin, "/hook/");
    // As many ordered endpoints (ordering: per_resource), for book.deleted only: the ordered drain.
    for (let i = 0; i < ENDPOINTS; i++) {
      const path = `/ordered/${i}`;
      const created = await call("/v2/webhook-endpoints", {
        key: admin,
        method: "POST",
        json: { url: `${receiver.url}${path}`, event_types: ["book.deleted"] },
      });
      await call("/bench/webhooks/ordering", {
        key: admin,
        method: "POST",
        json: { endpoint_id: created.id, ordering: "per_resource" },
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

    const bookEndpoints = [...receiver.secrets.keys()].filter((p) => p.startsWith("/hook/"));
    const arrivalsAt = (path) => receiver.state.arrivals.filter((a) => a.path === path).length;
    const arrivalsUnder = (prefix) =>
      receiver.state.arrivals.filter((a) => a.path.startsWith(prefix)).length;
    const bookArrivals = () => arrivalsUnder("/hook/");
    const waitFor = async (condition, limitMs) => {
      const until = Date.now() + limitMs;
      while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    };

    // 1. Drain: BACKLOG events committed in one transaction, relayed by the product's relay, and
    // delivered through queue and consumer. Rate from the commit to the last receipt.
    const drainExpected = BACKLOG * ENDPOINTS;
    say(`drain: ${BACKLOG} events × ${ENDPOINTS} endpoints = ${drainExpected} deliveries`);
    // Where the machine's CPU goes: workerd (all its threads and isolates: relay, queue,
    // consumer); PostgreSQL 15's server processes, none when the database is embedded in this
    // process; this process (receiver, verification, PGlite).
    const cpu = cpuMeter({
      workerd: () =>
        descendantsNamed(stack.pid, "workerd").reduce((sum, pid) => sum + cpuMilliseconds(pid), 0),
      postgres: () =>
        processesNamed("postgres").reduce((sum, pid) => sum + cpuMilliseconds(pid, true), 0),
      benchmark_process: () => {
        const { user, system } = process.cpuUsage();
        return (user + system) / 1000;
      },
    });
    const drainCpu = cpu.start();
    const profiler = values.profile
      ? await startCpuProfile(stack.inspectorPort, stack.bundlePath)
      : null;
    const backlog = await call("/bench/webhooks/backlog", {
      key: admin,
      method: "POST",
      json: { count: BACKLOG },
    });
    const committed = Date.parse(backlog.committed_at);
    await waitFor(() => bookArrivals() >= drainExpected, 300_000);
    const drainUsage = drainCpu();
    const drainProfile = await profiler?.stop();
    const drained = receiver.state.arrivals.slice(0, bookArrivals());
    const drainEnd = Math.max(...drained.map((a) => a.at));
    const drainRate = drained.length / ((drainEnd - committed) / 1000);
    const drainLatencies = drained.map((a) => a.at - committed).sort((a, b) => a - b);

    // 2. Baselines, right after: plain fetch loops to the same receiver, same body, same count,
    // from inside the Worker (the runtime that delivers) and from this Node process.
    const sample = Buffer.concat(drained[0]?.chunks ?? []).toString("utf8");
    const workerLoop = async (concurrency) =>
      (
        await call("/bench/webhooks/fetch-loop", {
          key: admin,
          method: "POST",
          json: { url: `${receiver.url}/plain`, count: drainExpected, concurrency, body: sample },
        })
      ).per_second;
    const nodeLoop = async (concurrency) => {
      let i = 0;
      const t0 = Date.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (i++ < drainExpected) {
            const r = await fetch(`${receiver.url}/plain`, {
              method: "POST",
              body: sample,
              headers: { "content-type": "application/json" },
            });
            await r.arrayBuffer();
          }
        }),
      );
      return drainExpected / ((Date.now() - t0) / 1000);
    };
    const workerSequential = await workerLoop(1);
    const workerConcurrent = await workerLoop(10);
    const loopCpu = cpu.start();
    const workerSameConcurrency = await workerLoop(SLOTS);
    const loopUsage = loopCpu();
    const nodeSequential = await nodeLoop(1);
    const nodeConcurrent = await nodeLoop(10);

    // 2b. Ordered drain: the same backlog to as many ordered (per_resource) endpoints.
    say(`ordered drain: ${BACKLOG} events over ${ORDERED_RESOURCES} resources × ${ENDPOINTS}`);
    const orderedBacklog = await call("/bench/webhooks/backlog", {
      key: admin,
      method: "POST",
      json: { count: BACKLOG, type: "book.deleted", resources: ORDERED_RESOURCES },
    });
    const orderedCommitted = Date.parse(orderedBacklog.committed_at);
    await waitFor(() => arrivalsUnder("/ordered/") >= drainExpected, 300_000);
    const ordered = receiver.state.arrivals.filter((a) => a.path.startsWith("/ordered/"));
    const orderedRate =
      ordered.length / ((Math.max(...ordered.map((a) => a.at)) - orderedCommitted) / 1000);

    // 3. Live writes: each POST /v2/books commits one event, fanned out to every endpoint.
    const liveExpected = EVENTS * ENDPOINTS;
    say(`live writes: ${EVENTS} book.created events × ${ENDPOINTS} endpoints`);
    const liveFrom = receiver.state.arrivals.length;
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
    await waitFor(() => bookArrivals() >= drainExpected + liveExpected, 300_000);

    // 4. Latency with nothing queued: one book.updated every 300 ms to one endpoint.
    const LATENCY_EVENTS = 30;
    for (let i = 0; i < LATENCY_EVENTS; i++) {
      await call(`/v2/books/${firstBook.id}`, {
        key: keys[i % keys.length],
        method: "PATCH",
        json: { title: `Bench update ${i}` },
      });
      await new Promise((r) => setTimeout(r, 300));
    }
    await waitFor(() => arrivalsAt(latencyPath) >= LATENCY_EVENTS, 60_000);

    // 5. Held drain: the same backlog for a second tenant whose webhooks an operator paused.
    // Relay, queue and the consumer's load run as in the drain, but every delivery is held
    // instead of sent: workerd's CPU per delivery for everything before the send.
    say(`held drain: ${BACKLOG} events × ${ENDPOINTS} endpoints of a paused tenant`);
    const heldTenant = await provision("Webhook bench (paused)");
    await bookEndpointsUnder(heldTenant.admin, "/held/");
    await call(`/admin/tenants/${heldTenant.id}/webhooks/pause`, {
      key: stack.operatorToken,
      method: "POST",
      json: { reason: "benchmark: everything but the sends" },
    });
    const heldCpu = cpu.start();
    await call("/bench/webhooks/backlog", {
      key: heldTenant.admin,
      method: "POST",
      json: { count: BACKLOG },
    });
    let held = 0;
    for (const until = Date.now() + 120_000; held < drainExpected && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 100));
      held = (await call(`/admin/ops/tenants/${heldTenant.id}`, { key: stack.operatorToken }))
        .webhooks.held;
    }
    const heldUsage = heldCpu();

    // Every arrival verified with standardwebhooks, now that nothing is being timed.
    const verified = receiver.verify();
    const live = verified.list
      .slice(liveFrom)
      .filter((r) => r.path !== latencyPath && bookEndpoints.includes(r.path));
    const liveFirstCommit = Math.min(...live.map((r) => r.committed));
    const liveRate = live.length / ((Math.max(...live.map((r) => r.at)) - liveFirstCommit) / 1000);
    const liveLatencies = live.map((r) => r.at - r.committed).sort((a, b) => a - b);
    const quiet = verified.list
      .filter((r) => r.path === latencyPath)
      .map((r) => r.at - r.committed)
      .sort((a, b) => a - b);
    const bookDeliveries = verified.list.filter((r) => r.path !== latencyPath);
    // Ordered endpoints: per endpoint, the events of one resource arrived in commit order (the
    // backlog's events were inserted in index order; each event's data.title carries its index).
    let orderViolations = 0;
    const lastSeen = new Map();
    for (const r of verified.list.filter((v) => v.path.startsWith("/ordered/"))) {
      const key = `${r.path} ${r.resource}`;
      if ((lastSeen.get(key) ?? -1) > r.index) orderViolations++;
      lastSeen.set(key, Math.max(lastSeen.get(key) ?? -1, r.index));
    }
    const round = (n) => Math.round(n * 10) / 10;
    const percent = (a, b) => `${Math.round((a / b) * 1000) / 10}%`;

    const result = {
      database: stack.database,
      endpoints: ENDPOINTS,
      receiver_ms: RECEIVER_MS,
      deliveries_expected: drainExpected * 2 + liveExpected + LATENCY_EVENTS,
      deliveries_verified: verified.list.length,
      verification_failures: verified.failures,
      duplicates:
        bookDeliveries.length - new Set(bookDeliveries.map((r) => `${r.path} ${r.id}`)).size,
      drain: {
        deliveries: drained.length,
        pipeline_deliveries_per_s: round(drainRate),
        plain_fetch_loop_in_worker_per_s: round(workerSequential),
        plain_fetch_loop_in_worker_10_concurrent_per_s: round(workerConcurrent),
        plain_fetch_loop_node_per_s: round(nodeSequential),
        plain_fetch_loop_node_10_concurrent_per_s: round(nodeConcurrent),
        pipeline_vs_worker_loop: percent(drainRate, workerSequential),
        pipeline_vs_node_loop: percent(drainRate, nodeSequential),
        pipeline_vs_worker_loop_10_concurrent: percent(drainRate, workerConcurrent),
        [`plain_fetch_loop_in_worker_${SLOTS}_concurrent_per_s`]: round(workerSameConcurrency),
        [`pipeline_vs_worker_loop_same_concurrency_${SLOTS}`]: percent(
          drainRate,
          workerSameConcurrency,
        ),
        // Linux only (from /proc); 0 elsewhere.
        workerd_cpu_ms_per_delivery:
          Math.round((drainUsage.cpuMs.workerd / drained.length) * 1000) / 1000,
        [`workerd_cpu_ms_per_fetch_in_loop_${SLOTS}_concurrent`]:
          Math.round((loopUsage.cpuMs.workerd / drainExpected) * 1000) / 1000,
        // The same backlog for a paused tenant: relay, queue and load, every delivery held.
        held_drain: {
          deliveries_held: held,
          workerd_cpu_ms_per_delivery:
            Math.round((heldUsage.cpuMs.workerd / drainExpected) * 1000) / 1000,
        },
        // Cores busy (of the machine's `cores`) from the backlog request to the last receipt,
        // and over the same-concurrency loop: a drain that keeps the machine busy cannot gain
        // from overlapping its steps.
        cores_busy_during_drain: { cores: availableParallelism(), ...drainUsage.cores },
        [`cores_busy_during_loop_${SLOTS}_concurrent`]: loopUsage.cores,
        commit_to_receipt_ms: {
          p50: percentile(drainLatencies, 50),
          p99: percentile(drainLatencies, 99),
          max: drainLatencies.at(-1),
        },
      },
      ordered_drain: {
        deliveries: ordered.length,
        resources: ORDERED_RESOURCES,
        pipeline_deliveries_per_s: round(orderedRate),
        vs_unordered_drain: percent(orderedRate, drainRate),
        [`vs_worker_loop_same_concurrency_${SLOTS}`]: percent(orderedRate, workerSameConcurrency),
        per_resource_order_violations: orderViolations,
      },
      live_writes: {
        events: EVENTS,
        mutation_rate_per_s: round(EVENTS / ((writesDone - started) / 1000)),
        pipeline_deliveries_per_s: round(liveRate),
        commit_to_receipt_ms: {
          p50: percentile(liveLatencies, 50),
          p90: percentile(liveLatencies, 90),
          p99: percentile(liveLatencies, 99),
          max: liveLatencies.at(-1),
        },
      },
      commit_to_receipt_unloaded_ms: {
        events: quiet.length,
        p50: percentile(quiet, 50),
        p99: percentile(quiet, 99),
        max: quiet.at(-1),
      },
    };
    if (drainProfile) result.drain_cpu_profile = drainProfile;
    console.log(JSON.stringify(result, null, 2));
    if (values.log) console.log(stack.log(4000));
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
