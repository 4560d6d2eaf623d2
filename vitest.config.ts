import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

/** Secrets the Worker needs, test values only. */
const testSecrets = {
  ENVIRONMENT: "test",
  OPERATOR_TOKEN: "op_test_0123456789abcdef0123456789abcdef",
  WEBHOOK_SECRET_KEY: btoa("w".repeat(32)),
  URL_SIGNING_KEY: btoa("u".repeat(32)),
};

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest(async ({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: testSecrets,
              hyperdrives: {
                HYPERDRIVE: inject<string>("databaseUrl"),
                // A binding to a closed port: readiness must report Postgres as failing.
                HYPERDRIVE_UNREACHABLE: "postgres://postgres:postgres@127.0.0.1:9/unreachable",
              },
            },
          })),
        ],
        test: {
          name: "workers",
          include: ["test/**/*.test.ts"],
          exclude: ["test/node/**"],
          globalSetup: ["./test/global-setup.ts", "./test/webhook-receiver.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
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
