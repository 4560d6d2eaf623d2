import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

/** Secrets the Worker needs, test values only. */
const testSecrets = {
  ENVIRONMENT: "test",
  OPERATOR_TOKEN: "op_test_0123456789abcdef0123456789abcdef",
  WEBHOOK_SECRET_KEY: btoa("w".repeat(32)),
  URL_SIGNING_KEY: btoa("u".repeat(32)),
  API_KEY_MAC_KEY: btoa("k".repeat(32)),
  // The origin the tests call (test/helpers/http.ts): links the API hands out name it.
  PUBLIC_BASE_URL: "https://api.shelfwise.test",
  // Explicit, so a developer's .dev.vars (read by the pool) cannot change what the tests see.
  ALLOW_LOOPBACK_HTTP: "false",
};

/**
 * Console output of passing tests is dropped (the Worker writes one JSON log line per request, thousands
 * per run); a failing test's output is printed with its failure. SHELFWISE_TEST_LOGS=1 prints it all.
 */
const silent = process.env.SHELFWISE_TEST_LOGS === "1" ? false : "passed-only";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The Worker's outbound fetches: passed on to loopback, refused (502) for any other host. */
async function loopbackOnly(request: Request): Promise<Response> {
  if (LOOPBACK_HOSTS.has(new URL(request.url).hostname)) {
    return fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      duplex: "half",
    } as RequestInit);
  }
  return new Response("The test Worker reaches loopback addresses only.", { status: 502 });
}

/**
 * Suites that need a workerd of their own: `after-response` replaces a module with `vi.mock`
 * (only a fresh module graph per file honours that); `neon-driver` and `pooler` open WebSockets to
 * the local Neon proxy, which the loopback-only outbound service of the main project cannot carry.
 */
const OWN_WORKERD_SUITES = [
  "test/platform/observability/after-response.test.ts",
  "test/platform/db/neon-driver.test.ts",
  "test/platform/db/pooler.test.ts",
];

/** A project whose suites run inside workerd with the real local bindings. */
function workersProject(
  name: string,
  files: { include: string[]; exclude: string[] },
  isolate: boolean,
) {
  return {
    plugins: [
      cloudflareTest(async ({ inject }) => ({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          // In the shared workerd the Worker reaches loopback only (the database, the JWKS server,
          // the webhook receiver): the real local queue consumer may deliver to a suite's endpoint
          // on a public address after that suite moved on, and nothing may leave the machine.
          ...(isolate ? {} : { outboundService: loopbackOnly }),
          // NEON_WS_PROXY alone changes nothing: a test that also sets NEON_DATABASE_URL makes
          // requests use the Neon driver, through the proxy test/global-setup.ts started.
          bindings: { ...testSecrets, NEON_WS_PROXY: inject("neonProxy") },
          hyperdrives: {
            HYPERDRIVE: inject<string>("databaseUrl"),
            // A binding to a closed port: readiness must report Postgres as failing.
            HYPERDRIVE_UNREACHABLE: "postgres://postgres:postgres@127.0.0.1:9/unreachable",
            // The same database through a proxy that counts flights (test/flight-counter.ts).
            HYPERDRIVE_COUNTED: inject<string>("countedDatabaseUrl"),
          },
        },
      })),
    ],
    test: {
      name,
      ...files,
      // Off for the main project: every suite provisions its own tenants, so suites share one
      // workerd and one module graph per worker instead of booting both anew for each file (the
      // start-up and imports were most of the run's time; docs/testing.md).
      isolate,
      globalSetup: [
        "./test/global-setup.ts",
        "./test/jwks-server.ts",
        "./test/webhook-receiver.ts",
      ],
      testTimeout: 30_000,
      hookTimeout: 30_000,
      // FUZZ_RUNS=5000 sets the case count of test/platform/fuzz/fuzz.test.ts (inject("fuzzRuns")).
      provide: { fuzzRuns: process.env.FUZZ_RUNS ?? "" },
    },
  };
}

export default defineConfig({
  test: {
    silent,
    projects: [
      workersProject(
        "workers",
        { include: ["test/**/*.test.ts"], exclude: ["test/node/**", ...OWN_WORKERD_SUITES] },
        false,
      ),
      workersProject("workers-isolated", { include: OWN_WORKERD_SUITES, exclude: [] }, true),
      {
        test: {
          name: "node",
          include: ["test/node/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
        },
      },
    ],
  },
});
