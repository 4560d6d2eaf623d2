// `node bench/latency.mjs [--delay MS] [--samples N] [--orders-page N] [--smoke] [--json FILE]`
// (through scripts/with-node22.sh; also the last part of `npm run bench`): what the distance
// between the Worker and Postgres costs each route. A TCP proxy of its own (bench/lib/delay-proxy.mjs) adds
// `--delay` ms each way (default 10) and counts database flights and connections; requests run
// one at a time, so every flight between two requests belongs to the one in between:
//   on path   flights answered between sending the request and reading the whole response
//   after     the request's other flights (not waited for), until the Worker has been quiet
//   startup   connection start-up flights (apart from both)
// Durable Object calls per request come from Server-Timing (`do;desc="N calls"`) when the Worker
// reports them. After the routes, the GraphQL orders page's row is compared with a REST client
// fetching the same page (bench/lib/graphql.mjs). Figures are for comparing builds on one
// machine; nothing is asserted.

import { writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { startDelayProxy } from "./lib/delay-proxy.mjs";
import { restClientPage } from "./lib/graphql.mjs";
import { latencyRoutes } from "./lib/latency-routes.mjs";
import { createStack } from "./lib/stack.mjs";

const { values } = parseArgs({
  options: {
    delay: { type: "string", default: "10" },
    samples: { type: "string" },
    smoke: { type: "boolean", default: false },
    json: { type: "string" },
    "orders-page": { type: "string" },
  },
});
const DELAY_MS = Number(values.delay);
const SAMPLES = Number(values.samples ?? (values.smoke ? 3 : 30));
// The GraphQL orders page and its REST client (issue 28): 50 orders, 5 under --smoke (the GraphQL
// request's flights do not depend on the page size; the REST client's grow with it).
const ORDERS_PAGE = Number(values["orders-page"] ?? (values.smoke ? 5 : 50));
const say = (m) => console.log(`[latency] ${m}`);

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const median = (xs) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const diff = (a, b) => ({
  flights: b.flights - a.flights,
  startup: b.startupFlights - a.startupFlights,
  connections: b.connections - a.connections,
});

/** Waits until the proxy has seen no client send for `quietMs` (work after the response ends). */
async function settle(proxy, quietMs) {
  let last = proxy.snapshot();
  for (;;) {
    await sleep(quietMs);
    const now = proxy.snapshot();
    if (now.flights === last.flights && now.startupFlights === last.startupFlights) return now;
    last = now;
  }
}

/** A local receiver for the webhook row: resolves waiters as deliveries arrive. */
async function startReceiver() {
  let received = 0;
  const waiters = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received++;
      res.writeHead(204).end();
      for (const w of waiters.splice(0)) w();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    get received() {
      return received;
    },
    async waitFor(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received < count && Date.now() < deadline) {
        await Promise.race([new Promise((r) => waiters.push(r)), sleep(100)]);
      }
      if (received < count) throw new Error(`webhook not received within ${timeoutMs} ms`);
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function measureRoute(route, ctx, proxy) {
  const quietMs = Math.max(150, DELAY_MS * 8);
  const rows = [];
  for (let i = 0; i < SAMPLES; i++) {
    const request = await route.prepare(ctx, i);
    await settle(proxy, quietMs);
    const before = proxy.snapshot();
    const started = performance.now();
    const response = await fetch(new URL(request.path, ctx.baseUrl), request.init);
    const body = await response.arrayBuffer();
    const elapsed = performance.now() - started;
    const answered = proxy.snapshot();
    if (response.status !== request.expect) {
      throw new Error(
        `${route.name}: HTTP ${response.status} ${new TextDecoder().decode(body).slice(0, 300)}`,
      );
    }
    if (route.afterResponse) await route.afterResponse(ctx, i);
    const done = await settle(proxy, quietMs);
    const timing = response.headers.get("server-timing") ?? "";
    const doCalls = /do;[^,]*desc="(\d+) calls?"/.exec(timing)?.[1];
    // On the path: flights whose reply came back before the response did (the request waited
    // for them). Any other flight of the request (a read's COMMIT, work after the response) is
    // "after", whenever it started.
    const waited = answered.answered - before.answered;
    const path = { ...diff(before, answered), flights: waited };
    const whole = diff(before, done);
    rows.push({
      ms: elapsed,
      path,
      after: { ...diff(answered, done), flights: whole.flights - waited },
      doCalls: doCalls === undefined ? null : Number(doCalls),
    });
  }
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  const dos = rows.map((r) => r.doCalls).filter((x) => x !== null);
  return {
    route: route.name,
    samples: rows.length,
    p50_ms: Math.round(percentile(ms, 50)),
    p99_ms: Math.round(percentile(ms, 99)),
    flights_on_path: mean(rows.map((r) => r.path.flights)),
    flights_after: mean(rows.map((r) => r.after.flights)),
    // Flights are whole counts per request; the median is what the code does, the mean also
    // shows the samples a busy machine split (a burst sent across a reply) or a cold isolate.
    flights_on_path_median: median(rows.map((r) => r.path.flights)),
    flights_after_median: median(rows.map((r) => r.after.flights)),
    // All of a request's flights, waited for or not: where the path/after split moves with the
    // machine's load, the sum holds (the performance baseline's count, bench/lib/baseline.mjs).
    flights_median: median(rows.map((r) => r.path.flights + r.after.flights)),
    startup_flights: mean(rows.map((r) => r.path.startup + r.after.startup)),
    connections: mean(rows.map((r) => r.path.connections + r.after.connections)),
    do_calls: dos.length ? mean(dos) : null,
  };
}

/**
 * One pass of the REST client over the orders page (bench/lib/graphql.mjs): its keys warmed
 * first, then its requests back to back (`inFlight` at a time after the list), timed from the
 * first request to the last response; flights counted from there until the proxy is quiet.
 */
async function measureRestClient(ctx, proxy, { orders, inFlight, keys }) {
  const quietMs = Math.max(150, DELAY_MS * 8);
  for (const key of keys) {
    const warm = await fetch(new URL("/v2/tenant", ctx.baseUrl), {
      headers: { authorization: `Bearer ${key}` },
    });
    await warm.arrayBuffer();
  }
  const before = await settle(proxy, quietMs);
  const started = performance.now();
  const pass = await restClientPage(ctx.baseUrl, keys, orders, inFlight);
  const ms = performance.now() - started;
  const answered = proxy.snapshot();
  const done = await settle(proxy, quietMs);
  return {
    ...pass,
    in_flight: inFlight,
    ms: Math.round(ms),
    flights: done.flights - before.flights,
    flights_answered_before_last_response: answered.answered - before.answered,
    startup_flights: done.startupFlights - before.startupFlights,
    connections: done.connections - before.connections,
  };
}

/** The orders page: one GraphQL request (its route row) against the REST client's passes. */
function formatOrdersPage(graphql, rest, page) {
  const head = ["client", "requests", "flights", "startup flights", "connections", "wall ms"];
  const lines = [
    [
      `GraphQL: one POST /v2/graphql (median of ${graphql.samples})`,
      1,
      `${fmt(graphql.flights_median)} (on path ${fmt(graphql.flights_on_path_median)})`,
      fmt(graphql.startup_flights),
      fmt(graphql.connections),
      `${graphql.p50_ms} (p50)`,
    ],
    ...rest.map((r) => [
      `REST: 1 + ${r.orders} + ${r.books} GETs, ${r.in_flight === 1 ? "one at a time" : `${r.in_flight} in flight`}`,
      r.requests,
      r.flights,
      r.startup_flights,
      r.connections,
      r.ms,
    ]),
  ].map((l) => l.map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [
    `A page of ${page.orders} orders with their lines and books (${page.books} distinct books), ${DELAY_MS} ms each way; ` +
      `the GraphQL request ran ${page.graphql_queries} queries (Server-Timing; ${page.graphql_queries_page_of_1} for a page of 1):`,
    row(head),
    row(widths.map((w) => "-".repeat(w))),
    ...lines.map(row),
  ].join("\n");
}

const fmt = (x) =>
  x === null ? "n/a" : typeof x !== "number" || Number.isInteger(x) ? String(x) : x.toFixed(1);

function formatTable(results) {
  const head = [
    "route",
    "p50 ms",
    "p99 ms",
    "flights on path: median (mean)",
    "flights after: median (mean)",
    "startup flights",
    "connections",
    "DO calls",
  ];
  const lines = results.map((r) =>
    [
      r.route,
      r.p50_ms,
      r.p99_ms,
      `${fmt(r.flights_on_path_median)} (${fmt(r.flights_on_path)})`,
      `${fmt(r.flights_after_median)} (${fmt(r.flights_after)})`,
      r.startup_flights,
      r.connections,
      r.do_calls,
    ].map(fmt),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [row(head), row(widths.map((w) => "-".repeat(w))), ...lines.map(row)].join("\n");
}

async function main() {
  let proxy;
  const stack = createStack({
    onStatus: say,
    workerDatabaseUrl: async (url) => {
      const target = new URL(url);
      proxy = await startDelayProxy({
        target: { host: target.hostname, port: Number(target.port || 5432) },
        delayMs: DELAY_MS,
      });
      target.host = `127.0.0.1:${proxy.port}`;
      return target.toString();
    },
  });
  const receiver = await startReceiver();
  const stop = async () => {
    await stack.stop();
    await proxy?.stop();
    await receiver.close();
  };
  process.on("SIGINT", () => stop().then(() => process.exit(130)));
  try {
    await stack.start();
    say(`one-way delay ${DELAY_MS} ms; ${SAMPLES} sequential samples per route`);
    const ctx = { baseUrl: stack.baseUrl, operatorToken: stack.operatorToken, receiver };
    const routes = latencyRoutes(SAMPLES, { ordersPage: ORDERS_PAGE });
    for (const route of routes) if (route.setup) await route.setup(ctx);
    const results = [];
    for (const route of routes) {
      say(`measuring ${route.name}`);
      results.push(await measureRoute(route, ctx, proxy));
    }
    // The REST client of the GraphQL orders page row: whole passes, after every route.
    const pageRoute = routes.find((r) => r.restClient);
    const pageRow = results.find((r) => r.route === pageRoute?.name);
    let ordersPage = null;
    if (pageRoute && pageRow) {
      const page = pageRoute.restClient();
      const rest = [];
      for (const pass of page.passes) {
        say(
          `measuring the REST client's page of ${page.orders} orders, ${pass.inFlight} in flight`,
        );
        rest.push(await measureRestClient(ctx, proxy, { orders: page.orders, ...pass }));
      }
      ordersPage = {
        orders: page.orders,
        books: page.books,
        graphql_queries: page.queries,
        graphql_queries_page_of_1: page.queries_page_of_1,
        graphql: pageRow,
        rest,
      };
    }
    console.log(`\n${formatTable(results)}\n`);
    console.log(
      "flights: client sends that wait for a Postgres reply, counted at the proxy; " +
        "startup: connection start-up flights; per request over the samples (median, and mean)",
    );
    if (ordersPage) {
      console.log(`\n${formatOrdersPage(ordersPage.graphql, ordersPage.rest, ordersPage)}\n`);
      console.log(
        "flights: every flight from the first request until the proxy was quiet, waited for or " +
          "not (GraphQL: the median of its row, on path apart); wall: first request to last response",
      );
    }
    if (values.json) {
      writeFileSync(
        values.json,
        JSON.stringify({ delay_ms: DELAY_MS, results, orders_page: ordersPage }, null, 2),
      );
    }
    return 0;
  } catch (error) {
    console.error(`[latency] ${error.stack ?? error.message}`);
    console.error(`--- wrangler log (last lines) ---\n${stack.log(30)}`);
    return 1;
  } finally {
    await stop();
  }
}

main().then((code) => process.exit(code));
