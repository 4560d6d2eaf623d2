// Writes the live OpenAPI document (what GET /openapi.json answers) to a file, from the bundle
// `wrangler deploy --dry-run` produced, booted in workerd through Miniflare. No database is needed:
// the document is built from the route definitions.
//   node scripts/contract/openapi-document.mjs [bundleDir] [outFile]
// bundleDir defaults to .wrangler/dry-run; the CLI builds it afresh (wrangler deploy --dry-run).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Miniflare } from "miniflare";

const ORIGIN = "https://api.shelfwise.example";

/** The bundle `wrangler deploy --dry-run` wrote to `bundleDir` (built when asked or absent). */
export function bundleScript(bundleDir = ".wrangler/dry-run", { build = false } = {}) {
  let script =
    !build && existsSync(bundleDir)
      ? readdirSync(bundleDir).find((f) => f.endsWith(".js"))
      : undefined;
  if (!script) {
    const result = spawnSync(
      "wrangler",
      ["deploy", "--dry-run", "--outdir", bundleDir, "--env", "production"],
      { encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`wrangler dry-run failed:\n${result.stderr}`);
    script = readdirSync(bundleDir).find((f) => f.endsWith(".js"));
    if (!script) throw new Error("wrangler produced no bundle");
  }
  return resolve(bundleDir, script);
}

/**
 * The production bundle in workerd (Miniflare) with the production environment's bindings.
 * `databaseUrl`: Postgres behind the Hyperdrive binding (default: a closed port, for routes that
 * need no database); `port`: serve HTTP on it too; `bindings`: extra variables. The runtime's
 * output (request log lines) is discarded.
 */
export function bootBundle(bundleDir, options = {}) {
  const script = bundleScript(bundleDir, options);
  const compatibilityDate = /^compatibility_date = "([\d-]+)"/m.exec(
    readFileSync("wrangler.toml", "utf8"),
  )?.[1];
  return new Miniflare({
    modules: [{ type: "ESModule", path: script }],
    modulesRoot: dirname(script),
    compatibilityDate,
    compatibilityFlags: ["nodejs_compat"],
    ...(options.port !== undefined ? { host: "127.0.0.1", port: options.port } : {}),
    // The Worker's request log lines and runtime warnings are not the check's output.
    handleRuntimeStdio(stdout, stderr) {
      stdout.resume();
      stderr.resume();
    },
    bindings: {
      ENVIRONMENT: "production",
      DOCS_URL: "https://docs.shelfwise.example/api",
      PUBLIC_BASE_URL: "https://api.shelfwise.example",
      OPERATOR_TOKEN,
      WEBHOOK_SECRET_KEY: Buffer.alloc(32, 1).toString("base64"),
      URL_SIGNING_KEY: Buffer.alloc(32, 2).toString("base64"),
      API_KEY_MAC_KEY: Buffer.alloc(32, 3).toString("base64"),
      ...options.bindings,
    },
    hyperdrives: {
      HYPERDRIVE: options.databaseUrl ?? "postgres://postgres:postgres@127.0.0.1:9/unused",
    },
    durableObjects: {
      RATE_LIMITER: { className: "RateLimiter", useSQLite: true },
      IDEMPOTENCY: { className: "IdempotencyStore", useSQLite: true },
      TRAFFIC_INDEX: { className: "TrafficIndex", useSQLite: true },
      EVENT_HUB: { className: "EventHub", useSQLite: true },
    },
    r2Buckets: ["FILES"],
    queueProducers: { WEBHOOKS: "shelfwise-webhooks", JOBS: "shelfwise-jobs" },
    analyticsEngineDatasets: { ANALYTICS: { dataset: "shelfwise_requests" } },
  });
}

/** The operator token the booted bundle accepts. */
export const OPERATOR_TOKEN = "op_contract_0123456789abcdef0123456789abcdef";

/** The document as the production bundle serves it (no database needed). */
export async function liveDocument(bundleDir = ".wrangler/dry-run", { build = false } = {}) {
  const mf = bootBundle(bundleDir, { build });
  try {
    const response = await mf.dispatchFetch(`${ORIGIN}/openapi.json`);
    const text = await response.text();
    if (response.status !== 200) throw new Error(`/openapi.json: ${response.status} ${text}`);
    return JSON.parse(text);
  } finally {
    await mf.dispose();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [bundleDir, outFile = ".wrangler/contract/openapi.json"] = process.argv.slice(2);
  const document = await liveDocument(bundleDir, { build: true });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`wrote ${join(outFile)}: ${Object.keys(document.paths).length} paths`);
}
