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

/** The document as the production bundle serves it. */
export async function liveDocument(bundleDir = ".wrangler/dry-run", { build = false } = {}) {
  let script =
    !build && existsSync(bundleDir)
      ? readdirSync(bundleDir).find((f) => f.endsWith(".js"))
      : undefined;
  if (!script) {
    const build = spawnSync(
      "wrangler",
      ["deploy", "--dry-run", "--outdir", bundleDir, "--env", "production"],
      { encoding: "utf8" },
    );
    if (build.status !== 0) throw new Error(`wrangler dry-run failed:\n${build.stderr}`);
    script = readdirSync(bundleDir).find((f) => f.endsWith(".js"));
    if (!script) throw new Error("wrangler produced no bundle");
  }
  const compatibilityDate = /^compatibility_date = "([\d-]+)"/m.exec(
    readFileSync("wrangler.toml", "utf8"),
  )?.[1];
  const mf = new Miniflare({
    modules: [{ type: "ESModule", path: resolve(bundleDir, script) }],
    modulesRoot: resolve(bundleDir),
    compatibilityDate,
    compatibilityFlags: ["nodejs_compat"],
    bindings: {
      ENVIRONMENT: "production",
      DOCS_URL: "https://docs.shelfwise.example/api",
      OPERATOR_TOKEN: "op_contract_0123456789abcdef0123456789abcdef",
      WEBHOOK_SECRET_KEY: Buffer.alloc(32, 1).toString("base64"),
      URL_SIGNING_KEY: Buffer.alloc(32, 2).toString("base64"),
    },
    // Never reached: the document needs no database.
    hyperdrives: { HYPERDRIVE: "postgres://postgres:postgres@127.0.0.1:9/unused" },
    durableObjects: {
      RATE_LIMITER: { className: "RateLimiter", useSQLite: true },
      IDEMPOTENCY: { className: "IdempotencyStore", useSQLite: true },
      TRAFFIC_INDEX: { className: "TrafficIndex", useSQLite: true },
    },
    r2Buckets: ["FILES"],
    queueProducers: { WEBHOOKS: "shelfwise-webhooks", JOBS: "shelfwise-jobs" },
    analyticsEngineDatasets: { ANALYTICS: { dataset: "shelfwise_requests" } },
  });
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
