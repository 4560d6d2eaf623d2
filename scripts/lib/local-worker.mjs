// Runs the Worker locally in workerd through `wrangler dev`, for `npm run dev` and the benchmarks:
// secrets for a fresh environment, port checks, start/wait/stop of wrangler's whole process group.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const require = createRequire(import.meta.url);

/** Secret names the Worker requires (see src/env.ts). */
export const REQUIRED_SECRETS = [
  "OPERATOR_TOKEN",
  "WEBHOOK_SECRET_KEY",
  "URL_SIGNING_KEY",
  "API_KEY_MAC_KEY",
];

/** Fresh secrets for a local environment: an operator token and three base64 32-byte keys. */
export function generateSecrets() {
  return {
    OPERATOR_TOKEN: `op_dev_${randomBytes(16).toString("hex")}`,
    WEBHOOK_SECRET_KEY: randomBytes(32).toString("base64"),
    URL_SIGNING_KEY: randomBytes(32).toString("base64"),
    API_KEY_MAC_KEY: randomBytes(32).toString("base64"),
    ALLOW_LOOPBACK_HTTP: "true",
  };
}

/** Formats KEY=VALUE lines as wrangler reads them from .dev.vars or an --env-file. */
export function formatVars(vars, header = "") {
  const lines = Object.entries(vars).map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  return `${header}${lines.join("\n")}\n`;
}

/** Reads KEY=VALUE lines (the subset of dotenv that .dev.vars files use). */
export function parseVars(text) {
  const vars = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2].trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
    } else {
      value = value.replace(/\s+#.*$/, "");
    }
    vars[match[1]] = value;
  }
  return vars;
}

/** True when nothing listens on host:port (binding to it succeeds). */
export async function isPortFree(port, host = "127.0.0.1") {
  return await new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if (error.code !== "ESRCH") throw error;
  }
}

/**
 * Stops a process group led by `pgid`. The leader gets SIGTERM first and `leaderGraceMs` to shut
 * its children down in order (wrangler disposes workerd and esbuild itself; signalling them all
 * at once makes it print errors about its esbuild service vanishing). Then the whole group gets
 * SIGTERM, and SIGKILL if anything in it is still there after `graceMs`. Resolves once the group
 * is gone (or after a last short wait).
 */
export async function stopProcessGroup(pgid, { leaderGraceMs = 3_000, graceMs = 5_000 } = {}) {
  if (!pgid || !groupAlive(pgid)) return;
  try {
    process.kill(pgid, "SIGTERM");
  } catch (error) {
    if (error.code !== "ESRCH") throw error;
  }
  if (await waitGroupGone(pgid, leaderGraceMs)) return;
  signalGroup(pgid, "SIGTERM");
  if (await waitGroupGone(pgid, graceMs)) return;
  signalGroup(pgid, "SIGKILL");
  await waitGroupGone(pgid, 2_000);
}

async function waitGroupGone(pgid, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!groupAlive(pgid)) return true;
    await sleep(50);
  }
  return !groupAlive(pgid);
}

/** Path of wrangler's CLI entry, run with this process's Node (>= 22.12 under with-node22.sh). */
export function wranglerBin() {
  const manifest = require.resolve("wrangler/package.json");
  return join(dirname(manifest), require(manifest).bin.wrangler);
}

/**
 * The arguments of `wrangler dev` on 127.0.0.1:`port`. PUBLIC_BASE_URL (the origin of the links
 * the Worker hands out) is the address it really listens on, unless `publicBaseUrl` names another;
 * `testScheduled` exposes /__scheduled?cron=… (wrangler dev runs no cron trigger by itself).
 */
export function wranglerDevArgs({ port, publicBaseUrl, testScheduled = false, args = [] }) {
  return [
    "dev",
    // First: a positional script among them must not follow `--var`, whose values would take it.
    ...args,
    "--port",
    String(port),
    "--ip",
    "127.0.0.1",
    "--show-interactive-dev-session=false",
    "--var",
    `PUBLIC_BASE_URL:${publicBaseUrl ?? `http://127.0.0.1:${port}`}`,
    ...(testScheduled ? ["--test-scheduled"] : []),
  ];
}

/**
 * Starts `wrangler dev` on 127.0.0.1:`port` in its own process group, with the Hyperdrive binding
 * pointed at `databaseUrl` (see wranglerDevArgs for `publicBaseUrl` and `testScheduled`). stdin is
 * never the terminal: a background process group that reads from or reconfigures the terminal
 * would be stopped by SIGTTIN/SIGTTOU.
 */
export function startWrangler({
  port,
  databaseUrl,
  publicBaseUrl,
  testScheduled,
  args = [],
  stdout = "inherit",
  cwd,
  env = {},
}) {
  const child = spawn(
    process.execPath,
    [wranglerBin(), ...wranglerDevArgs({ port, publicBaseUrl, testScheduled, args })],
    {
      cwd,
      detached: true,
      stdio: ["ignore", stdout, stdout],
      env: {
        ...process.env,
        CLOUDFLARE_HYPERDRIVE_LOCAL_CONNECTION_STRING_HYPERDRIVE: databaseUrl,
        WRANGLER_SEND_METRICS: "false",
        ...env,
      },
    },
  );
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    child.once("error", (error) => resolve({ code: null, signal: null, error }));
  });
  return {
    child,
    exited,
    baseUrl: `http://127.0.0.1:${port}`,
    /** Stops wrangler and everything it started (workerd included). */
    stop: (options) => stopProcessGroup(child.pid, options),
  };
}

/**
 * Polls `url` until it answers 2xx. Fails early if `exited` (the server's exit promise) settles,
 * if the server keeps answering with an error status for `errorGraceMs` (it is up but broken),
 * and after `timeoutMs`.
 */
export async function waitForHttp(
  url,
  { timeoutMs = 120_000, errorGraceMs = 15_000, exited } = {},
) {
  let gone = null;
  exited?.then((result) => {
    gone = result;
  });
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  let failingSince = null;
  while (Date.now() < deadline) {
    if (gone) {
      const how = gone.error ? gone.error.message : `code ${gone.code}, signal ${gone.signal}`;
      throw new Error(`the server exited before ${url} answered (${how})`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return;
      last = `HTTP ${response.status}`;
      failingSince ??= Date.now();
      if (Date.now() - failingSince > errorGraceMs) {
        throw new Error(`${url} keeps answering ${last}`, { cause: "http" });
      }
    } catch (error) {
      if (error.cause === "http") throw error;
      last = error.cause?.code ?? error.cause?.message ?? error.message;
      failingSince = null;
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s (last: ${last})`);
}

/** A URL with its password replaced by `***`, for printing. */
export function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
