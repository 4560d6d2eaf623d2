// `npm run check` step: the production bundle (`wrangler deploy --dry-run --env production`, built
// by the step before into the directory given as argument) carries no benchmark code. The markers
// are strings only the bench Worker (bench/worker/) has: its /bench mount paths, its route paths
// and the binding it alone uses. To prove the markers still mean something, the bench Worker is
// built as well and must contain every one of them.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const MARKERS = [
  '"/bench',
  '"/limits/durable-object"',
  '"/fetch-loop"',
  '"/r2-metered/:name"',
  "bench-limiter",
  "BUILTIN_RATE_LIMITER",
];

function bundleText(dir) {
  const script = readdirSync(dir).find((f) => f.endsWith(".js"));
  if (!script) throw new Error(`no bundle in ${dir}`);
  return readFileSync(join(dir, script), "utf8");
}

const productDir = process.argv[2] ?? ".wrangler/dry-run";
const product = bundleText(productDir);
const found = MARKERS.filter((m) => product.includes(m));
if (found.length > 0) {
  console.error(`the production bundle contains benchmark code: ${found.join(", ")}`);
  process.exit(1);
}

const benchDir = mkdtempSync(join(tmpdir(), "shelfwise-bench-bundle-"));
try {
  const build = spawnSync(
    "wrangler",
    ["deploy", "--dry-run", "--outdir", benchDir, "bench/worker/index.ts"],
    { encoding: "utf8" },
  );
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr);
    throw new Error("building the bench Worker failed");
  }
  const missing = MARKERS.filter((m) => !bundleText(benchDir).includes(m));
  if (missing.length > 0) {
    console.error(`the bench Worker lacks markers this check relies on: ${missing.join(", ")}`);
    process.exit(1);
  }
} finally {
  rmSync(benchDir, { recursive: true, force: true });
}
const size = Buffer.byteLength(product);
console.log(`production bundle: no benchmark code (${(size / 1024).toFixed(1)} KiB)`);
