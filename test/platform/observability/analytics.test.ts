import { describe, expect, it } from "vitest";
import { relayTenant } from "../../../src/platform/webhooks/relay";
import { recordEvents, runBatch, webhookEnv } from "../../features/webhooks/delivery-fixtures";
import { endpointTo, fastTenant } from "../../features/webhooks/fixtures";
import { call, callJson } from "../../helpers/http";
import { bearer, operator, provisionTenant } from "../../helpers/tenant";

/** An Analytics Engine binding that records what the Worker writes to it. */
function recorder() {
  const points: AnalyticsEngineDataPoint[] = [];
  const dataset: AnalyticsEngineDataset = {
    writeDataPoint: (point) => {
      if (point) points.push(point);
    },
  };
  return { dataset, points, requests: () => points.filter((p) => p.blobs?.[0] === "request") };
}

/** Names the positional fields, as docs/analytics-schema.md documents them. */
function decodeRequest(point: AnalyticsEngineDataPoint) {
  const [kind, route, method, statusClass, version, credential, errorCode] = point.blobs ?? [];
  const [durationMs, dbMs, dbQueries, rateLimited, replay, bytes, status] = point.doubles ?? [];
  return {
    index: point.indexes?.[0],
    kind,
    route,
    method,
    statusClass,
    version,
    credential,
    errorCode,
    durationMs,
    dbMs,
    dbQueries,
    rateLimited,
    replay,
    bytes,
    status,
  };
}

describe("request analytics", () => {
  it("writes one data point per tenant request, indexed by the tenant, with the documented fields", async () => {
    const tenant = await provisionTenant();
    const rec = recorder();
    const response = await call(
      "/v2/api-keys?limit=1",
      { headers: bearer(tenant.adminKey) },
      { ANALYTICS: rec.dataset },
    );
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(rec.requests()).toHaveLength(1);
    const point = decodeRequest(rec.requests()[0] as AnalyticsEngineDataPoint);
    expect(point).toMatchObject({
      index: tenant.id,
      kind: "request",
      route: "/v2/api-keys",
      method: "GET",
      statusClass: "2xx",
      version: "v2",
      credential: "api_key",
      errorCode: "",
      rateLimited: 0,
      replay: 0,
      status: 200,
    });
    expect(point.durationMs).toBeGreaterThan(0);
    expect(point.dbQueries).toBeGreaterThan(0);
    expect(point.dbMs).toBeGreaterThanOrEqual(0);
    const length = response.headers.get("content-length");
    expect(point.bytes).toBe(length === null ? 0 : Number(length));
    expect(body.length).toBeGreaterThan(0);
    // Exactly the documented shape: one index, seven blobs, eight doubles.
    expect(rec.requests()[0]?.indexes).toHaveLength(1);
    expect(rec.requests()[0]?.blobs).toHaveLength(7);
    expect(rec.requests()[0]?.doubles).toHaveLength(8);
  });

  it("records the route pattern, not the concrete path (ids never become dimensions)", async () => {
    const tenant = await provisionTenant();
    const rec = recorder();
    const response = await call(
      "/v2/api-keys/key_00000000000000000000000000",
      { method: "DELETE", headers: bearer(tenant.adminKey) },
      { ANALYTICS: rec.dataset },
    );
    expect(response.status).toBe(404);
    const point = decodeRequest(rec.requests()[0] as AnalyticsEngineDataPoint);
    expect(point).toMatchObject({
      index: tenant.id,
      route: "/v2/api-keys/:id",
      method: "DELETE",
      statusClass: "4xx",
      errorCode: "not_found",
      status: 404,
    });
  });

  it("indexes requests without a tenant as anonymous, with no credential", async () => {
    const rec = recorder();
    const response = await call("/v2/api-keys", {}, { ANALYTICS: rec.dataset });
    expect(response.status).toBe(401);
    expect(decodeRequest(rec.requests()[0] as AnalyticsEngineDataPoint)).toMatchObject({
      index: "anonymous",
      credential: "none",
      statusClass: "4xx",
      errorCode: "unauthenticated",
      version: "v2",
    });
  });

  it("marks operator and health requests by their credential and version", async () => {
    const rec = recorder();
    const tenant = await provisionTenant();
    await call(`/admin/tenants/${tenant.id}`, { headers: operator() }, { ANALYTICS: rec.dataset });
    await call("/health/live", {}, { ANALYTICS: rec.dataset });
    const [admin, health] = rec.requests().map(decodeRequest);
    expect(admin).toMatchObject({
      index: "anonymous",
      credential: "operator",
      version: "admin",
      route: "/admin/tenants/:id",
      status: 200,
    });
    expect(health).toMatchObject({ credential: "none", version: "health", statusClass: "2xx" });
  });

  it("flags rate-limited requests", async () => {
    const tenant = await provisionTenant();
    const patched = await callJson(
      `/admin/tenants/${tenant.id}`,
      "PATCH",
      { limits: { requests_per_hour: 1 } },
      operator(),
    );
    expect(patched.status).toBe(200);
    const rec = recorder();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(
        "/v2/api-keys?limit=1",
        { headers: bearer(tenant.adminKey) },
        { ANALYTICS: rec.dataset },
      );
      statuses.push(r.status);
    }
    expect(statuses).toContain(429);
    const points = rec.requests().map(decodeRequest);
    for (const [i, status] of statuses.entries()) {
      expect(points[i]).toMatchObject({
        index: tenant.id,
        status,
        rateLimited: status === 429 ? 1 : 0,
        errorCode: status === 429 ? "rate_limited" : "",
      });
    }
  });

  it("flags idempotent replays", async () => {
    const tenant = await provisionTenant();
    const rec = recorder();
    const headers = { ...bearer(tenant.adminKey), "idempotency-key": crypto.randomUUID() };
    const body = { name: "replayed key", role: "viewer" };
    const first = await callJson("/v2/api-keys", "POST", body, headers, { ANALYTICS: rec.dataset });
    const second = await callJson("/v2/api-keys", "POST", body, headers, {
      ANALYTICS: rec.dataset,
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const [original, replay] = rec.requests().map(decodeRequest);
    expect(original).toMatchObject({ index: tenant.id, method: "POST", status: 201, replay: 0 });
    expect(replay).toMatchObject({ index: tenant.id, method: "POST", status: 201, replay: 1 });
  });

  it("never fails or changes a request when the binding throws", async () => {
    const tenant = await provisionTenant();
    let calls = 0;
    const throwing: AnalyticsEngineDataset = {
      writeDataPoint: () => {
        calls++;
        throw new Error("Analytics Engine is down");
      },
    };
    const response = await call(
      "/v2/api-keys?limit=1",
      { headers: bearer(tenant.adminKey) },
      { ANALYTICS: throwing },
    );
    expect(calls).toBeGreaterThan(0);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(1);

    const missing = await call(
      "/v2/api-keys?limit=1",
      { headers: bearer(tenant.adminKey) },
      { ANALYTICS: undefined as unknown as AnalyticsEngineDataset },
    );
    expect(missing.status).toBe(200);
  });
});

describe("webhook analytics", () => {
  it("writes one data point per delivery attempt and per dead letter, indexed by tenant", async () => {
    const rec = recorder();
    const harness = webhookEnv({ ANALYTICS: rec.dataset });
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 500, body: "no" } });
    await recordEvents(tenant.id, [{ type: "book.created", data: { id: "book_1" } }]);
    expect(await relayTenant(harness.env, tenant.id)).toBe(1);
    const [message] = harness.queue.take();
    if (!message) throw new Error("nothing queued");

    const [first] = await runBatch("shelfwise-webhooks", [{ body: message.body }], harness.env);
    expect(first?.retried).toBe(true);
    const attempts = rec.points.filter((p) => p.blobs?.[0] === "webhook_attempt");
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.indexes).toEqual([tenant.id]);
    expect(attempts[0]?.blobs).toEqual(["webhook_attempt", endpoint.id, "failed", "http_error"]);
    const [latency, attempt, status, failed] = attempts[0]?.doubles ?? [];
    expect(latency).toBeGreaterThanOrEqual(0);
    expect([attempt, status, failed]).toEqual([1, 500, 1]);

    // The dead-letter consumer records the delivery as failed and writes its data point.
    await runBatch("shelfwise-webhooks-dlq", [{ body: message.body }], harness.env);
    const dead = rec.points.filter((p) => p.blobs?.[0] === "webhook_dead_letter");
    expect(dead).toHaveLength(1);
    expect(dead[0]?.indexes).toEqual([tenant.id]);
    expect(dead[0]?.blobs).toEqual([
      "webhook_dead_letter",
      "",
      "dead_lettered",
      message.body.delivery_id,
    ]);

    // The ops API sees the failed delivery the pipeline produced.
    const ops = await call(`/admin/ops/tenants/${tenant.id}`, { headers: operator() });
    expect(((await ops.json()) as { webhooks: { failed: number } }).webhooks.failed).toBe(1);
  });
});
