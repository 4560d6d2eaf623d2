import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../../src/index";
import { relayTenant } from "../../../src/platform/webhooks/relay";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson } from "../../helpers/http";
import { operator, type TestTenant } from "../../helpers/tenant";
import { bookBody } from "../books/fixtures";
import { pump, received, recordEvents, runBatch, webhookEnv } from "./delivery-fixtures";
import { adminCall, endpointTo, fastTenant } from "./fixtures";

type Harness = ReturnType<typeof webhookEnv>;
type Action = "suspend" | "resume" | "webhooks/pause" | "webhooks/resume";

const rows = (endpointId: string) =>
  withOwnerSql(
    (sql) =>
      sql`select id, event_id, status, attempts from webhook_deliveries where endpoint_id = ${endpointId} order by id`,
  );

/** An operator action with the harness's queues, so the test sees what a resume releases. */
async function operate(harness: Harness, tenantId: string, action: Action) {
  const jobs = { send: async () => {} } as unknown as Queue;
  const bindings = { ...harness.bindings, JOBS: jobs };
  const response =
    action === "webhooks/pause"
      ? await callJson(
          `/admin/tenants/${tenantId}/${action}`,
          "POST",
          { reason: "Receiver migration" },
          operator(),
          bindings,
        )
      : await call(
          `/admin/tenants/${tenantId}/${action}`,
          { method: "POST", headers: operator() },
          bindings,
        );
  expect(response.status).toBe(200);
}

/** A book created, then updated, through the API: two events of the tenant, relayed at once. */
async function createAndUpdateBook(harness: Harness, tenant: TestTenant) {
  const created = await adminCall(harness, tenant, "/books", "POST", bookBody());
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const updated = await adminCall(harness, tenant, `/books/${id}`, "PATCH", { title: "Renamed" });
  expect(updated.status).toBe(200);
  await relayTenant(harness.env, tenant.id);
}

describe("webhooks of a tenant paused by an operator", () => {
  it("are held while paused (API working, no attempt spent) and delivered once each, oldest first, on resume", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    // Queued before the pause, one of them already on its retry schedule.
    const before = await recordEvents(tenant.id, [
      { type: "book.created", data: { id: "book_1" } },
      { type: "book.created", data: { id: "book_2" } },
    ]);
    await relayTenant(harness.env, tenant.id);
    await operate(harness, tenant.id, "webhooks/pause");
    const queued = harness.queue
      .take()
      .map((m, i) => ({ body: m.body, attempts: i === 0 ? 4 : 1 }));
    const results = await runBatch("shelfwise-webhooks", queued, harness.env);
    expect(results.every((r) => r.acked && !r.retried)).toBe(true);

    // The tenant's API keeps working while paused; its book's events are held too.
    await createAndUpdateBook(harness, tenant);
    await pump(harness);
    expect(await received(endpoint.name)).toHaveLength(0);
    const held = await rows(endpoint.id);
    expect(held.map((r) => [r.status, r.attempts])).toEqual(Array(4).fill(["held", 0]));
    expect(harness.dlq.sent).toHaveLength(0);
    const endpointRow = await withOwnerSql(
      (sql) =>
        sql`select status, consecutive_failures from webhook_endpoints where id = ${endpoint.id}`,
    );
    expect(endpointRow[0]).toMatchObject({ status: "active", consecutive_failures: 0 });

    await operate(harness, tenant.id, "webhooks/resume");
    const eventOf = new Map(held.map((r) => [r.id, r.event_id]));
    const allEvents = held.map((r) => r.event_id);
    expect(allEvents.slice(0, 2)).toEqual(before);
    // Released oldest first, each once.
    expect(harness.queue.sent.map((m) => eventOf.get(m.body.delivery_id))).toEqual(allEvents);
    await pump(harness);
    const got = await received(endpoint.name);
    expect(got.map((g) => g.id).sort()).toEqual([...allEvents].sort());
    expect(got.every((g) => g.verified[0])).toBe(true);
    expect((await rows(endpoint.id)).map((r) => [r.status, r.attempts])).toEqual(
      Array(4).fill(["delivered", 1]),
    );
  });

  it("paused and suspended: each resume alone keeps the holds, the second releases them", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    await operate(harness, tenant.id, "webhooks/pause");
    await createAndUpdateBook(harness, tenant);
    await operate(harness, tenant.id, "suspend");
    await pump(harness);

    // Resuming the webhooks of a suspended tenant releases nothing: it is still suspended.
    await operate(harness, tenant.id, "webhooks/resume");
    expect(harness.queue.sent).toHaveLength(0);
    await operate(harness, tenant.id, "webhooks/pause");
    // Resuming the tenant while its webhooks are paused releases nothing either.
    await operate(harness, tenant.id, "resume");
    expect(harness.queue.sent).toHaveLength(0);
    await pump(harness);
    expect(await received(endpoint.name)).toHaveLength(0);
    expect((await rows(endpoint.id)).map((r) => r.status)).toEqual(["held", "held"]);

    await operate(harness, tenant.id, "webhooks/resume");
    await pump(harness);
    expect(await received(endpoint.name)).toHaveLength(2);
    expect((await rows(endpoint.id)).map((r) => r.status)).toEqual(["delivered", "delivered"]);
  });

  it("the hourly stranded-holds sweep leaves a paused tenant's holds alone", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    await operate(harness, tenant.id, "webhooks/pause");
    await createAndUpdateBook(harness, tenant);
    await pump(harness);
    // Held long enough ago to look stranded to the sweep.
    await withOwnerSql(
      (sql) =>
        sql`update webhook_deliveries set updated_at = now() - interval '1 hour' where endpoint_id = ${endpoint.id}`,
    );
    const sweep = async () => {
      const ctx = createExecutionContext();
      const controller = createScheduledController({
        cron: "0 * * * *",
        scheduledTime: Date.now(),
      });
      await worker.scheduled?.(controller, harness.env, ctx);
      await waitOnExecutionContext(ctx);
      await pump(harness);
    };
    await sweep();
    expect(await received(endpoint.name)).toHaveLength(0);
    expect((await rows(endpoint.id)).map((r) => r.status)).toEqual(["held", "held"]);

    // Unpaused behind the API's back (another isolate's release failed): the sweep's holds now.
    await withOwnerSql(
      (sql) =>
        sql`update tenants set webhooks_paused_at = null, webhooks_paused_reason = null where id = ${tenant.id}`,
    );
    await sweep();
    expect(await received(endpoint.name)).toHaveLength(2);
  });
});
