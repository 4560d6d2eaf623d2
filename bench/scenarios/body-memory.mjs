// Peak resident memory of workerd while it refuses an oversized JSON body: POST /v2/books with a
// 60 MB body (2 MB under --smoke), with Content-Length and chunked, without and with an
// Idempotency-Key. Not a throughput run: one request per case, sent with node:http so the body
// can be cut short once the Worker has answered, while /proc/<workerd>/status is read (VmHWM,
// reset before each case, or VmRSS sampled every 5 ms where the reset is not permitted). A
// "reset" status: the connection was closed before the client could read the answer.
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { residentMemory, watchPeak } from "../lib/proc.mjs";

const MB = 1_000_000;
const CHUNK = Buffer.alloc(64 * 1024, "a");
/** Sends of one case at most, while wrangler dev's proxy (not the Worker) answers 5xx. */
const SENDS = 6;
const CASES = [
  { label: "Content-Length", chunked: false, key: false },
  { label: "Content-Length + Idempotency-Key", chunked: false, key: true },
  { label: "chunked", chunked: true, key: false },
  { label: "chunked + Idempotency-Key", chunked: true, key: true },
];

/** Sends a book whose title pads the body to `size` bytes; resolves with the answer. */
function sendOversized(baseUrl, { size, chunked, headers }) {
  const prefix = Buffer.from(`{"isbn":"9780135957059","authors":["A"],"title":"`);
  const suffix = Buffer.from(`","price":{"amount":1,"currency":"EUR"}}`);
  const padding = size - prefix.length - suffix.length;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let answered = false;
    const req = request(new URL("/v2/books", baseUrl), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(chunked ? {} : { "content-length": String(size) }),
        ...headers,
      },
      timeout: 180_000,
    });
    req.on("timeout", () => req.destroy(new Error("no answer within 180 s")));
    req.on("response", (res) => {
      answered = true;
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const ms = performance.now() - started;
        req.destroy(); // whatever of the body is still unsent
        const text = Buffer.concat(chunks).toString();
        let code = null;
        try {
          code = JSON.parse(text).code ?? null;
        } catch {}
        const requestId = res.headers["x-request-id"] ?? null;
        resolve({ status: res.statusCode, code, ms, requestId, excerpt: text.slice(0, 300) });
      });
    });
    // A refusal that does not read the body closes the connection while the client is still
    // writing: the reset can then reach the client before the answer (the body went unread).
    req.on("error", (error) => {
      if (answered) return;
      if (error.code === "ECONNRESET" || error.code === "EPIPE") {
        resolve({ status: "reset", code: null, ms: performance.now() - started });
      } else reject(error);
    });
    (async () => {
      const write = (buffer) =>
        req.write(buffer) ? undefined : new Promise((done) => req.once("drain", done));
      await write(prefix);
      for (let left = padding; left > 0 && !answered && !req.destroyed; left -= CHUNK.length) {
        await write(left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left));
      }
      if (!answered && !req.destroyed) req.end(suffix);
    })().catch(() => {});
  });
}

const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** @type {import("../lib/scenario.mjs").Scenario[]} */
export const scenarios = [
  {
    name: "body-memory",
    description:
      "workerd's peak resident memory while refusing an oversized JSON body (60 MB; 2 MB with --smoke)",
    setup: async (ctx) => ({ tenant: await ctx.provisionTenant({ name: "Bench body memory" }) }),
    run: async (ctx) => {
      const size = ctx.smoke ? 2 * MB : 60 * MB;
      const pids = ctx.workerPids();
      if (pids.length === 0)
        throw new Error("body-memory: no workerd process found under wrangler");
      const rows = [];
      for (const { label, chunked, key } of CASES) {
        const headers = { authorization: `Bearer ${ctx.tenant.apiKey}` };
        if (key) headers["idempotency-key"] = `body-memory-${randomUUID()}`;
        const before = pids.reduce((sum, pid) => sum + residentMemory(pid).rss, 0);
        const watch = watchPeak(pids);
        let answer = await sendOversized(ctx.baseUrl, { size, chunked, headers });
        // A 5xx without the Worker's request id was not answered by the Worker: wrangler dev's
        // proxy answers so when its own connection to the Worker dropped (a POST is not retried
        // there; it happened twice in a row in one CI run, three times in a local one). That local
        // layer is not the product, so the case is sent again, up to SENDS times in all, and the
        // first failure is noted.
        let proxyFailure = null;
        let sends = 1;
        while (answer.status >= 500 && answer.requestId === null && sends < SENDS) {
          proxyFailure ??= `${answer.status} ${answer.excerpt}`.trim();
          answer = await sendOversized(ctx.baseUrl, { size, chunked, headers });
          sends++;
        }
        const { peak, exact } = watch.stop();
        // Only the Worker's own answer can fail the run: a proxy that failed every send leaves
        // the row with its 5xx and the note (the memory was still watched over every send).
        const byProxy = answer.status >= 500 && answer.requestId === null;
        if (
          answer.status !== "reset" &&
          !byProxy &&
          (answer.status < 400 || answer.status >= 500)
        ) {
          const from = answer.requestId ? `request ${answer.requestId}` : "no request id";
          throw new Error(
            `body-memory: ${label} answered ${answer.status} (${from}), expected a refusal: ${answer.excerpt}`,
          );
        }
        rows.push({
          case: label,
          body_bytes: size,
          status: answer.status,
          code: answer.code,
          ms: Math.round(answer.ms),
          rss_before_mib: mb(before),
          peak_rss_mib: mb(peak),
          growth_mib: mb(peak - before),
          peak_exact: exact,
          dev_proxy_failure: proxyFailure,
          sends,
        });
      }
      const summary = rows.map(
        (r) =>
          `${r.case.padEnd(34)} ${r.status} ${String(r.code).padEnd(18)} ${String(r.ms).padStart(6)} ms  ` +
          `rss ${r.rss_before_mib} → peak ${r.peak_rss_mib} MiB (+${r.growth_mib})` +
          (r.dev_proxy_failure
            ? `  (sent ${r.sends} times: wrangler dev's proxy first answered ${r.dev_proxy_failure})`
            : ""),
      );
      return {
        workerd_pids: pids,
        rows,
        summary: [
          `body-memory (${size / MB} MB body, workerd pids ${pids.join(",")}):`,
          ...summary,
        ],
      };
    },
  },
];
