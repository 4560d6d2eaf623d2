// `bash scripts/with-node22.sh node bench/files.mjs [--rounds N] [--parallel N] [--size BYTES] [--heap]`.
// Uploads and downloads a 5 MB file through /v2/files (auth, rate limit, Postgres metadata,
// SHA-256 while streaming) and through the bare, bench-only /bench/files/r2 route (R2 alone), in
// the same run against the same workerd, and samples workerd's resident memory from /proc while
// it streams. Figures for comparing builds on one machine; never asserted.
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import WebSocket from "ws";
import { provisionTenant } from "../scripts/lib/operator-api.mjs";
import { createStack } from "./lib/stack.mjs";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "20" },
    parallel: { type: "string", default: "4" },
    size: { type: "string", default: String(5 * 1000 * 1000) },
    // Attaching the inspector slows workerd: measure throughput without it, memory with it.
    heap: { type: "boolean", default: false },
  },
});
const ROUNDS = Number(values.rounds);
const PARALLEL = Number(values.parallel);
const SIZE = Number(values.size);
const say = (m) => console.log(`[bench:files] ${m}`);

/** Every descendant of `root` whose command is workerd. */
function workerdPids(root) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {}
  }
  const found = [];
  const walk = (pid) => {
    for (const child of children.get(pid) ?? []) {
      try {
        if (readFileSync(`/proc/${child}/comm`, "utf8").trim().startsWith("workerd"))
          found.push(child);
      } catch {}
      walk(child);
    }
  };
  walk(root);
  return found;
}

function memoryKb(pid, field) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

/** Samples the summed RSS of `pids` every 10 ms until stopped; returns the peak in MB. */
function sampler(pids) {
  let peak = 0;
  const timer = setInterval(() => {
    let total = 0;
    for (const pid of pids) {
      try {
        total += memoryKb(pid, "VmRSS");
      } catch {}
    }
    peak = Math.max(peak, total);
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return peak / 1024;
    },
  };
}

/**
 * Samples the Worker isolate's V8 heap (what the 128 MB Workers limit counts) through wrangler's
 * inspector: `Runtime.getHeapUsage` every 10 ms. The port is read from wrangler's command line.
 */
async function heapSampler(wranglerPid) {
  const args = readFileSync(`/proc/${wranglerPid}/cmdline`, "utf8").split("\0");
  const port = args[args.indexOf("--inspector-port") + 1];
  const targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
  const target = targets.find((t) => t.webSocketDebuggerUrl) ?? targets[0];
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  let id = 0;
  let peak = 0;
  socket.on("message", (data) => {
    const message = JSON.parse(String(data));
    if (message.result?.usedSize !== undefined) peak = Math.max(peak, message.result.usedSize);
  });
  const timer = setInterval(() => {
    socket.send(JSON.stringify({ id: ++id, method: "Runtime.getHeapUsage" }));
  }, 10);
  return {
    /** Peak used heap (MB) since the last reset. */
    take() {
      const value = peak / 1e6;
      peak = 0;
      return value;
    },
    close() {
      clearInterval(timer);
      socket.close();
    },
  };
}

const mb = (bytes) => bytes / 1e6;

let heap;

async function timed(label, count, work, pids) {
  heap?.take();
  const memory = sampler(pids);
  const started = performance.now();
  let bytes = 0;
  for (let i = 0; i < count; i += PARALLEL) {
    const batch = Array.from({ length: Math.min(PARALLEL, count - i) }, (_, j) => work(i + j));
    for (const moved of await Promise.all(batch)) bytes += moved;
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = memory.stop();
  const row = {
    scenario: label,
    transfers: count,
    parallel: PARALLEL,
    mb_per_s: Math.round((mb(bytes) / seconds) * 10) / 10,
    ms_per_transfer: Math.round(((seconds * 1000) / count) * PARALLEL * 10) / 10,
    peak_rss_mb: Math.round(peak * 10) / 10,
    peak_isolate_heap_mb: heap ? Math.round(heap.take() * 10) / 10 : null,
  };
  say(JSON.stringify(row));
  return row;
}

async function main() {
  const stack = createStack({ onStatus: say });
  try {
    await stack.start();
    const pids = workerdPids(stack.pid);
    say(`workerd pids: ${pids.join(", ")}`);
    const idle = pids.reduce((sum, pid) => sum + memoryKb(pid, "VmRSS"), 0) / 1024;
    say(`workerd RSS at rest: ${idle.toFixed(1)} MB`);
    if (values.heap) {
      try {
        heap = await heapSampler(stack.pid);
      } catch (error) {
        say(`no inspector, isolate heap not sampled: ${error.message}`);
      }
    }

    const { apiKey } = await provisionTenant(stack.baseUrl, stack.operatorToken, {
      name: "Bench files",
      plan: "enterprise",
    });
    // The per-credential limit is 100 requests a minute: spread the run over several keys.
    const keys = [apiKey];
    for (let i = 0; i < 5; i++) {
      const response = await fetch(new URL("/v2/api-keys", stack.baseUrl), {
        method: "POST",
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ name: `bench ${i}`, role: "editor" }),
      });
      keys.push((await response.json()).key);
    }
    const key = (i) => keys[i % keys.length];
    const payload = new Uint8Array(SIZE);
    for (let i = 0; i < SIZE; i++) payload[i] = (i * 2654435761) >>> 24;

    const uploadedIds = [];
    const results = [];
    results.push(
      await timed(
        "upload /bench/files/r2 (bare R2)",
        ROUNDS,
        async (i) => {
          const response = await fetch(new URL(`/bench/files/r2/f${i}`, stack.baseUrl), {
            method: "PUT",
            body: payload,
          });
          if (response.status !== 201) throw new Error(`bare upload: ${response.status}`);
          await response.arrayBuffer();
          return SIZE;
        },
        pids,
      ),
    );
    results.push(
      await timed(
        "upload /bench/files/r2-metered (R2 + count + SHA-256)",
        ROUNDS,
        async (i) => {
          const response = await fetch(new URL(`/bench/files/r2-metered/m${i}`, stack.baseUrl), {
            method: "PUT",
            body: payload,
          });
          if (response.status !== 201) throw new Error(`metered upload: ${response.status}`);
          await response.arrayBuffer();
          return SIZE;
        },
        pids,
      ),
    );
    results.push(
      await timed(
        "upload POST /v2/files",
        ROUNDS,
        async (i) => {
          const response = await fetch(new URL("/v2/files?filename=bench.pdf", stack.baseUrl), {
            method: "POST",
            headers: { authorization: `Bearer ${key(i)}`, "content-type": "application/pdf" },
            body: payload,
          });
          if (response.status !== 201) {
            throw new Error(`upload: ${response.status} ${await response.text()}`);
          }
          uploadedIds.push((await response.json()).id);
          return SIZE;
        },
        pids,
      ),
    );
    results.push(
      await timed(
        "download /bench/files/r2 (bare R2)",
        ROUNDS,
        async (i) => {
          const response = await fetch(new URL(`/bench/files/r2/f${i}`, stack.baseUrl));
          return (await response.arrayBuffer()).byteLength;
        },
        pids,
      ),
    );
    results.push(
      await timed(
        "download GET /v2/files/{id}/content",
        ROUNDS,
        async (i) => {
          const response = await fetch(
            new URL(`/v2/files/${uploadedIds[i % uploadedIds.length]}/content`, stack.baseUrl),
            { headers: { authorization: `Bearer ${key(i)}` } },
          );
          if (response.status !== 200) throw new Error(`download: ${response.status}`);
          return (await response.arrayBuffer()).byteLength;
        },
        pids,
      ),
    );
    const hwm = pids.reduce((sum, pid) => sum + memoryKb(pid, "VmHWM"), 0) / 1024;
    console.table(results);
    say(
      `file ${mb(SIZE)} MB; workerd RSS at rest ${idle.toFixed(1)} MB, high-water mark over the run ` +
        `(VmHWM) ${hwm.toFixed(1)} MB. workerd here also hosts the local R2 simulator, so these ` +
        "are upper bounds for the Worker's own memory.",
    );
  } finally {
    heap?.close();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
