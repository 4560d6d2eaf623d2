// Lints the live OpenAPI document with third-party tools: `redocly lint` (recommended ruleset,
// redocly.yaml) and `spectral lint` (spectral:oas, .spectral.yaml). Any error or warning fails.
// Then checks the generated client (scripts/contract/client.mjs): the committed openapi-typescript
// types match the document and the client program compiles with `tsc --strict`.
//   node scripts/contract/lint.mjs [bundleDir]
// bundleDir: the output of `wrangler deploy --dry-run` (default .wrangler/dry-run, built if absent).
// The document is written to .wrangler/contract/openapi.json, the path the configs' exceptions name.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { checkClient } from "./client.mjs";
import { liveDocument } from "./openapi-document.mjs";

const DOCUMENT = ".wrangler/contract/openapi.json";

function run(command, args) {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
  });
  if (result.error) throw result.error;
  return result;
}

/** Redocly's figures: errors and warnings (and ignored ones, which a .redocly.lint-ignore.yaml would list). */
function redocly() {
  const result = run("redocly", ["lint", DOCUMENT, "--config", "redocly.yaml", "--format=json"]);
  const report = JSON.parse(result.stdout);
  const problems = report.problems.map(
    (p) =>
      `  ${p.severity} ${p.ruleId}: ${p.message} (${p.location?.map((l) => l.pointer).join(", ")})`,
  );
  return {
    errors: report.totals.errors,
    warnings: report.totals.warnings,
    ignored: report.totals.ignored,
    problems,
  };
}

/** Spectral's figures by severity (0 error, 1 warning, 2 info, 3 hint). */
function spectral() {
  const result = run("spectral", ["lint", DOCUMENT, "-r", ".spectral.yaml", "-f", "json", "-q"]);
  const text = result.stdout.trim();
  const results = text.startsWith("[") ? JSON.parse(text) : [];
  if (!text.startsWith("[") && result.status !== 0) {
    throw new Error(`spectral failed: ${result.stderr || result.stdout}`);
  }
  const count = (severity) => results.filter((r) => r.severity === severity).length;
  const problems = results
    .filter((r) => r.severity <= 1)
    .map(
      (r) =>
        `  ${r.severity === 0 ? "error" : "warning"} ${r.code}: ${r.message} (${r.path.join(".")})`,
    );
  return { errors: count(0), warnings: count(1), infos: count(2), problems };
}

const document = await liveDocument(process.argv[2]);
mkdirSync(dirname(DOCUMENT), { recursive: true });
writeFileSync(DOCUMENT, `${JSON.stringify(document, null, 2)}\n`);
const operations = Object.values(document.paths).flatMap((item) =>
  Object.keys(item).filter((m) => ["get", "put", "post", "patch", "delete"].includes(m)),
).length;

const r = redocly();
const s = spectral();
console.log(`${DOCUMENT}: ${operations} operations`);
console.log(
  `redocly lint (recommended): ${r.errors} errors, ${r.warnings} warnings (${r.ignored} ignored by location)`,
);
console.log(`spectral lint (spectral:oas): ${s.errors} errors, ${s.warnings} warnings`);
const client = await checkClient(document);
console.log(
  `generated client: ${client.length === 0 ? "types up to date, program compiles" : "FAILED"}`,
);
const problems = [...r.problems, ...s.problems, ...client];
if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
