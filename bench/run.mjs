// `npm run bench [-- options]`: throughput and latency of the Worker running in workerd locally.
// Starts its own Postgres and Worker, runs every scenario in bench/scenarios/ (warm-up, then a
// measured run), prints a table and ratios, writes bench/results/<timestamp>.json, stops it all.
// Figures are for comparing builds on one machine; absolute times are never asserted. A --smoke
// run compares its ratios and counts with bench/baseline.json and fails on a regression
// (bench/lib/baseline.mjs).
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { stopProcessGroup } from "../scripts/lib/local-worker.mjs";
import { provisionTenant } from "../scripts/lib/operator-api.mjs";
import { compareWithBaseline, figuresOf, readBaseline, writeBaseline } from "./lib/baseline.mjs";
import { measure } from "./lib/measure.mjs";
import { descendantsNamed } from "./lib/proc.mjs";
import {
  computeRatios,
  describeEnvironment,
  formatRatio,
  formatTable,
  writeResults,
} from "./lib/report.mjs";
import { loadScenarios } from "./lib/scenario.mjs";
import { createStack, root } from "./lib/stack.mjs";

const HELP = `Usage: npm run bench -- [options]

  --smoke             tiny run for CI: no warm-up, 1 s per scenario, 2 connections
  --duration N        measured seconds per scenario (default 10)
  --warmup N          discarded warm-up seconds per scenario (default 3; 0 with --smoke)
  --connections N     concurrent connections (default 10; 2 with --smoke)
  --only a,b          run only these scenarios (names from bench/scenarios/*.mjs)
  --list              list the scenarios and exit
  --no-latency        skip the database-distance run (bench/latency.mjs) that follows the scenarios
  --write-baseline    with --smoke: record this run's ratios and counts in bench/baseline.json
  -h, --help          this text

DATABASE_URL selects a Postgres server instead of the embedded one.`;

function positiveNumber(name, raw, { allowZero = false } = {}) {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new Error(`--${name} needs a ${allowZero ? "non-negative" : "positive"} number`);
  }
  return value;
}

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: "boolean", default: false },
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      only: { type: "string" },
      list: { type: "boolean", default: false },
      "no-latency": { type: "boolean", default: false },
      "write-baseline": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const smoke = values.smoke;
  return {
    help: values.help,
    list: values.list,
    latency: !values["no-latency"] && !values.only,
    writeBaseline: values["write-baseline"],
    smoke,
    duration: values.duration ? positiveNumber("duration", values.duration) : smoke ? 1 : 10,
    warmup: values.warmup
      ? positiveNumber("warmup", values.warmup, { allowZero: true })
      : smoke
        ? 0
        : 3,
    connections: values.connections
      ? Math.round(positiveNumber("connections", values.connections))
      : smoke
        ? 2
        : 10,
    only: values.only
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

function selectScenarios(all, only) {
  if (!only?.length) return all;
  const unknown = only.filter((name) => !all.some((s) => s.name === name));
  if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(", ")}`);
  return all.filter((s) => only.includes(s.name));
}

function makeContext(stack, { smoke, warmup, duration }) {
  let tenants = 0;
  return {
    baseUrl: stack.baseUrl,
    operatorToken: stack.operatorToken,
    smoke,
    seconds: warmup + duration,
    /** The workerd processes serving the Worker (for memory readings). */
    workerPids: () => (stack.pid ? descendantsNamed(stack.pid, "workerd") : []),
    provisionTenant: ({ name, plan = "standard" } = {}) =>
      provisionTenant(stack.baseUrl, stack.operatorToken, {
        name: name ?? `Bench tenant ${++tenants}`,
        plan,
      }).then(({ tenantId, apiKey }) => ({ tenantId, apiKey })),
    api: (path, { apiKey, json, headers, ...init } = {}) =>
      fetch(new URL(path, stack.baseUrl), {
        ...init,
        headers: {
          ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
          ...(json !== undefined ? { "content-type": "application/json" } : {}),
          ...headers,
        },
        body: json !== undefined ? JSON.stringify(json) : init.body,
        signal: AbortSignal.timeout(15_000),
      }),
  };
}

async function runScenario(scenario, ctx, options, signal) {
  const state = scenario.setup ? await scenario.setup(ctx) : {};
  if (scenario.run) {
    const figures = await scenario.run({ ...ctx, ...state });
    return {
      name: scenario.name,
      description: scenario.description ?? null,
      kind: "run",
      ...figures,
    };
  }
  const request =
    typeof scenario.request === "function"
      ? await scenario.request({ ...ctx, ...state })
      : scenario.request;
  const connections = scenario.connections ?? options.connections;
  const target = { baseUrl: ctx.baseUrl, request, connections, signal };
  if (options.warmup > 0) await measure({ ...target, duration: options.warmup });
  if (signal.aborted) throw signal.reason;
  const figures = await measure({ ...target, duration: options.duration });
  if (signal.aborted) throw signal.reason;
  return {
    name: scenario.name,
    description: scenario.description ?? null,
    method: request.method ?? "GET",
    path: request.path,
    compare_to: scenario.compareTo ?? null,
    warmup_s: options.warmup,
    // Figures the scenario's setup measured (queries per request), kept with the run's.
    ...(state.record ?? {}),
    ...figures,
  };
}

/** Set by main(): whether bench/latency.mjs runs after the scenarios, and how. */
let latencyAfter = null;
/** Set by main() on a --smoke run: the run's figures go against bench/baseline.json. */
let baselineAfter = null;
const BASELINE_FILE = join(root, "bench/baseline.json");
const LATENCY_JSON = join(tmpdir(), `shelfwise-bench-latency-${process.pid}.json`);

async function main() {
  const options = parseOptions(process.argv.slice(2));
  latencyAfter =
    options.latency && !options.list && !options.help ? { smoke: options.smoke } : null;
  if (options.writeBaseline && !options.smoke) throw new Error("--write-baseline needs --smoke");
  if (options.help) {
    console.log(HELP);
    return 0;
  }
  const all = await loadScenarios();
  if (options.list) {
    for (const s of all) console.log(`${s.name.padEnd(24)} ${s.description ?? ""} (${s.file})`);
    return 0;
  }
  const scenarios = selectScenarios(all, options.only);
  const say = (message) => console.log(`[bench] ${message}`);

  const stack = createStack({ onStatus: say });
  const controller = new AbortController();
  let interrupted = false;
  const onSignal = (signal) => {
    if (interrupted) {
      // A second Ctrl-C: no grace left for wrangler's process group.
      if (stack.pid) stopProcessGroup(stack.pid, { leaderGraceMs: 0, graceMs: 0 });
      return;
    }
    interrupted = true;
    console.error(`\n[bench] ${signal}: stopping`);
    controller.abort(new Error(`interrupted by ${signal}`));
    stack.stop();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const startedAt = new Date().toISOString();
  const environment = describeEnvironment(root);
  say(
    `${scenarios.length} scenario(s): ${options.warmup} s warm-up + ${options.duration} s measured ` +
      `each, ${options.connections} connections${options.smoke ? " (smoke)" : ""}; ` +
      `load average ${environment.load_average_1m} on ${environment.cpus} CPUs`,
  );

  const results = [];
  let failure = null;
  try {
    await stack.start();
    stack.exited.then(({ code, signal }) => {
      controller.abort(
        new Error(`wrangler exited during the run (code ${code}, signal ${signal})`),
      );
    });
    const ctx = makeContext(stack, options);
    for (const scenario of scenarios) {
      if (controller.signal.aborted) throw controller.signal.reason;
      say(`running ${scenario.name}`);
      results.push(await runScenario(scenario, ctx, options, controller.signal));
    }
  } catch (error) {
    failure = error;
  }
  const log = failure && !interrupted ? stack.log(40) : "";
  await stack.stop();

  // Scenarios that ran themselves (kind "run") print their own summary lines.
  const throughput = results.filter((r) => r.kind !== "run");
  if (results.length) {
    const ratios = computeRatios(throughput);
    if (throughput.length) console.log(`\n${formatTable(throughput)}\n`);
    for (const ratio of ratios) console.log(formatRatio(ratio, throughput));
    for (const r of results.filter((r) => r.kind === "run")) {
      console.log(`\n${r.summary.join("\n")}`);
    }
    const file = writeResults(root, {
      started_at: startedAt,
      finished_at: new Date().toISOString(),
      complete: !failure,
      environment: { ...environment, database: stack.database },
      options: {
        smoke: options.smoke,
        duration_s: options.duration,
        warmup_s: options.warmup,
        connections: options.connections,
      },
      scenarios: results,
      ratios,
    });
    console.log(`\n[bench] figures written to ${relative(root, file)}`);
    if (options.smoke && !options.list) {
      baselineAfter = {
        run: { scenarios: results, ratios },
        write: options.writeBaseline,
        complete: !options.only && options.latency,
        recorded: {
          at: startedAt,
          commit: environment.git_commit,
          load_average_1m: environment.load_average_1m,
          cpus: environment.cpus,
        },
      };
    }
  }

  if (interrupted) return 130;
  if (failure) {
    console.error(`[bench] ${failure.stack ?? failure.message}`);
    if (log) console.error(`--- wrangler log (last lines) ---\n${log}`);
    return 1;
  }
  // Not a speed assertion: a scenario whose responses were all errors measured nothing but its
  // failure. One that completed no request at all (a slow machine, a 1 s smoke) proves nothing
  // either way and only warns.
  const has2xx = (r) => Object.keys(r.status_codes).some((code) => code.startsWith("2"));
  const silent = throughput.filter((r) => r.requests === 0 && r.errors === 0);
  if (silent.length) {
    const names = silent.map((r) => r.name).join(", ");
    console.warn(`[bench] warning: no request completed in ${names}; try a longer --duration`);
  }
  const failed = throughput.filter((r) => !has2xx(r) && !silent.includes(r));
  if (failed.length) {
    const which = failed
      .map(
        (r) =>
          `${r.name} ${JSON.stringify(r.status_codes)}${r.errors ? ` ${r.errors} errors` : ""}`,
      )
      .join(", ");
    console.error(`[bench] no 2xx response in: ${which}`);
    return 1;
  }
  // Every throughput scenario sends under its limits (keys in blocks, bench/lib/fixtures.mjs): a
  // 429 means the limiter, not the route, shaped the figure (429s are cheap and inflate req/s).
  const limited = throughput.filter((r) => r.status_codes["429"]);
  if (limited.length) {
    const which = limited.map((r) => `${r.name} (${r.status_codes["429"]} of ${r.requests})`);
    console.error(`[bench] rate-limited responses in: ${which.join(", ")}`);
    return 1;
  }
  return 0;
}

/** The database-distance benchmark, in its own process (it starts its own stack). */
function runLatency(smoke) {
  const script = join(root, "bench/latency.mjs");
  const args = [script, ...(smoke ? ["--smoke"] : []), "--json", LATENCY_JSON];
  const result = spawnSync(process.execPath, args, { stdio: "inherit" });
  return result.status ?? 1;
}

/** A --smoke run against bench/baseline.json (or recorded as it, with --write-baseline). */
function checkBaseline({ run, write, complete, recorded }) {
  const latency = latencyAfter ? JSON.parse(readFileSync(LATENCY_JSON, "utf8")).results : null;
  rmSync(LATENCY_JSON, { force: true });
  const figures = figuresOf(run, latency);
  let previous = null;
  try {
    previous = readBaseline(BASELINE_FILE);
  } catch {
    // none yet
  }
  if (write) {
    writeBaseline(BASELINE_FILE, figures, previous, recorded);
    console.log(`\n[bench] baseline written to ${relative(root, BASELINE_FILE)}`);
    return 0;
  }
  if (!previous) {
    console.error("[bench] no bench/baseline.json: record one with --smoke --write-baseline");
    return 1;
  }
  const { ok, lines } = compareWithBaseline(previous, figures, { complete });
  console.log(`\n[bench] against ${relative(root, BASELINE_FILE)}:\n${lines.join("\n")}`);
  if (!ok) {
    console.error(
      "[bench] performance regression against the baseline (bench/README.md: what to do)",
    );
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    if (code === 0 && latencyAfter) code = runLatency(latencyAfter.smoke);
    if (code === 0 && baselineAfter) code = checkBaseline(baselineAfter);
    process.exit(code);
  },
  (error) => {
    console.error(`[bench] ${error.message}`);
    process.exit(1);
  },
);
