import { describe, expect, it } from "vitest";
import { relayTenant } from "../../../src/platform/webhooks/relay";
import { withOwnerSql } from "../../helpers/db";
import { pump, received, recordEvents, runBatch, webhookEnv } from "./delivery-fixtures";
import { adminCall, endpointTo, fastTenant } from "./fixtures";

const BOOK = { type: "book.created" as const, data: { id: "book_1", title: "Dune" } };

async function deliveryRows(endpointId: string) {
  return withOwnerSql(
    (sql) =>
      sql`select id, event_id, status, attempts, last_error from webhook_deliveries where endpoint_id = ${endpointId} order by id`,
  );
}

async function attemptRows(endpointId: string) {
  return withOwnerSql(
    (sql) =>
      sql`select attempt_number, status_code, error_class, response_snippet, latency_ms from webhook_attempts where endpoint_id = ${endpointId} order by attempt_number, id`,
  );
}

describe("webhook delivery", () => {
  it("delivers signed Standard Webhooks that an independent library verifies", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 200, body: "ok" } });
    const filtered = await endpointTo(
      harness,
      tenant,
      { default: { status: 204 } },
      { event_types: ["order.created"] },
    );
    const [eventId] = await recordEvents(tenant.id, [BOOK]);
    expect(await relayTenant(harness.env, tenant.id)).toBe(1);
    await pump(harness);

    const got = await received(endpoint.name);
    expect(got).toHaveLength(1);
    expect(got[0]?.id).toBe(eventId);
    expect(got[0]?.verified).toEqual([true]);
    expect(got[0]?.signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(got[0]?.body as string)).toMatchObject({
      type: "book.created",
      data: { id: "book_1", title: "Dune" },
    });
    expect(Math.abs(Number(got[0]?.timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(await received(filtered.name)).toHaveLength(0);
    expect((await deliveryRows(endpoint.id))[0]).toMatchObject({
      status: "delivered",
      attempts: 1,
    });

    const attempts = await adminCall(harness, tenant, `/webhook-endpoints/${endpoint.id}/attempts`);
    expect(attempts.status).toBe(200);
    const page = (await attempts.json()) as { data: Array<Record<string, unknown>> };
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      event_id: eventId,
      attempt_number: 1,
      status_code: 200,
      error_class: null,
      response_snippet: "ok",
    });

    // The outbox row is marked dispatched; a second relay finds nothing.
    expect(await relayTenant(harness.env, tenant.id)).toBe(0);
  });

  it("keeps each receiver's answer exactly, whatever characters it holds", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    // What an array's text form and a SQL literal treat specially: quotes, backslashes, braces,
    // commas, the word NULL, an empty answer.
    const answers = ['he said "hi", {x} \\ \\" NULL', "NULL", "", "O'Reilly \u{1F4DA} {a,b}"];
    const endpoint = await endpointTo(harness, tenant, {
      script: answers.map((body) => ({ status: 200, body })),
    });
    await recordEvents(
      tenant.id,
      answers.map(() => BOOK),
    );
    expect(await relayTenant(harness.env, tenant.id)).toBe(answers.length);
    await pump(harness);
    const attempts = await attemptRows(endpoint.id);
    expect(attempts.map((a) => [a.attempt_number, a.status_code, a.error_class])).toEqual(
      answers.map(() => [1, 200, null]),
    );
    expect(attempts.map((a) => a.response_snippet).sort()).toEqual([...answers].sort());
    const rows = await deliveryRows(endpoint.id);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(answers.map(() => ["delivered", 1]));
  });

  it("retries a failure on the schedule with jitter, then delivers with the same webhook-id", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, {
      script: [{ status: 500, body: "x".repeat(5000) }],
      default: { status: 204 },
    });
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    const delays: Array<number | undefined> = [];
    await pump(harness, { onRetry: (d) => delays.push(d) });
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(4);
    expect(delays[0]).toBeLessThanOrEqual(6);
    const got = await received(endpoint.name);
    expect(got.map((g) => g.answered)).toEqual([500, 204]);
    expect(got[0]?.id).toBe(got[1]?.id);
    expect(got.every((g) => g.verified[0])).toBe(true);
    const attempts = await attemptRows(endpoint.id);
    expect(attempts.map((a) => [a.attempt_number, a.status_code, a.error_class])).toEqual([
      [1, 500, "http_error"],
      [2, 204, null],
    ]);
    // The response is stored truncated to 1 KB.
    expect(String(attempts[0]?.response_snippet).length).toBe(1024);
    expect((await deliveryRows(endpoint.id))[0]).toMatchObject({
      status: "delivered",
      attempts: 2,
    });
  });

  it("disables the endpoint on 410 Gone and fails its deliveries with the reason", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 410 } });
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    await pump(harness);
    const got = await adminCall(harness, tenant, `/webhook-endpoints/${endpoint.id}`);
    expect(await got.json()).toMatchObject({ status: "disabled", enabled: false });
    expect((await deliveryRows(endpoint.id))[0]).toMatchObject({
      status: "failed",
      last_error: "endpoint answered 410 Gone",
    });
    // Later events are not delivered to a disabled endpoint.
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    await pump(harness);
    expect(await received(endpoint.name)).toHaveLength(1);
  });

  it("honours Retry-After on 429 and 503, capped at the platform's 12 h", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    await endpointTo(harness, tenant, {
      script: [
        { status: 429, headers: { "retry-after": "120" } },
        { status: 503, headers: { "retry-after": "999999" } },
        { status: 503, headers: { "retry-after": new Date(Date.now() + 600_000).toUTCString() } },
      ],
      default: { status: 200 },
    });
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    const delays: Array<number | undefined> = [];
    await pump(harness, { onRetry: (d) => delays.push(d) });
    expect(delays[0]).toBe(120);
    expect(delays[1]).toBe(43_200);
    expect(delays[2]).toBeGreaterThan(590);
    expect(delays[2]).toBeLessThanOrEqual(600);
  });

  it("times out a slow receiver and does not follow redirects to private addresses", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const slow = await endpointTo(harness, tenant, {
      script: [{ status: 200, delayMs: 1500 }],
      default: { status: 200 },
    });
    const redirect = await endpointTo(harness, tenant, {
      default: { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } },
    });
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    const results = await runBatch(
      "shelfwise-webhooks",
      harness.queue.take().map((m) => ({ body: m.body })),
      harness.env,
    );
    expect(results.every((r) => r.retried)).toBe(true);
    const [timeout] = await attemptRows(slow.id);
    expect(timeout).toMatchObject({ status_code: null, error_class: "timeout" });
    expect(timeout?.latency_ms).toBeGreaterThanOrEqual(350);
    expect(timeout?.latency_ms).toBeLessThan(1400);
    const [redirected] = await attemptRows(redirect.id);
    expect(redirected).toMatchObject({ status_code: 302, error_class: "redirect" });
    expect(await received(redirect.name)).toHaveLength(1);
    expect((await deliveryRows(redirect.id))[0]?.last_error).toContain("302");
  });

  it("signs with both secrets during a rotation, each verifiable on its own", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    const rotated = await adminCall(
      harness,
      tenant,
      `/webhook-endpoints/${endpoint.id}/rotate-secret`,
      "POST",
    );
    const { secret: newSecret } = (await rotated.json()) as { secret: string };
    const { receiver } = await import("./delivery-fixtures");
    await receiver(endpoint.name, {
      secrets: [endpoint.secret, newSecret],
      default: { status: 204 },
    });
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    await pump(harness);
    const [got] = await received(endpoint.name);
    expect(got?.signature.split(" ")).toHaveLength(2);
    expect(got?.verified).toEqual([true, true]);
  });

  it("refuses delivery when the host now resolves to a private address", async () => {
    const harness = webhookEnv({ ALLOW_LOOPBACK_HTTP: "false" });
    const tenant = await fastTenant();
    const created = await adminCall(harness, tenant, "/webhook-endpoints", "POST", {
      url: "https://hooks.example.com/x",
    });
    const { id } = (await created.json()) as { id: string };
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    // DNS rebinding: the same name now answers with a link-local address.
    const rebound = webhookEnv({
      ALLOW_LOOPBACK_HTTP: "false",
      WEBHOOK_DNS_TABLE: JSON.stringify({ "hooks.example.com": ["169.254.169.254"] }),
    });
    const results = await runBatch(
      "shelfwise-webhooks",
      harness.queue.take().map((m) => ({ body: m.body })),
      rebound.env,
    );
    expect(results[0]?.retried).toBe(true);
    const [attempt] = await attemptRows(id);
    expect(attempt).toMatchObject({ status_code: null, error_class: "blocked_destination" });
  });
  it("looks again for a delivery whose relay has not committed yet, then delivers it", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    const [message] = harness.queue.take();
    if (!message) throw new Error("the relay sent no message");
    // The message overtakes the relay's commit: its delivery row is not visible to the consumer.
    const hidden = `${message.body.delivery_id}x`;
    await withOwnerSql(
      (sql) =>
        sql`update webhook_deliveries set id = ${hidden} where id = ${message.body.delivery_id}`,
    );
    const early = await runBatch("shelfwise-webhooks", [{ body: message.body }], harness.env);
    expect(early[0]).toMatchObject({ acked: true, retried: false });
    expect(await received(endpoint.name)).toHaveLength(0);
    // Not dropped: a fresh copy looks again shortly, without spending a delivery attempt.
    const [again] = harness.queue.take();
    expect(again).toEqual({ body: { ...message.body, unseen_looks: 1 }, delaySeconds: 2 });

    await withOwnerSql(
      (sql) =>
        sql`update webhook_deliveries set id = ${message.body.delivery_id} where id = ${hidden}`,
    );
    await runBatch(
      "shelfwise-webhooks",
      [{ body: again?.body as typeof message.body }],
      harness.env,
    );
    expect(await received(endpoint.name)).toHaveLength(1);
    expect(await deliveryRows(endpoint.id)).toMatchObject([{ status: "delivered", attempts: 1 }]);

    // A delivery that never appears (its endpoint was deleted) is dropped after a few looks.
    const gone = {
      delivery_id: "dlv_01m80000000000000000000000",
      tenant_id: tenant.id,
      unseen_looks: 3,
    };
    const last = await runBatch("shelfwise-webhooks", [{ body: gone }], harness.env);
    expect(last[0]).toMatchObject({ acked: true, retried: false });
    expect(harness.queue.take()).toEqual([]);
  });
  it("delivers a resend whose message overtakes the resend's commit, and drops a duplicate", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    await pump(harness);
    const [delivered] = await deliveryRows(endpoint.id);
    expect(delivered).toMatchObject({ status: "delivered", attempts: 1 });
    // A resend's message (a re-delivery) reaches the consumer while the resend's transaction
    // has not committed yet: the delivery still reads as delivered.
    const resent = {
      delivery_id: delivered?.id as string,
      tenant_id: tenant.id,
      redelivery: true as const,
    };
    const early = await runBatch("shelfwise-webhooks", [{ body: resent }], harness.env);
    expect(early[0]).toMatchObject({ acked: true, retried: false });
    expect(await received(endpoint.name)).toHaveLength(1);
    const [again] = harness.queue.take();
    expect(again).toEqual({ body: { ...resent, unseen_looks: 1 }, delaySeconds: 2 });

    // The resend commits: the next look sends it, a second attempt of the same delivery.
    await withOwnerSql(
      (sql) =>
        sql`update webhook_deliveries set status = 'pending' where id = ${resent.delivery_id}`,
    );
    await runBatch("shelfwise-webhooks", [{ body: again?.body as typeof resent }], harness.env);
    expect(await received(endpoint.name)).toHaveLength(2);
    expect(await deliveryRows(endpoint.id)).toMatchObject([{ status: "delivered", attempts: 2 }]);

    // A duplicate of it, after its looks, is dropped: nothing sent, nothing queued again.
    const duplicate = await runBatch(
      "shelfwise-webhooks",
      [{ body: { ...resent, unseen_looks: 3 } }],
      harness.env,
    );
    expect(duplicate[0]).toMatchObject({ acked: true, retried: false });
    expect(harness.queue.take()).toEqual([]);
    expect(await received(endpoint.name)).toHaveLength(2);
  });
  it("spends a batch's send budget fairly: slow receivers cannot hold a batch for long", async () => {
    const harness = webhookEnv({ WEBHOOK_SEND_BUDGET_MS: "200" });
    const tenant = await fastTenant();
    // Answers after 1.5 s, past the 400 ms test timeout: every attempt holds a slot 400 ms.
    const slow = await endpointTo(harness, tenant, { default: { status: 200, delayMs: 1500 } });
    const fast = await endpointTo(harness, tenant, { default: { status: 204 } });
    await recordEvents(
      tenant.id,
      Array.from({ length: 8 }, () => BOOK),
    );
    await relayTenant(harness.env, tenant.id);
    const results = await runBatch(
      "shelfwise-webhooks",
      harness.queue.take().map((m) => ({ body: m.body })),
      harness.env,
    );
    // Six slots, at most three per endpoint: the fast endpoint's deliveries never wait behind
    // slow ones. The slow deliveries that would start after the budget are not attempted at all.
    expect(await received(fast.name)).toHaveLength(8);
    const slowAttempts = await attemptRows(slow.id);
    expect(slowAttempts).toHaveLength(3);
    expect(slowAttempts.every((a) => a.error_class === "timeout")).toBe(true);
    const late = harness.queue.take();
    expect(late).toHaveLength(5);
    expect(late.every((m) => m.delaySeconds === 1 && m.body.redelivery === undefined)).toBe(true);
    expect(results.filter((r) => r.retried)).toHaveLength(slowAttempts.length);
    const rows = await deliveryRows(slow.id);
    expect(rows.filter((r) => r.attempts === 0)).toHaveLength(late.length);
  });
});
