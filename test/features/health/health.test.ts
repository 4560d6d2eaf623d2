import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, readProblem } from "../../helpers/http";

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
