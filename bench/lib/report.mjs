// Printing the figures and writing them to bench/results/<timestamp>.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release } from "node:os";
import { join } from "node:path";

const COLUMNS = [
  ["scenario", (r) => r.name, "left"],
  ["req/s", (r) => r.rps?.toFixed(1)],
  ["p50 ms", (r) => r.p50_ms?.toFixed(2) ?? "-"],
  ["p99 ms", (r) => r.p99_ms?.toFixed(2) ?? "-"],
  ["non-2xx", (r) => String(r.non_2xx)],
  ["errors", (r) => String(r.errors)],
  ["requests", (r) => String(r.requests)],
  ["conns", (r) => String(r.connections)],
];

/** A fixed-width table of the scenarios' figures. */
export function formatTable(results) {
  const rows = results.map((r) => COLUMNS.map(([, get]) => get(r) ?? "-"));
  const widths = COLUMNS.map(([title], i) =>
    Math.max(title.length, ...rows.map((row) => row[i].length)),
  );
  const line = (cells) =>
    cells
      .map((cell, i) =>
        COLUMNS[i][2] === "left" ? cell.padEnd(widths[i]) : cell.padStart(widths[i]),
      )
      .join("  ");
  return [line(COLUMNS.map(([title]) => title)), ...rows.map(line)].join("\n");
}

/** Throughput and median-latency ratios for every scenario that names a `compareTo`. */
export function computeRatios(results) {
  const byName = new Map(results.map((r) => [r.name, r]));
  const ratios = [];
  for (const r of results) {
    const base = r.compare_to && byName.get(r.compare_to);
    if (!base) continue;
    ratios.push({
      scenario: r.name,
      compare_to: base.name,
      throughput_ratio: base.rps ? Math.round((r.rps / base.rps) * 100) / 100 : null,
      p50_ratio: base.p50_ms && r.p50_ms ? Math.round((r.p50_ms / base.p50_ms) * 100) / 100 : null,
    });
  }
  return ratios;
}

/** "health-ready vs health-live: 0.35 of the throughput, p50 2.8x" */
export function formatRatio(ratio, results) {
  const own = results.find((r) => r.name === ratio.scenario);
  const base = results.find((r) => r.name === ratio.compare_to);
  const throughput = ratio.throughput_ratio === null ? "n/a" : ratio.throughput_ratio.toFixed(2);
  const p50 =
    ratio.p50_ratio === null
      ? ""
      : ` (p50 ${own.p50_ms.toFixed(2)} ms vs ${base.p50_ms.toFixed(2)} ms, ${ratio.p50_ratio.toFixed(2)}x)`;
  return `${ratio.scenario} vs ${ratio.compare_to}: ${throughput} of the throughput${p50}`;
}

function git(root, args) {
  try {
    return execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return null;
  }
}

/** Where the run happened: commit, versions, machine. */
export function describeEnvironment(root) {
  let wrangler = null;
  try {
    wrangler = JSON.parse(
      readFileSync(join(root, "node_modules/wrangler/package.json"), "utf8"),
    ).version;
  } catch {
    // not installed: the run would have failed earlier
  }
  const cpuList = cpus();
  return {
    git_commit: git(root, ["rev-parse", "HEAD"]),
    git_dirty: Boolean(
      git(root, ["status", "--porcelain", "--", "src", "migrations", "wrangler.toml"]),
    ),
    node: process.versions.node,
    wrangler,
    os: `${process.platform} ${release()}`,
    cpus: cpuList.length,
    cpu_model: cpuList[0]?.model ?? null,
    // Other work on the machine skews the figures: compare runs made under similar load.
    load_average_1m: Math.round(loadavg()[0] * 100) / 100,
  };
}

/** Writes the run to bench/results/<timestamp>.json; returns the path. */
export function writeResults(root, run) {
  const dir = join(root, "bench/results");
  mkdirSync(dir, { recursive: true });
  const stamp = run.started_at.replace(/[:.]/g, "-");
  const file = join(dir, `${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  return file;
}
