// The performance baseline (bench/baseline.json): ratios and counts from `npm run bench --
// --smoke`, never absolute times (a 2-core machine shared with test runs makes those
// meaningless). The smoke run compares its figures with the baseline and fails on a regression:
//   ratio  worse than the baseline by more than its tolerance (25 % unless the entry says
//          otherwise), in the entry's direction (`better: "lower"` or `"higher"`);
//   count  different from the baseline (queries and database flights are what the code does, not
//          how fast the machine is): fewer is an improvement to record, more a regression, both
//          fail until bench/baseline.json says so. Exact, unless `count_slack` gives a kind of
//          count (by name prefix) a slack: flights under load, see bench/README.md.
// `npm run bench -- --smoke --write-baseline` records this run's figures (keeping each entry's
// direction and tolerance).
import { readFileSync, writeFileSync } from "node:fs";

export const DEFAULT_TOLERANCE = 0.25;

/** The ratios the baseline tracks: where each comes from in a run's results, and its direction. */
export const RATIOS = {
  // The whole /v2 middleware stack against the bare handler (bench/scenarios/stack.mjs), as
  // median latency: with 1 s of traffic per scenario the median is steadier than req/s.
  "stack/bare p50": { better: "lower", of: (r) => ratio(r, "stack-v2", "p50_ratio") },
  "idempotent/plain p50": {
    better: "lower",
    of: (r) => ratio(r, "order-idempotent", "p50_ratio"),
  },
  // POST /v2/graphql { book(id) } against GET /v2/books/{id} (bench/scenarios/graphql.mjs).
  "graphql/rest book p50": {
    better: "lower",
    of: (r) => ratio(r, "graphql-book", "p50_ratio"),
  },
  "import/one-by-one": {
    better: "higher",
    of: (r) => r.scenarios.find((s) => s.name === "books-import")?.ratio ?? null,
  },
};

function ratio(run, scenario, field) {
  return run.ratios.find((x) => x.scenario === scenario)?.[field] ?? null;
}

/**
 * The figures of one run: { ratios: { name: number }, counts: { name: number } }.
 * `run` is { scenarios, ratios } as bench/run.mjs writes it; `latency` is bench/latency.mjs's
 * `results` (or null when it did not run). A figure the run did not measure is left out.
 */
export function figuresOf(run, latency) {
  const ratios = {};
  for (const [name, { of }] of Object.entries(RATIOS)) {
    const value = of(run);
    if (typeof value === "number" && Number.isFinite(value)) ratios[name] = round(value);
  }
  const counts = {};
  for (const s of run.scenarios) {
    // The catalog scenarios' Server-Timing query count (bench/scenarios/catalog.mjs).
    if (typeof s.queries_per_request === "number") {
      counts[`queries/request ${s.name}`] = s.queries_per_request;
    }
  }
  // bench/latency.mjs: a request's database flights (on its path and after), median.
  for (const r of latency ?? []) {
    if (typeof r.flights_median === "number") counts[`flights ${r.route}`] = r.flights_median;
  }
  return { ratios, counts };
}

function round(x) {
  return Math.round(x * 100) / 100;
}

/**
 * Compares a run's figures with the baseline. Returns { ok, lines } where lines say, per figure,
 * baseline → now and the verdict. `complete` is false when the run measured only part of the
 * figures on purpose (--only, --no-latency): then a figure it did not measure is not a failure.
 */
export function compareWithBaseline(baseline, figures, { complete = true } = {}) {
  const lines = [];
  let ok = true;
  for (const [name, entry] of Object.entries(baseline.ratios ?? {})) {
    const now = figures.ratios[name];
    if (now === undefined) {
      ok &&= !complete;
      lines.push(
        `${complete ? "MISSING   " : "not run   "} ratio ${name} (baseline ${entry.value})`,
      );
      continue;
    }
    const tolerance = entry.tolerance ?? DEFAULT_TOLERANCE;
    const limit =
      entry.better === "lower" ? entry.value * (1 + tolerance) : entry.value * (1 - tolerance);
    const regressed = entry.better === "lower" ? now > limit : now < limit;
    ok &&= !regressed;
    lines.push(
      `${regressed ? "REGRESSED " : "ok        "} ratio ${name}: ${entry.value} → ${now} ` +
        `(${entry.better} is better; limit ${round(limit)}, ${Math.round(tolerance * 100)} %)`,
    );
  }
  const slack = baseline.count_slack ?? {};
  for (const [name, expected] of Object.entries(baseline.counts ?? {})) {
    const now = figures.counts[name];
    if (now === undefined) {
      ok &&= !complete;
      lines.push(`${complete ? "MISSING   " : "not run   "} count ${name} (baseline ${expected})`);
      continue;
    }
    // Exact, unless the baseline gives this kind of count a slack (`count_slack`, by prefix).
    // The longest matching prefix wins ("flights PATCH" over "flights ").
    const allowed =
      Object.entries(slack)
        .filter(([prefix, n]) => typeof n === "number" && name.startsWith(prefix))
        .sort((a, b) => b[0].length - a[0].length)[0]?.[1] ?? 0;
    const within = Math.abs(now - expected) <= allowed;
    const verdict = within ? "ok        " : now > expected ? "REGRESSED " : "IMPROVED  ";
    ok &&= within;
    const note = !within && now < expected ? " (record it)" : allowed ? ` (± ${allowed})` : "";
    lines.push(`${verdict} count ${name}: ${expected} → ${now}${note}`);
  }
  for (const name of Object.keys(figures.counts)) {
    if (!(name in (baseline.counts ?? {})))
      lines.push(`new        count ${name}: ${figures.counts[name]} (not in the baseline)`);
  }
  return { ok, lines };
}

/** Reads bench/baseline.json. */
export function readBaseline(file) {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Writes this run's figures as the baseline, keeping directions and tolerances. */
export function writeBaseline(file, figures, previous, recorded) {
  const ratios = {};
  for (const [name, value] of Object.entries(figures.ratios)) {
    const { better } = RATIOS[name];
    const kept = previous?.ratios?.[name] ?? {};
    ratios[name] = { ...kept, value, better, tolerance: kept.tolerance ?? DEFAULT_TOLERANCE };
  }
  const baseline = {
    $comment:
      previous?.$comment ??
      "Ratios and counts from `npm run bench -- --smoke` (bench/lib/baseline.mjs). A ratio may be worse by its tolerance; counts must match within count_slack. Rewrite with `npm run bench -- --smoke --write-baseline` and say why in the commit.",
    recorded,
    ratios,
    count_slack: previous?.count_slack ?? {},
    counts: figures.counts,
  };
  writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}
