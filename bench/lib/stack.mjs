// The system under test: Postgres (embedded and in memory, or DATABASE_URL), migrations, and the
// bench Worker (bench/worker/index.ts: the product plus the /bench routes) built once and served
// by workerd through `wrangler dev` on a free loopback port, with throwaway secrets and state.
// Nothing of a developer's .dev.vars or .wrangler/state is touched.
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  freePort,
  startEmbeddedPostgres,
  withPassword,
} from "../../scripts/lib/embedded-postgres.mjs";
import {
  formatVars,
  generateSecrets,
  redactUrl,
  startWrangler,
  waitForHttp,
  wranglerBin,
} from "../../scripts/lib/local-worker.mjs";
import { migrateUp } from "../../scripts/lib/migrations.mjs";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
/** The bench Worker's entry: never deployed (src/index.ts is what `wrangler deploy` ships). */
export const benchEntry = join(root, "bench/worker/index.ts");

/**
 * Bundles the bench Worker once (`wrangler deploy --dry-run bench/worker/index.ts`: the product
 * Worker plus the /bench comparison routes, with wrangler.toml's development config), so the run
 * measures one fixed build: `wrangler dev` on the sources would rebuild and restart workerd
 * whenever a file changes.
 */
function buildWorker(outdir, logFile) {
  const result = spawnSync(
    process.execPath,
    [wranglerBin(), "deploy", "--dry-run", "--outdir", outdir, benchEntry],
    { cwd: root, encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  writeFileSync(logFile, `${result.stdout ?? ""}${result.stderr ?? ""}`, { flag: "a" });
  if (result.status !== 0) {
    throw new Error(`building the Worker failed (wrangler deploy --dry-run); see ${logFile}`);
  }
  return join(outdir, "index.js");
}

/** The last lines of a log file, for error messages. */
export function tail(file, lines = 30) {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/**
 * The stack, not yet started: `start()` resolves once /health/live answers; `stop()` (idempotent,
 * safe at any point, also during `start()`) stops wrangler's process group and Postgres and
 * deletes the run's temporary files. `workerDatabaseUrl(url)`, when given, returns the address
 * the Worker's Hyperdrive binding uses instead (e.g. through a delay proxy); migrations go direct.
 */
export function createStack({ onStatus = () => {}, workerDatabaseUrl } = {}) {
  const workDir = mkdtempSync(join(tmpdir(), "shelfwise-bench-"));
  const logFile = join(workDir, "wrangler.log");
  const parts = { postgres: null, wrangler: null, logFd: null };
  let stopping = null;

  const stack = {
    baseUrl: null,
    operatorToken: null,
    database: null,
    exited: null,
    /** The Worker's DevTools inspector and the bundle it runs (CPU profiles: lib/cpu-profile.mjs). */
    inspectorPort: null,
    bundlePath: null,
    /** The last lines wrangler and workerd printed. */
    log: (lines) => tail(logFile, lines),
    /** wrangler's pid, which is also its process group id. */
    get pid() {
      return parts.wrangler?.child.pid ?? null;
    },
    stop(options) {
      stopping ??= (async () => {
        await parts.wrangler?.stop(options);
        if (parts.logFd !== null) closeSync(parts.logFd);
        await parts.postgres?.stop().catch(() => {});
        rmSync(workDir, { recursive: true, force: true });
      })();
      return stopping;
    },
    async start() {
      let databaseUrl;
      if (process.env.DATABASE_URL) {
        databaseUrl = withPassword(process.env.DATABASE_URL);
        stack.database = redactUrl(databaseUrl);
      } else {
        parts.postgres = await startEmbeddedPostgres();
        databaseUrl = parts.postgres.url;
        stack.database = "embedded (PGlite, in memory)";
      }
      onStatus(`database: ${stack.database}`);
      await migrateUp(databaseUrl);
      if (stopping) throw new Error("stopped");

      onStatus("building the Worker");
      const script = buildWorker(join(workDir, "dist"), logFile);
      stack.bundlePath = script;

      const secrets = generateSecrets();
      const envFile = join(workDir, "bench.env");
      // BENCH_ROUTES: the bench-only comparison routes under /bench (development/test only).
      writeFileSync(envFile, formatVars({ ...secrets, BENCH_ROUTES: "true" }), { mode: 0o600 });
      stack.operatorToken = secrets.OPERATOR_TOKEN;

      const port = await freePort();
      const inspectorPort = await freePort();
      if (stopping) throw new Error("stopped");
      parts.logFd = openSync(logFile, "a");
      stack.inspectorPort = inspectorPort;
      onStatus(`starting wrangler dev on 127.0.0.1:${port} (inspector on ${inspectorPort})`);
      parts.wrangler = startWrangler({
        port,
        databaseUrl: workerDatabaseUrl ? await workerDatabaseUrl(databaseUrl) : databaseUrl,
        cwd: root,
        stdout: parts.logFd,
        env: {
          FORCE_COLOR: "0",
          NO_COLOR: "1",
          // wrangler dev records every invocation and subrequest (each fetch, each database
          // socket) as trace spans in a local store, through a streaming tail Worker in workerd's
          // own thread: a development explorer, not something production runs beside the Worker.
          // X_LOCAL_OBSERVABILITY=true keeps it, to measure what it costs.
          X_LOCAL_OBSERVABILITY: process.env.X_LOCAL_OBSERVABILITY ?? "false",
        },
        args: [
          script,
          // Given a script outside the project, wrangler would look for its config beside it.
          "--config",
          join(root, "wrangler.toml"),
          "--no-bundle",
          // No line per request: printing them costs CPU in wrangler's Node process, which
          // production does not spend. Warnings and errors still reach the log.
          "--log-level",
          "warn",
          "--env-file",
          envFile,
          "--persist-to",
          join(workDir, "state"),
          "--inspector-port",
          String(inspectorPort),
        ],
      });
      stack.baseUrl = parts.wrangler.baseUrl;
      stack.exited = parts.wrangler.exited;
      await waitForHttp(`${stack.baseUrl}/health/live`, { exited: stack.exited });
      return stack;
    },
  };
  return stack;
}
