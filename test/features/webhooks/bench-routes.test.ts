import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import benchWorker from "../../../bench/worker/index";
import { withOwnerSql } from "../../helpers/db";
import { readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { receiverUrl } from "./delivery-fixtures";

const ENABLED = { BENCH_ROUTES: "true" };

/** Calls the bench Worker (bench/worker/index.ts) with a JSON body, as `callJson` does the product. */
async function callJson(
  path: string,
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
  bindings: Partial<typeof env> = {},
): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await benchWorker.fetch(
    new Request(`https://api.shelfwise.test${path}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
    { ...env, ...bindings },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

async function outbox(tenantId: string) {
  return withOwnerSql(
    (sql) => sql`select type, dispatched_at from events where tenant_id = ${tenantId} order by id`,
  );
}

describe("/bench/webhooks (the webhook benchmark's two sides)", () => {
  it("do not exist unless the benchmark harness enables them, and never in production", async () => {
    const tenant = await createTestTenant();
    const body = { count: 1 };
    const hidden = await callJson("/bench/webhooks/backlog", "POST", body, bearer(tenant.adminKey));
    expect(hidden.status).toBe(404);
    const production = await callJson(
      "/bench/webhooks/backlog",
      "POST",
      body,
      bearer(tenant.adminKey),
      { ...ENABLED, ENVIRONMENT: "production" },
    );
    expect(production.status).toBe(404);
    expect(await outbox(tenant.id)).toEqual([]);
  });

  it("commits a backlog of events for the caller's tenant only and relays them", async () => {
    const tenant = await createTestTenant();
    const other = await createTestTenant();
    const response = await callJson(
      "/bench/webhooks/backlog",
      "POST",
      { count: 25 },
      bearer(tenant.adminKey),
      ENABLED,
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { events: number; committed_at: string };
    expect(body.events).toBe(25);
    expect(Date.parse(body.committed_at)).toBeGreaterThan(Date.now() - 60_000);
    const events = await outbox(tenant.id);
    expect(events).toHaveLength(25);
    expect(events.every((e) => e.type === "book.created" && e.dispatched_at !== null)).toBe(true);
    expect(await outbox(other.id)).toEqual([]);
  });

  it("refuses callers without the admin role, and bad parameters, changing nothing", async () => {
    const tenant = await createTestTenant();
    const anonymous = await callJson("/bench/webhooks/backlog", "POST", { count: 1 }, {}, ENABLED);
    expect(anonymous.status).toBe(401);
    const editor = await callJson(
      "/bench/webhooks/backlog",
      "POST",
      { count: 1 },
      bearer(tenant.editorKey),
      ENABLED,
    );
    expect(editor.status).toBe(403);
    for (const count of [0, 2001, "10"]) {
      const invalid = await callJson(
        "/bench/webhooks/backlog",
        "POST",
        { count },
        bearer(tenant.adminKey),
        ENABLED,
      );
      expect(invalid.status).toBe(400);
      expect((await readProblem(invalid)).code).toBe("validation_failed");
    }
    expect(await outbox(tenant.id)).toEqual([]);
  });

  it("runs a plain fetch loop to a loopback receiver, and nowhere else", async () => {
    const url = `${receiverUrl()}/plain-bench-loop`;
    const loop = await callJson(
      "/bench/webhooks/fetch-loop",
      "POST",
      { url, count: 20, concurrency: 4, body: "{}" },
      {},
      ENABLED,
    );
    expect(loop.status).toBe(200);
    const result = (await loop.json()) as { count: number; failed: number; per_second: number };
    expect(result.count).toBe(20);
    expect(result.per_second).toBeGreaterThan(0);
    for (const target of ["https://example.com/x", "http://10.0.0.1/x", "not a url"]) {
      const refused = await callJson(
        "/bench/webhooks/fetch-loop",
        "POST",
        { url: target, count: 1 },
        {},
        ENABLED,
      );
      expect(refused.status).toBe(400);
      expect((await readProblem(refused)).code).toBe("validation_failed");
    }
  });
});
