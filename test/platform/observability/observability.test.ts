import { env } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { READY_SUCCESS_TTL_MS } from "../../../src/features/health/service";
import { call } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";

const GENERATED_ID = /^req_[0-9a-hjkmnp-tv-z]{26}$/;

describe("X-Request-Id", () => {
  it("keeps a well-formed inbound id", async () => {
    const id = "trace-01HZY.abc:def_ghi-0001";
    const response = await call("/health/live", { headers: { "x-request-id": id } });
    expect(response.headers.get("x-request-id")).toBe(id);
  });

  it("keeps it on error responses too, inside the problem document", async () => {
    const id = "client-trace-000042";
    const response = await call("/does-not-exist", { headers: { "x-request-id": id } });
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBe(id);
    expect(((await response.json()) as { request_id: string }).request_id).toBe(id);
  });

  it("generates one when none is sent", async () => {
    const response = await call("/health/live");
    expect(response.headers.get("x-request-id")).toMatch(GENERATED_ID);
  });

  for (const [why, id] of [
    ["too long", "a".repeat(129)],
    ["too short", "abc"],
    ["spaces", "my request id"],
    ["markup", "<script>alert(1)</script>"],
    ["a log-forging newline escape", "abc12345\\n{level:error}"],
  ] as const) {
    it(`replaces an inbound id with ${why}`, async () => {
      const headers = new Headers();
      headers.set("x-request-id", id);
      const response = await call("/health/live", { headers });
      const sent = response.headers.get("x-request-id");
      expect(sent).toMatch(GENERATED_ID);
      expect(sent).not.toBe(id);
    });
  }

  it("makes a different id for every request", async () => {
    const ids = new Set<string | null>();
    for (let i = 0; i < 5; i++) ids.add((await call("/health/live")).headers.get("x-request-id"));
    expect(ids.size).toBe(5);
  });
});

describe("Server-Timing", () => {
  const timing = (response: Response) => {
    const header = response.headers.get("server-timing") ?? "";
    const total = /(?:^|,\s*)total;dur=(\d+(?:\.\d+)?)/.exec(header);
    const db = /(?:^|,\s*)db;dur=(\d+(?:\.\d+)?);desc="(\d+) queries"/.exec(header);
    return {
      header,
      total: total ? Number(total[1]) : undefined,
      dbMs: db ? Number(db[1]) : undefined,
      queries: db ? Number(db[2]) : undefined,
    };
  };

  it("reports total time and no database work for /health/live", async () => {
    const t = timing(await call("/health/live"));
    expect(t.total, t.header).toBeGreaterThanOrEqual(0);
    expect(t.dbMs, t.header).toBe(0);
    expect(t.queries, t.header).toBe(0);
  });

  it("counts the queries a request makes, and their time", async () => {
    const { adminKey } = await createTestTenant();
    const t = timing(await call("/v2/books", { headers: bearer(adminKey) }));
    expect(t.queries, t.header).toBeGreaterThanOrEqual(1);
    expect(t.dbMs, t.header).toBeGreaterThan(0);
    expect(t.total ?? 0, t.header).toBeGreaterThanOrEqual(t.dbMs ?? 0);
  });

  it("is sent on error responses too", async () => {
    const t = timing(await call("/does-not-exist"));
    expect(t.total, t.header).toBeGreaterThanOrEqual(0);
    expect(t.queries, t.header).toBe(0);
  });
});

describe("the request log", () => {
  let spies: MockInstance[] = [];

  beforeEach(() => {
    spies = (["log", "info", "warn", "error", "debug"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => {}),
    );
  });
  afterEach(() => {
    for (const spy of spies) spy.mockRestore();
  });

  /** Every line written to the console during the calls, parsed as JSON. */
  const lines = () =>
    spies.flatMap((spy) =>
      spy.mock.calls.map((args) => {
        expect(args, "one string per line").toHaveLength(1);
        return JSON.parse(String(args[0])) as Record<string, unknown>;
      }),
    );

  it("writes exactly one JSON line per request, with its figures", async () => {
    const response = await call("/health/live", {
      headers: { "x-request-id": "log-test-0000001" },
    });
    const logged = lines();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: "info",
      message: "request",
      request_id: "log-test-0000001",
      method: "GET",
      route: "/health/live",
      status: 200,
      db_queries: 0,
    });
    expect(logged[0]?.duration_ms).toEqual(expect.any(Number));
    expect(Date.parse(String(logged[0]?.time))).not.toBeNaN();
    expect(response.headers.get("x-request-id")).toBe("log-test-0000001");
  });

  it("logs the route pattern and the query count of a database route", async () => {
    // Past any readiness result an earlier suite left in this isolate: this probe must query.
    await new Promise((resolve) => setTimeout(resolve, READY_SUCCESS_TTL_MS));
    const response = await call("/health/ready");
    const requests = lines().filter((l) => l.message === "request");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      request_id: response.headers.get("x-request-id"),
      method: "GET",
      route: "/health/ready",
      status: 200,
      db_queries: 1,
    });
    expect(requests[0]?.db_ms).toEqual(expect.any(Number));
  });

  it("logs a failed request once, at error level for a 5xx, with its error code", async () => {
    const response = await call("/health/ready", {}, { HYPERDRIVE: env.HYPERDRIVE_UNREACHABLE });
    expect(response.status).toBe(503);
    const requests = lines().filter((l) => l.message === "request");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      level: "error",
      status: 503,
      error_code: "service_unavailable",
      request_id: response.headers.get("x-request-id"),
    });
  });

  it("logs a 4xx once with its code, under a route pattern rather than the raw path", async () => {
    const response = await call("/does-not-exist/ten_secret");
    expect(response.status).toBe(404);
    const requests = lines().filter((l) => l.message === "request");
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ level: "info", status: 404, error_code: "not_found" });
    // Raw paths carry ids; the route field is for grouping, so it stays a pattern.
    expect(requests[0]?.route).not.toContain("ten_secret");
  });
});
