import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../../src/index";
import { relayTenant } from "../../../src/platform/webhooks/relay";
import { withOwnerSql } from "../../helpers/db";
import { call } from "../../helpers/http";
import { operator } from "../../helpers/tenant";
import { pump, received, recordEvents, runBatch, webhookEnv } from "./delivery-fixtures";
import { adminCall, endpointTo, fastTenant } from "./fixtures";

type Harness = ReturnType<typeof webhookEnv>;
const BOOK = { type: "book.created" as const, data: { id: "book_1" } };

const rows = (endpointId: string) =>
  withOwnerSql(
    (sql) =>
      sql`select id, event_id, status, attempts from webhook_deliveries where endpoint_id = ${endpointId} order by id`,
  );

/** An operator action, with the harness's queues (so the test sees what a resume releases). */
async function operate(
  harness: Harness,
  tenantId: string,
  action: "suspend" | "resume" | "offboard",
) {
  const jobs = { send: async () => {} } as unknown as Queue;
  const response = await call(
    `/admin/tenants/${tenantId}/${action}`,
    { method: "POST", headers: operator() },
    { ...harness.bindings, JOBS: jobs },
  );
  expect(response.status).toBe(action === "offboard" ? 202 : 200);
}

describe("webhooks of a suspended tenant", () => {
  it("are held while suspended, spending no attempt, and delivered once each, oldest first, after resume", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    const before = await recordEvents(tenant.id, [BOOK, BOOK, BOOK, BOOK]);
    await relayTenant(harness.env, tenant.id);
    await operate(harness, tenant.id, "suspend");

    // Queued before the suspension; one of them is on its retry schedule already.
    const queued = harness.queue
      .take()
      .map((m, i) => ({ body: m.body, attempts: i === 0 ? 3 : 1 }));
    const results = await runBatch("shelfwise-webhooks", queued, harness.env);
    expect(results.every((r) => r.acked && !r.retried)).toBe(true);
    // An event recorded while suspended (system events still happen) is held the same way.
    const during = await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    await pump(harness);
    expect(await received(endpoint.name)).toHaveLength(0);
    expect((await rows(endpoint.id)).map((r) => [r.status, r.attempts])).toEqual(
      Array(5).fill(["held", 0]),
    );
    expect(harness.dlq.sent).toHaveLength(0);

    await operate(harness, tenant.id, "resume");
    const released = harness.queue.sent.map((m) => m.body);
    const byDelivery = new Map((await rows(endpoint.id)).map((r) => [r.id, r.event_id]));
    expect(released.map((b) => byDelivery.get(b.delivery_id))).toEqual([...before, ...during]);
    await pump(harness);
    const got = await received(endpoint.name);
    expect(got.map((g) => g.id).sort()).toEqual([...before, ...during].sort());
    expect(got.every((g) => g.verified[0])).toBe(true);
    expect((await rows(endpoint.id)).map((r) => [r.status, r.attempts])).toEqual(
      Array(5).fill(["delivered", 1]),
    );
  });

  it("resume releases only active endpoints: a breaker-suspended endpoint waits for its own recovery", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const healthy = await endpointTo(harness, tenant, { default: { status: 204 } });
    const broken = await endpointTo(harness, tenant, { default: { status: 204 } });
    await withOwnerSql(
      (sql) => sql`update webhook_endpoints set status = 'suspended' where id = ${broken.id}`,
    );
    await recordEvents(tenant.id, [BOOK, BOOK]);
    await relayTenant(harness.env, tenant.id);
    await operate(harness, tenant.id, "suspend");
    await pump(harness);
    await operate(harness, tenant.id, "resume");
    await pump(harness);
    expect(await received(healthy.name)).toHaveLength(2);
    expect((await rows(broken.id)).map((r) => r.status)).toEqual(["held", "held"]);
    expect(await received(broken.name)).toHaveLength(0);

    const enabled = await adminCall(harness, tenant, `/webhook-endpoints/${broken.id}`, "PATCH", {
      enabled: true,
    });
    expect(enabled.status).toBe(200);
    await pump(harness);
    expect(await received(broken.name)).toHaveLength(2);
  });

  it("an offboarding or deleted tenant is sent nothing; its deliveries stay recorded as held", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    await operate(harness, tenant.id, "offboard");
    await pump(harness);
    await withOwnerSql((sql) => sql`update tenants set status = 'deleted' where id = ${tenant.id}`);
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    await pump(harness);
    expect(await received(endpoint.name)).toHaveLength(0);
    expect((await rows(endpoint.id)).map((r) => r.status)).toEqual(["held", "held"]);
  });

  it("an hourly sweep releases a hold that outlived its tenant's suspension", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    const [eventId] = await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    harness.queue.take();
    // A consumer held it just as the tenant was resumed: active tenant and endpoint, no message.
    await withOwnerSql(
      (sql) =>
        sql`update webhook_deliveries set status = 'held', updated_at = now() - interval '1 hour' where endpoint_id = ${endpoint.id}`,
    );
    const ctx = createExecutionContext();
    const controller = createScheduledController({ cron: "0 * * * *", scheduledTime: Date.now() });
    await worker.scheduled?.(controller, harness.env, ctx);
    await waitOnExecutionContext(ctx);
    await pump(harness);
    expect((await received(endpoint.name)).map((g) => g.id)).toEqual([eventId]);
  });
});
