import { env } from "cloudflare:test";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { READY_FAILURE_TTL_MS } from "../../../src/features/health/service";
import { bookBody, createBook } from "../../features/books/fixtures";
import { call, callJson } from "../../helpers/http";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";

/** The Durable Object call count a response reports in Server-Timing (`do;desc="N calls"`). */
function doCalls(response: Response): number | undefined {
  const header = response.headers.get("server-timing") ?? "";
  const match = /(?:^|,\s*)do;desc="(\d+) calls"/.exec(header);
  return match ? Number(match[1]) : undefined;
}

describe("Server-Timing counts the request's Durable Object calls", () => {
  it("keeps the total and database members beside it", async () => {
    const header = (await call("/health/live")).headers.get("server-timing");
    expect(header).toMatch(/^total;dur=\d+\.\d, db;dur=0\.0;desc="0 queries", do;desc="0 calls"$/);
  });

  it("/health/live makes none", async () => {
    const response = await call("/health/live");
    expect(response.status).toBe(200);
    expect(doCalls(response)).toBe(0);
  });

  it("a /v2 read makes one: the rate limiter", async () => {
    const { adminKey } = await createTestTenant();
    const book = await createBook(adminKey);
    const one = await call(`/v2/books/${book.id}`, { headers: bearer(adminKey) });
    expect(one.status).toBe(200);
    expect(doCalls(one)).toBe(1);
    const page = await call("/v2/books?limit=20", { headers: bearer(adminKey) });
    expect(page.status).toBe(200);
    expect(doCalls(page)).toBe(1);
  });

  it("a POST with Idempotency-Key waits for two (limiter, store), a replay too", async () => {
    const { adminKey } = await createTestTenant();
    const headers = { ...bearer(adminKey), "idempotency-key": `do-calls-${crypto.randomUUID()}` };
    const body = bookBody();
    const first = await callJson("/v2/books", "POST", body, headers);
    expect(first.status).toBe(201);
    expect(doCalls(first)).toBe(2);
    const replay = await callJson("/v2/books", "POST", body, headers);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(doCalls(replay)).toBe(2);
  });

  it("a /v2 error waits for the limiter only: its traffic-log count is after the response", async () => {
    const { adminKey } = await createTestTenant();
    const missing = await call("/v2/books/book_00000000000000000000000000", {
      headers: bearer(adminKey),
    });
    expect(missing.status).toBe(404);
    expect(doCalls(missing)).toBe(1);
  });

  it("GET /v2/tenant shows the window its own admission left: one call", async () => {
    const { adminKey } = await createTestTenant();
    type Usage = { usage: { requests: { used: number } } };
    const first = await call("/v2/tenant", { headers: bearer(adminKey) });
    const used = ((await first.json()) as Usage).usage.requests.used;
    const response = await call("/v2/tenant", { headers: bearer(adminKey) });
    expect(response.status).toBe(200);
    expect(doCalls(response)).toBe(1);
    // This request is counted in what it shows.
    expect(((await response.json()) as Usage).usage.requests.used).toBe(used + 1);
  });

  it("readiness counts its two object pings, on the request that ran them", async () => {
    await new Promise((resolve) => setTimeout(resolve, READY_FAILURE_TTL_MS)); // past any cached failure
    const response = await call("/health/ready", {}, { HYPERDRIVE: env.HYPERDRIVE_UNREACHABLE });
    expect(response.status).toBe(503);
    expect(doCalls(response)).toBe(2);
  });

  it("an operator's tenant figures count the tenant's traffic-log read", async () => {
    const { id } = await createTestTenant();
    const response = await call(`/admin/ops/tenants/${id}`, { headers: operator() });
    expect(response.status).toBe(200);
    expect(doCalls(response)).toBeGreaterThanOrEqual(1);
  });
});

describe("the request log", () => {
  let spy: MockInstance;
  beforeEach(() => {
    spy = vi.spyOn(console, "log").mockImplementation(() => {});
  });
  afterEach(() => spy.mockRestore());

  it("carries do_calls", async () => {
    const { adminKey } = await createTestTenant();
    spy.mockClear();
    const response = await call("/v2/books", { headers: bearer(adminKey) });
    const lines = spy.mock.calls.map(
      (args) => JSON.parse(String(args[0])) as Record<string, unknown>,
    );
    const request = lines.find((l) => l.message === "request");
    expect(request).toMatchObject({
      request_id: response.headers.get("x-request-id"),
      do_calls: 1,
    });
  });
});
