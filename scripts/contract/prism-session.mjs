// The contract session (test/contract/session-steps.ts) through Stoplight Prism's validating proxy
// (`prism proxy openapi.json <worker>`) in front of the production bundle, on an embedded
// Postgres: every operation, success and error answers, every role. Prism forwards every request
// and reports each request and response that breaks the document in its `sl-violations` header
// (with --errors it would answer invalid requests itself, so the server's refusals could not be
// checked). Fails on any response violation, and on any request violation of a request that was
// not meant to break the document.
//   node scripts/contract/prism-session.mjs [--keep-bundle]
// Builds the bundle (wrangler deploy --dry-run) unless --keep-bundle reuses .wrangler/dry-run.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { freePort, startEmbeddedPostgres } from "../lib/embedded-postgres.mjs";
import { migrateUp } from "../lib/migrations.mjs";
import { bootBundle, liveDocument, OPERATOR_TOKEN } from "./openapi-document.mjs";

const DOCUMENT = ".wrangler/contract/openapi.json";
const BUNDLE = ".wrangler/dry-run";

/** Webhook hosts resolve through a fixed table (no DNS), as in the webhook tests. */
const DNS_TABLE = JSON.stringify({ "hooks.example.com": ["93.184.215.14"] });

async function waitFor(url, attempts = 100) {
  for (let i = 0; i < attempts; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${url} did not answer`);
}

const document = await liveDocument(BUNDLE, { build: !process.argv.includes("--keep-bundle") });
mkdirSync(".wrangler/contract", { recursive: true });
writeFileSync(DOCUMENT, `${JSON.stringify(document, null, 2)}\n`);

const database = await startEmbeddedPostgres();
let mf;
let prism;
let exitCode = 1;
try {
  await migrateUp(database.url);
  const workerPort = await freePort();
  mf = bootBundle(BUNDLE, {
    databaseUrl: database.url,
    port: workerPort,
    bindings: { WEBHOOK_DNS_TABLE: DNS_TABLE },
  });
  await mf.ready;
  const prismPort = await freePort();
  prism = spawn(
    "prism",
    [
      "proxy",
      DOCUMENT,
      `http://127.0.0.1:${workerPort}`,
      "--port",
      String(prismPort),
      "--host",
      "127.0.0.1",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let prismLog = "";
  prism.stdout.on("data", (chunk) => {
    prismLog += chunk;
  });
  prism.stderr.on("data", (chunk) => {
    prismLog += chunk;
  });
  const base = `http://127.0.0.1:${prismPort}`;
  await waitFor(`${base}/health/live`);

  // Loaded here: Node strips the module's types (it has only erasable TypeScript syntax).
  const { runSession } = await import("../../test/contract/session-steps.ts");
  const exchanges = [];
  const failures = [];
  const expected = [];
  const exchange = async (method, path, options = {}) => {
    // fetch sets Content-Length itself (a second one would be refused).
    const { "content-length": _length, ...headers } = options.headers ?? {};
    let body;
    if (options.body && "json" in options.body) {
      headers["content-type"] ??= "application/json";
      body = JSON.stringify(options.body.json);
    } else if (options.body) {
      if (options.body.type) headers["content-type"] = options.body.type;
      body = options.body.raw;
    }
    const response = await fetch(`${base}${path}`, { method, headers, body, redirect: "manual" });
    const where = `${method} ${path.split("?")[0]} → ${response.status}`;
    exchanges.push(where);
    const raw = response.headers.get("sl-violations");
    const violations = raw ? JSON.parse(raw.replace(/^Too many violations! /, "")) : [];
    for (const v of violations) {
      const line = `${where}: ${v.location?.join(".")} ${v.message}`;
      if (v.location?.[0] === "request" && options.invalid) expected.push(line);
      else failures.push(line);
    }
    return response;
  };
  await runSession(exchange, OPERATOR_TOKEN);

  const operations = Object.values(document.paths).flatMap((item) => Object.keys(item)).length;
  console.log(`Prism proxy session: ${exchanges.length} requests over ${operations} operations`);
  console.log(`  violations: ${failures.length}`);
  console.log(`  request violations of requests meant to break the document: ${expected.length}`);
  if (failures.length > 0) {
    console.error(failures.join("\n"));
  } else {
    exitCode = 0;
  }
  if (process.env.PRISM_LOG) writeFileSync(process.env.PRISM_LOG, prismLog);
} finally {
  prism?.kill();
  await mf?.dispose();
  await database.stop();
}
process.exit(exitCode);
