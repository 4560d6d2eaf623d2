import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../../src/index";
import { forgetTenantRate } from "../../../src/platform/webhooks/rate";
import { relayTenant } from "../../../src/platform/webhooks/relay";
import { withOwnerSql } from "../../helpers/db";
import { pump, received, receiver, recordEvents, runBatch, webhookEnv } from "./delivery-fixtures";
import { adminCall, endpointTo, fastTenant } from "./fixtures";

const BOOK = { type: "book.created" as const, data: { id: "book_1" } };

async function statuses(endpointId: string) {
  const rows = await withOwnerSql(
    (sql) => sql`select status from webhook_deliveries where endpoint_id = ${endpointId}`,
  );
  return rows.map((r) => r.status as string).sort();
}

async function backlog(
  harness: ReturnType<typeof webhookEnv>,
  tenant: Awaited<ReturnType<typeof fastTenant>>,
) {
  const response = await adminCall(harness, tenant, "/tenant");
  return ((await response.json()) as { webhook_backlog: Record<string, number> }).webhook_backlog;
}

describe("webhook lifecycle", () => {
  it("exhausts the schedule into the dead-letter queue as failed, then recovers", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 500 } });
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    const delays: number[] = [];
    await pump(harness, { onRetry: (d) => delays.push(d ?? -1) });
    const base = [5, 300, 1800, 7200, 18000, 36000, 36000];
    expect(delays).toHaveLength(7);
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(Math.floor((base[i] as number) * 0.8));
      expect(d).toBeLessThanOrEqual(Math.ceil((base[i] as number) * 1.2));
    });
    const [row] = await withOwnerSql(
      (sql) =>
        sql`select status, attempts, last_error, failed_at from webhook_deliveries where endpoint_id = ${endpoint.id}`,
    );
    expect(row).toMatchObject({
      status: "failed",
      attempts: 8,
      last_error: "endpoint answered 500",
    });
    expect(await backlog(harness, tenant)).toEqual({ pending: 0, held: 0, failed: 1 });

    await receiver(endpoint.name, { secrets: [endpoint.secret], default: { status: 204 } });
    const recovered = await adminCall(
      harness,
      tenant,
      `/webhook-endpoints/${endpoint.id}/recover`,
      "POST",
      {
        since: new Date(Date.now() - 3600_000).toISOString(),
      },
    );
    expect(recovered.status).toBe(202);
    expect(await recovered.json()).toEqual({ redelivered: 1, has_more: false });
    expect(harness.queue.sent.map((m) => m.body.redelivery)).toEqual([true]);
    await pump(harness);
    expect(await statuses(endpoint.id)).toEqual(["delivered"]);
    const got = await received(endpoint.name);
    expect(got.at(-1)?.verified).toEqual([true]);
    expect(await backlog(harness, tenant)).toEqual({ pending: 0, held: 0, failed: 0 });
  });

  it("suspends after 10 consecutive failures, holds deliveries, and releases them on re-enable", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 500 } });
    await recordEvents(
      tenant.id,
      Array.from({ length: 10 }, () => BOOK),
    );
    await relayTenant(harness.env, tenant.id);
    await pump(harness);
    const got = await adminCall(harness, tenant, `/webhook-endpoints/${endpoint.id}`);
    expect(await got.json()).toMatchObject({ status: "suspended", enabled: true });
    // Ten book events plus the operational webhook.endpoint.suspended event: all held, none lost.
    expect(await statuses(endpoint.id)).toEqual(Array(11).fill("held"));
    expect(await received(endpoint.name)).toHaveLength(10);
    const [event] = await withOwnerSql(
      (sql) =>
        sql`select payload from events where tenant_id = ${tenant.id} and type = 'webhook.endpoint.suspended'`,
    );
    expect(
      (event?.payload as { data: { endpoint_id: string } } | undefined)?.data.endpoint_id,
    ).toBe(endpoint.id);
    const audit = await withOwnerSql(
      (sql) =>
        sql`select actor_type from audit_log where target_id = ${endpoint.id} and action = 'webhook_endpoint.suspended'`,
    );
    expect(audit).toEqual([{ actor_type: "system" }]);
    expect(await backlog(harness, tenant)).toMatchObject({ held: 11 });

    await receiver(endpoint.name, { secrets: [endpoint.secret], default: { status: 204 } });
    const enabled = await adminCall(harness, tenant, `/webhook-endpoints/${endpoint.id}`, "PATCH", {
      enabled: true,
    });
    expect(await enabled.json()).toMatchObject({ status: "active", consecutive_failures: 0 });
    expect(harness.queue.sent).toHaveLength(11);
    await pump(harness);
    expect(await statuses(endpoint.id)).toEqual(Array(11).fill("delivered"));
    const delivered = await received(endpoint.name);
    expect(delivered).toHaveLength(11);
    expect(delivered.every((d) => d.verified[0])).toBe(true);
  });

  it("never strands a delivery held when its endpoint recovers while the consumer reads it", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    const queued = harness.queue.take().map((m) => ({ body: m.body }));
    expect(queued).toHaveLength(1);
    await withOwnerSql(
      (sql) => sql`update webhook_endpoints set status = 'suspended' where id = ${endpoint.id}`,
    );
    // A recovery holds the endpoint's row while the consumer reads it as suspended, then commits.
    const consumer = await withOwnerSql((sql) =>
      sql.begin(async (tx) => {
        await tx`select id from webhook_endpoints where id = ${endpoint.id} for update`;
        await tx`update webhook_endpoints set status = 'active' where id = ${endpoint.id}`;
        const batch = runBatch("shelfwise-webhooks", queued, harness.env);
        await new Promise((resolve) => setTimeout(resolve, 300));
        // Not awaited here: the consumer may be waiting for this transaction's lock.
        return { batch };
      }),
    );
    const [outcome] = await consumer.batch;
    expect(outcome).toMatchObject({ acked: true });
    expect(await statuses(endpoint.id)).not.toContain("held");
    await pump(harness);
    expect(await statuses(endpoint.id)).toEqual(["delivered"]);
    expect(await received(endpoint.name)).toHaveLength(1);
  });

  it("relays an event as pending when its endpoint recovers during the relay", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    await withOwnerSql(
      (sql) => sql`update webhook_endpoints set status = 'suspended' where id = ${endpoint.id}`,
    );
    await recordEvents(tenant.id, [BOOK]);
    const relay = await withOwnerSql((sql) =>
      sql.begin(async (tx) => {
        await tx`select id from webhook_endpoints where id = ${endpoint.id} for update`;
        await tx`update webhook_endpoints set status = 'active' where id = ${endpoint.id}`;
        const relayed = relayTenant(harness.env, tenant.id);
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { relayed };
      }),
    );
    expect(await relay.relayed).toBe(1);
    expect(await statuses(endpoint.id)).toEqual(["pending"]);
    await pump(harness);
    expect(await statuses(endpoint.id)).toEqual(["delivered"]);
  });

  it("resends an event with the same webhook-id", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    const [eventId] = await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    await pump(harness);
    const resent = await adminCall(harness, tenant, `/events/${eventId}/resend`, "POST");
    expect(resent.status).toBe(202);
    expect(await resent.json()).toEqual({ redelivered: 1, has_more: false });
    await pump(harness);
    const got = await received(endpoint.name);
    expect(got.map((g) => g.id)).toEqual([eventId, eventId]);
    const viewer = await adminCall(
      harness,
      { ...tenant, adminKey: tenant.viewerKey },
      `/events/${eventId}/resend`,
      "POST",
    );
    expect(viewer.status).toBe(403);
  });

  it("relays after a successful mutation, and the sweep relays what a failed enqueue left", {
    // The sweep also relays other suites' leftovers in a shared database.
    timeout: 120_000,
  }, async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    await recordEvents(tenant.id, [BOOK, BOOK]);
    // The post-commit relay runs after any successful mutation of the tenant.
    const patched = await adminCall(harness, tenant, `/webhook-endpoints/${endpoint.id}`, "PATCH", {
      description: "relay me",
    });
    expect(patched.status).toBe(200);
    expect(harness.queue.sent).toHaveLength(2);
    await pump(harness);
    expect(await received(endpoint.name)).toHaveLength(2);

    // Now the queue is down: the relay fails and the events stay in the outbox.
    await recordEvents(tenant.id, [BOOK, BOOK, BOOK]);
    harness.queue.failing = true;
    await adminCall(harness, tenant, `/webhook-endpoints/${endpoint.id}`, "PATCH", {
      description: "down",
    });
    const undispatched = await withOwnerSql(
      (sql) => sql`select id from events where tenant_id = ${tenant.id} and dispatched_at is null`,
    );
    expect(undispatched).toHaveLength(3);
    expect(await statuses(endpoint.id)).toEqual(["delivered", "delivered"]);

    // 30 s later the every-minute sweep relays them.
    harness.queue.failing = false;
    await withOwnerSql(
      (sql) =>
        sql`update events set created_at = now() - interval '1 minute' where tenant_id = ${tenant.id} and dispatched_at is null`,
    );
    const controller = createScheduledController({ cron: "* * * * *", scheduledTime: new Date() });
    const ctx = createExecutionContext();
    await worker.scheduled?.(controller, harness.env, ctx).catch(() => {});
    await waitOnExecutionContext(ctx);
    expect(harness.queue.sent.length).toBeGreaterThanOrEqual(3);
    await pump(harness);
    expect(await received(endpoint.name)).toHaveLength(5);
    expect(await statuses(endpoint.id)).toEqual(Array(5).fill("delivered"));
  });

  it("keeps each endpoint to its rate without counting deferrals as attempts", async () => {
    const harness = webhookEnv();
    const slowTenant = await fastTenant(2);
    const otherTenant = await fastTenant();
    forgetTenantRate(slowTenant.id);
    const flooded = await endpointTo(harness, slowTenant, { default: { status: 204 } });
    const other = await endpointTo(harness, otherTenant, { default: { status: 204 } });
    await recordEvents(
      slowTenant.id,
      Array.from({ length: 8 }, () => BOOK),
    );
    await recordEvents(otherTenant.id, [BOOK, BOOK]);
    await relayTenant(harness.env, slowTenant.id);
    await relayTenant(harness.env, otherTenant.id);
    const messages = harness.queue.take().map((m) => ({ body: m.body }));
    const results = await runBatch("shelfwise-webhooks", messages, harness.env);
    expect(results.every((r) => r.acked)).toBe(true);
    // The flooded endpoint got its burst (2), the rest were deferred; the other tenant got all.
    expect(await received(flooded.name)).toHaveLength(2);
    expect(await received(other.name)).toHaveLength(2);
    const deferred = harness.queue.take();
    expect(deferred).toHaveLength(6);
    expect(deferred.every((m) => (m.delaySeconds ?? 0) >= 1)).toBe(true);
    const attempts = await withOwnerSql(
      (sql) =>
        sql`select count(*)::int as n from webhook_attempts where endpoint_id = ${flooded.id}`,
    );
    expect(attempts[0]?.n).toBe(2);
  });

  it("spreads re-deliveries at a slower rate than fresh traffic", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant(4);
    forgetTenantRate(tenant.id);
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    await recordEvents(tenant.id, [BOOK, BOOK, BOOK]);
    await relayTenant(harness.env, tenant.id);
    harness.queue.take();
    await withOwnerSql(
      (sql) =>
        sql`update webhook_deliveries set status = 'failed', failed_at = now(), last_error = 'x' where endpoint_id = ${endpoint.id}`,
    );
    const recovered = await adminCall(
      harness,
      tenant,
      `/webhook-endpoints/${endpoint.id}/recover`,
      "POST",
      {
        since: "2020-01-01T00:00:00Z",
      },
    );
    expect(await recovered.json()).toEqual({ redelivered: 3, has_more: false });
    // Re-deliveries run at a quarter of the fresh rate (4/s → 1/s): spread one second apart.
    expect(harness.queue.sent.map((m) => m.delaySeconds ?? 0)).toEqual([0, 1, 2]);
  });
});
