// `node bench/live.mjs [--feed N] [--tenants T] [--sockets S] [--events E] [--latency K]` (through
// scripts/with-node22.sh; DATABASE_URL for a real Postgres): the change feed and the live stream
// (docs/live-updates.md), on the bench harness's stack (wrangler dev on 127.0.0.1, local Postgres).
//   1. Feed drain: N events committed (the bench-only backlog route, 2,000 per transaction), then
//      read through GET /v2/events/feed?limit=1000 from the start; events/s over the reads.
//   2. Latency: one WebSocket, K books created one after another; from the POST's answer (the
//      commit is done) and from its start to the push's arrival; p50/p99.
//   3. Fan-out: S sockets over T tenants (each socket a tenant's viewer or admin), E events
//      written by the tenants' editors while half the sockets reconnect mid-run from their last
//      cursor; every socket's received list is checked against the tenant's feed: lost,
//      duplicated, out of order, and delivered to the wrong tenant or role. workerd's resident
//      memory before and after the sockets open gives a figure per open socket (Linux /proc).
// Prints figures only; nothing is asserted (bench/README.md).
import { parseArgs } from "node:util";
import postgres from "postgres";
import WebSocket from "ws";
import { withPassword } from "../scripts/lib/embedded-postgres.mjs";
import { descendantsNamed, residentMemory } from "./lib/proc.mjs";
import { createStack } from "./lib/stack.mjs";

const { values } = parseArgs({
  options: {
    feed: { type: "string", default: "100000" },
    tenants: { type: "string", default: "5" },
    sockets: { type: "string", default: "200" },
    events: { type: "string", default: "1000" },
    latency: { type: "string", default: "50" },
  },
});
const FEED = Number(values.feed);
const TENANTS = Number(values.tenants);
const SOCKETS = Number(values.sockets);
const EVENTS = Number(values.events);
const LATENCY = Number(values.latency);
const say = (m) => console.log(`[live-bench] ${m}`);

const percentile = (sorted, p) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (n) => Math.round(n * 10) / 10;

function isbn(n) {
  const body = `978${String(n).padStart(9, "0")}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (i % 2 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
}

async function main() {
  const stack = createStack({ onStatus: say });
  try {
    await stack.start();
    const base = stack.baseUrl;
    const wsBase = base.replace(/^http/, "ws");
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
      if (response.status >= 300) {
        throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(body)}`);
      }
      return body;
    };
    /** A tenant out of the rate limits' way, with `keys` keys of each role (100 a minute each). */
    const provision = async (name, keys = 1) => {
      const { tenant, api_key } = await call("/admin/tenants", {
        key: stack.operatorToken,
        method: "POST",
        json: { name, plan: "enterprise", limits: { requests_per_hour: 10_000_000 } },
      });
      const mint = async (role) => {
        const minted = [];
        for (let i = 0; i < keys; i++) {
          minted.push(
            (
              await call("/v2/api-keys", {
                key: api_key.key,
                method: "POST",
                json: { name: `${role} ${i}`, role },
              })
            ).key,
          );
        }
        return minted;
      };
      return {
        id: tenant.id,
        admin: api_key.key,
        admins: await mint("admin"),
        editors: await mint("editor"),
        viewers: await mint("viewer"),
      };
    };
    /** Round-robin over keys, so none passes its per-minute limit. */
    const rotate = (keys) => {
      let i = 0;
      return () => keys[i++ % keys.length];
    };

    // 1. Feed drain.
    const pages = Math.ceil(FEED / 1000) + 1;
    const drainTenant = await provision("Live bench: feed", Math.ceil(pages / 80) + 1);
    say(`committing ${FEED} events`);
    const writer = rotate(drainTenant.admins);
    for (let left = FEED; left > 0; left -= 2000) {
      await call("/bench/webhooks/backlog", {
        key: writer(),
        method: "POST",
        json: { count: Math.min(2000, left) },
      });
    }
    const reader = rotate(drainTenant.viewers);
    const drain = async (label) => {
      let cursor = "";
      let read = 0;
      let requests = 0;
      const drainStarted = performance.now();
      for (;;) {
        const page = await call(`/v2/events/feed?limit=1000${cursor ? `&after=${cursor}` : ""}`, {
          key: reader(),
        });
        requests += 1;
        read += page.data.length;
        cursor = page.next_cursor;
        if (!page.has_more) break;
      }
      const drainSeconds = (performance.now() - drainStarted) / 1000;
      say(
        `feed drain ${label}: ${read} events in ${requests} reads, ${round(drainSeconds)} s: ${Math.round(read / drainSeconds)} events/s`,
      );
    };
    // Right after the burst the planner's statistics still describe the table without it (a new
    // tenant's 100,000 rows): it may sort a bitmap scan instead of walking the position index.
    await drain("right after the burst");
    if (process.env.DATABASE_URL) {
      // What autovacuum does after such a burst (docs/live-updates.md).
      const sql = postgres(withPassword(process.env.DATABASE_URL), { max: 1, onnotice: () => {} });
      await sql`analyze events`;
      await sql.end();
      await drain("after ANALYZE");
    }

    // 2. Latency, nothing queued.
    const latencyTenant = await provision("Live bench: latency", Math.ceil(LATENCY / 80) + 1);
    const arrivals = new Map();
    const socket = new WebSocket(`${wsBase}/v2/events/stream?after=latest`, {
      headers: { authorization: `Bearer ${latencyTenant.viewers[0]}` },
    });
    await new Promise((resolve, reject) => {
      socket.addEventListener("open", resolve, { once: true });
      socket.addEventListener("error", reject, { once: true });
    });
    socket.addEventListener("message", (message) => {
      const item = JSON.parse(String(message.data));
      if (item.event) arrivals.set(item.event.data.id, performance.now());
    });
    const fromAnswer = [];
    const fromStart = [];
    const editor = rotate(latencyTenant.editors);
    for (let i = 0; i < LATENCY; i++) {
      const started = performance.now();
      const book = await call("/v2/books", {
        key: editor(),
        method: "POST",
        json: {
          isbn: isbn(900_000 + i),
          title: `Latency ${i}`,
          authors: ["B"],
          price: { amount: 100, currency: "EUR" },
          stock: 1,
        },
      });
      const answered = performance.now();
      const deadline = answered + 5000;
      while (!arrivals.has(book.id) && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      const arrived = arrivals.get(book.id);
      if (arrived !== undefined) {
        fromAnswer.push(Math.max(0, arrived - answered));
        fromStart.push(arrived - started);
      }
    }
    socket.close();
    fromAnswer.sort((a, b) => a - b);
    fromStart.sort((a, b) => a - b);
    say(
      `latency over ${fromStart.length}/${LATENCY} pushes: answer→push p50 ${round(percentile(fromAnswer, 50))} ms, p99 ${round(percentile(fromAnswer, 99))} ms; POST start→push p50 ${round(percentile(fromStart, 50))} ms, p99 ${round(percentile(fromStart, 99))} ms`,
    );

    // 3. Fan-out with reconnects, checked against the feed.
    const perTenant = Math.ceil(EVENTS / TENANTS);
    const tenants = [];
    for (let t = 0; t < TENANTS; t++) {
      tenants.push(await provision(`Live bench: fan-out ${t}`, Math.ceil(perTenant / 80) + 1));
    }
    const clients = [];
    const open = (client) =>
      new Promise((resolve, reject) => {
        const tenant = tenants[client.tenant];
        const key = client.role === "admin" ? tenant.admin : tenant.viewers[0];
        const ws = new WebSocket(`${wsBase}/v2/events/stream?after=${client.cursor}`, {
          headers: { authorization: `Bearer ${key}` },
        });
        ws.addEventListener("open", () => resolve(ws), { once: true });
        ws.addEventListener("error", reject, { once: true });
        ws.addEventListener("message", (message) => {
          const item = JSON.parse(String(message.data));
          // A client that reconnected reads its new socket only: what the old one still
          // delivers after close() is also on the new one, from the cursor it resumed with.
          if (!item.event || client.ws !== ws) return;
          client.items.push(item);
          client.cursor = item.cursor;
        });
        ws.addEventListener("close", (event) => {
          client.closes.push(event.code);
        });
        client.ws = ws;
      });
    for (let s = 0; s < SOCKETS; s++) {
      clients.push({
        tenant: s % TENANTS,
        role: s % 3 === 0 ? "admin" : "viewer",
        cursor: "latest",
        items: [],
        closes: [],
      });
    }
    const workerdMemory = () =>
      descendantsNamed(stack.pid, "workerd").reduce((sum, pid) => sum + residentMemory(pid).rss, 0);
    const memoryBefore = workerdMemory();
    for (const client of clients) {
      // Sockets connect with after=latest, one at a time: the starting point is then the log's end.
      await open(client);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const memoryAfter = workerdMemory();
    say(
      `workerd resident memory: ${round(memoryBefore / 2 ** 20)} MiB before the sockets, ${round(memoryAfter / 2 ** 20)} MiB with ${SOCKETS} open: ${round((memoryAfter - memoryBefore) / SOCKETS / 1024)} KiB per socket`,
    );
    // Each socket's starting cursor, from the feed as it is now (nothing is written yet).
    const starts = await Promise.all(
      tenants.map(
        async (t) => (await call("/v2/events/feed?after=latest", { key: t.admin })).next_cursor,
      ),
    );
    for (const client of clients)
      if (client.cursor === "latest") client.cursor = starts[client.tenant];
    say(`${SOCKETS} sockets open over ${TENANTS} tenants; writing ${perTenant * TENANTS} events`);
    const started = performance.now();
    const writes = tenants.map(async (tenant, t) => {
      const next = rotate(tenant.editors);
      for (let i = 0; i < perTenant; i++) {
        await call("/v2/books", {
          key: next(),
          method: "POST",
          json: {
            isbn: isbn(t * 100_000 + i),
            title: `Fan-out ${i}`,
            authors: ["B"],
            price: { amount: 100, currency: "EUR" },
            stock: 1,
          },
        });
        if (i === Math.floor(perTenant / 2) && t === 0) {
          // Mid-run: half the sockets drop and reconnect from their last cursor.
          for (const client of clients.filter((_, n) => n % 2 === 0)) {
            client.ws.close(1000, "bench reconnect");
            await open(client);
          }
        }
      }
    });
    await Promise.all(writes);
    const expected = await Promise.all(
      tenants.map(async (t, n) => {
        const items = [];
        let after = starts[n];
        for (;;) {
          const page = await call(`/v2/events/feed?limit=1000&after=${after}`, { key: t.admin });
          items.push(...page.data);
          after = page.next_cursor;
          if (!page.has_more) return items;
        }
      }),
    );
    const deadline = performance.now() + 30_000;
    const complete = () => clients.every((c) => c.items.length >= expected[c.tenant].length);
    while (!complete() && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    let lost = 0;
    let duplicated = 0;
    let outOfOrder = 0;
    let wrong = 0;
    let delivered = 0;
    for (const client of clients) {
      const mine = expected[client.tenant];
      const allowed = new Map(mine.map((item, index) => [item.cursor, { item, index }]));
      const seen = new Set();
      let last = -1;
      for (const item of client.items) {
        delivered += 1;
        const known = allowed.get(item.cursor);
        if (!known || known.item.event.id !== item.event.id) {
          wrong += 1;
          continue;
        }
        if (seen.has(item.cursor)) duplicated += 1;
        if (known.index < last) outOfOrder += 1;
        seen.add(item.cursor);
        last = Math.max(last, known.index);
      }
      lost += mine.length - seen.size;
    }
    for (const client of clients) client.ws.close(1000, "done");
    say(
      `fan-out: ${delivered} messages to ${SOCKETS} sockets in ${round(seconds)} s; lost ${lost}, duplicated ${duplicated}, out of order ${outOfOrder}, wrong tenant or role ${wrong}`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
