/**
 * scripts/canary-check.mjs, the error-rate gate of a gradual production deploy, against a stub of
 * the Analytics Engine SQL API on loopback: it promotes a healthy canary, rolls back one whose
 * inferred 5xx ratio exceeds the fast burn-rate limit of ops/slo.json, passes (saying why) when
 * there is too little traffic to judge, and fails closed when the API does not answer.
 */
import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

interface Counts {
  before_requests: number;
  before_errors: number;
  since_requests: number;
  since_errors: number;
}

let server: Server;
let apiBase = "";
let answer: { status: number; counts?: Counts } = { status: 200 };
const seen: Array<{ url: string; authorization?: string; sql: string }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let sql = "";
    request.on("data", (chunk) => {
      sql += chunk;
    });
    request.on("end", () => {
      seen.push({ url: request.url ?? "", authorization: request.headers.authorization, sql });
      response.writeHead(answer.status, { "content-type": "application/json" });
      response.end(
        answer.status === 200
          ? JSON.stringify({ meta: [], data: [answer.counts], rows: 1 })
          : '{"error":"boom"}',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** This process's environment without the script's own settings (a developer's shell may have them). */
function withoutCanarySettings(): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  for (const key of Object.keys(inherited)) {
    if (/^(CF_|CANARY_|ANALYTICS_DATASET$)/.test(key)) delete inherited[key];
  }
  return inherited;
}

function check(counts: Counts | undefined, status = 200) {
  answer = { status, counts };
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(root, "scripts/canary-check.mjs")],
      {
        env: {
          ...withoutCanarySettings(),
          CF_ACCOUNT_ID: "acc123",
          CF_ANALYTICS_TOKEN: "tok456",
          CF_API_BASE: apiBase,
          CANARY_SINCE: String(Math.floor(Date.now() / 1000) - 300),
          CANARY_PERCENT: "10",
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe("canary error-rate check", () => {
  it("promotes a canary whose 5xx ratio is the old version's", async () => {
    const run = await check({
      before_requests: 10_000,
      before_errors: 10,
      since_requests: 10_000,
      since_errors: 11,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("limit 1.440 %");
    expect(run.stdout).toContain("canary: promote");
    const last = seen.at(-1);
    expect(last?.url).toBe("/client/v4/accounts/acc123/analytics_engine/sql");
    expect(last?.authorization).toBe("Bearer tok456");
    expect(last?.sql).toMatch(/FROM shelfwise_requests\nWHERE blob1 = 'request'/);
    expect(last?.sql).toMatch(/toDateTime\(\d+\)/);
  });

  it("rolls back when the new version's inferred 5xx ratio burns the budget at the page rate", async () => {
    // 0.1 % before; 0.5 % with 10 % of traffic on the new version: it alone answers ≈ 4.1 % 5xx.
    const run = await check({
      before_requests: 10_000,
      before_errors: 10,
      since_requests: 10_000,
      since_errors: 50,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("new version ≈ 4.100 %");
    expect(run.stderr).toContain("roll back");
  });

  it("passes with too little traffic, naming the smoke test as the gate", async () => {
    const run = await check({
      before_requests: 40,
      before_errors: 0,
      since_requests: 20,
      since_errors: 20,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("too few to judge");
  });

  it("fails closed (exit 2) when the SQL API answers an error", async () => {
    const run = await check(undefined, 500);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the SQL API answered 500");
  });
});
