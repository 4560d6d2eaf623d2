// Options of `npm run dev`: `npm run dev -- --port 8830` (or `--port=8830`), else PORT, else 8787.

export const DEFAULT_PORT = 8787;

export const USAGE = "usage: npm run dev [-- --port N]   (or PORT=N npm run dev)";

/** A TCP port number from `raw`; throws naming `source` (e.g. "--port", "PORT") otherwise. */
export function portFrom(raw, source) {
  const port = /^\d+$/.test(String(raw)) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${source} ${JSON.stringify(raw)} is not a TCP port (1-65535)`);
  }
  return port;
}

/**
 * The dev server's options from its arguments (`process.argv.slice(2)`) and environment:
 * `{ port, help }`. `--port` wins over PORT. An unknown argument is an error, not ignored.
 */
export function parseDevOptions(argv, env = {}) {
  let port;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      help = true;
    } else if (arg === "--port" || arg === "-p") {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("-"))
        throw new Error(`${arg} needs a port number`);
      port = portFrom(value, arg);
      i++;
    } else if (arg.startsWith("--port=")) {
      port = portFrom(arg.slice("--port=".length), "--port");
    } else {
      throw new Error(`unknown argument ${JSON.stringify(arg)}; ${USAGE}`);
    }
  }
  if (port === undefined && env.PORT !== undefined && env.PORT !== "") {
    port = portFrom(env.PORT, "PORT");
  }
  return { port: port ?? DEFAULT_PORT, help };
}

/**
 * How `npm run dev` starts wrangler (startWrangler's options): on `port`, with the links the
 * Worker hands out on the address printed in the banner (PUBLIC_BASE_URL in the environment wins,
 * e.g. behind a tunnel), and with /__scheduled exposed for the cron ticker.
 */
export function devWorkerOptions({ port, env = {} }) {
  return {
    port,
    publicBaseUrl: env.PUBLIC_BASE_URL || `http://localhost:${port}`,
    testScheduled: true,
  };
}
