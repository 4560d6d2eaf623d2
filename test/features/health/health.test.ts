import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { READY_FAILURE_TTL_MS, READY_SUCCESS_TTL_MS } from "../../../src/features/health/service";
import { call, readProblem } from "../../helpers/http";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("GET /health/live", () => {
  it("answers 200 without touching any dependency", async () => {
    const response = await call("/health/live");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("server-timing")).toMatch(/db;dur=0\.0;desc="0 queries"/);
  });
});

describe("GET /health/ready", () => {
  it("reports Postgres, R2 and the Durable Objects ok with their latencies", async () => {
    // Past any result an earlier suite's probe left in this isolate: this one must run the checks.
    await sleep(READY_SUCCESS_TTL_MS);
    const response = await call("/health/ready");
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      status: string;
      checks: Record<string, { status: string; latency_ms: number }>;
    };
    expect(body.status).toBe("ok");
    expect(Object.keys(body.checks).sort()).toEqual(["durable_objects", "postgres", "r2"]);
    for (const check of Object.values(body.checks)) {
      expect(check.status).toBe("ok");
      expect(check.latency_ms).toBeGreaterThanOrEqual(0);
    }
    expect(response.headers.get("server-timing")).toMatch(/desc="1 queries"/);
  });

  it("answers 503 naming the Postgres check when the database is unreachable", async () => {
    const started = Date.now();
    const response = await call("/health/ready", {}, { HYPERDRIVE: env.HYPERDRIVE_UNREACHABLE });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.status).toBe(503);
    const problem = await readProblem(response);
    expect(problem.code).toBe("service_unavailable");
    const checks = problem.checks as Record<string, { status: string; error?: string }>;
    expect(checks.postgres?.status).toBe("fail");
    expect(checks.r2?.status).toBe("ok");
    expect(checks.durable_objects?.status).toBe("ok");
    expect(JSON.stringify(problem)).not.toContain("127.0.0.1");
  });
});

describe("GET /health/ready under probes", () => {
  const queriesOf = (response: Response) =>
    Number(/desc="(\d+) queries"/.exec(response.headers.get("server-timing") ?? "")?.[1]);
  const checkedAt = async (response: Response) =>
    ((await response.json()) as { checked_at: string }).checked_at;

  it("N rapid probes, concurrent then sequential, cause at most one database check", async () => {
    await sleep(READY_SUCCESS_TTL_MS); // past any result an earlier test left
    // Concurrent probes as separate requests (SELF), each in its own request context.
    const concurrent = await Promise.all(
      Array.from({ length: 10 }, () => SELF.fetch("https://api.shelfwise.test/health/ready")),
    );
    const sequential = [];
    for (let i = 0; i < 10; i++) sequential.push(await call("/health/ready"));
    const all = [...concurrent, ...sequential];
    expect(all.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(all.reduce((sum, r) => sum + queriesOf(r), 0)).toBe(1);
    expect(new Set(await Promise.all(all.map(checkedAt))).size).toBe(1);
  });

  it("a failure is reused for less time than a success", async () => {
    const unreachable = { HYPERDRIVE: env.HYPERDRIVE_UNREACHABLE };
    const failedAt = async () =>
      String((await readProblem(await call("/health/ready", {}, unreachable))).checked_at);
    const firstFailure = await failedAt();
    expect(await failedAt()).toBe(firstFailure);
    const firstSuccess = await checkedAt(await call("/health/ready"));

    await sleep(READY_FAILURE_TTL_MS + 100);
    expect(await failedAt()).not.toBe(firstFailure);
    expect(await checkedAt(await call("/health/ready"))).toBe(firstSuccess);
  });
});
