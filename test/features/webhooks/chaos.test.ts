import { describe, expect, it } from "vitest";
import { relayTenant } from "../../../src/platform/webhooks/relay";
import { withOwnerSql } from "../../helpers/db";
import { pump, received, recordEvents, webhookEnv } from "./delivery-fixtures";
import { endpointTo, fastTenant } from "./fixtures";

const EVENTS = 200;

describe("webhook chaos", () => {
  it("accounts for every event at every endpoint through random failures", {
    timeout: 240_000,
  }, async () => {
    const harness = webhookEnv({ WEBHOOK_TIMEOUT_MS: "250" });
    const tenant = await fastTenant();
    const ok = { status: 200 };
    const fail = { status: 500 };
    const timeout = { status: 200, delayMs: 400 };
    const slow = { status: 204, delayMs: 60 };
    const gone = { status: 410 };
    const endpoints = await Promise.all([
      // Mostly healthy with failures and timeouts mixed in.
      endpointTo(harness, tenant, { random: [ok, ok, ok, fail, timeout, slow] }),
      // Flaky: half the answers fail; the breaker may suspend it (deliveries held).
      endpointTo(harness, tenant, { random: [ok, fail, fail, timeout, slow, ok] }),
      // Down: the breaker suspends it after 10 consecutive failures; the rest is held.
      endpointTo(harness, tenant, { random: [fail, fail, fail, timeout] }),
      // Eventually answers 410: disabled, the rest failed with the reason.
      endpointTo(harness, tenant, {
        random: [ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, ok, fail, slow, gone],
      }),
    ]);
    const eventIds = await recordEvents(
      tenant.id,
      Array.from({ length: EVENTS }, (_, i) => ({
        type: "order.created" as const,
        data: { n: i },
      })),
    );
    expect(await relayTenant(harness.env, tenant.id)).toBe(EVENTS);
    await pump(harness, { concurrency: 4 });

    const wanted = new Set(eventIds);
    for (const endpoint of endpoints) {
      const rows = await withOwnerSql(
        (sql) =>
          sql`select d.event_id, d.status, d.attempts, d.last_error,
                (select count(*)::int from webhook_attempts a where a.delivery_id = d.id) as attempt_rows
              from webhook_deliveries d where d.endpoint_id = ${endpoint.id}`,
      );
      const mine = rows.filter((r) => wanted.has(r.event_id as string));
      // Zero lost: one delivery per event, each delivered, failed with a reason, or held.
      expect(mine).toHaveLength(EVENTS);
      expect(new Set(mine.map((r) => r.event_id)).size).toBe(EVENTS);
      for (const row of mine) {
        expect(["delivered", "failed", "held"]).toContain(row.status);
        if (row.status === "failed") expect(row.last_error).toBeTruthy();
        expect(row.attempt_rows).toBe(row.attempts);
      }
      // Everything the receiver saw verifies, and duplicates only repeat a webhook-id.
      const got = await received(endpoint.name);
      expect(got.every((g) => g.verified[0] === true)).toBe(true);
      const deliveredIds = new Set(
        mine.filter((r) => r.status === "delivered").map((r) => r.event_id),
      );
      for (const g of got) {
        const body = JSON.parse(g.body) as { data: { n?: number } };
        if (wanted.has(g.id)) expect(body.data.n).toBe(eventIds.indexOf(g.id));
      }
      for (const id of deliveredIds) {
        expect(got.some((g) => g.id === id && g.answered < 300)).toBe(true);
      }
      const counts = mine.reduce<Record<string, number>>((acc, r) => {
        acc[r.status as string] = (acc[r.status as string] ?? 0) + 1;
        return acc;
      }, {});
      console.log(`chaos ${endpoint.name}: ${JSON.stringify(counts)}, ${got.length} requests`);
    }
    const pending = await withOwnerSql(
      (sql) =>
        sql`select count(*)::int as n from webhook_deliveries where tenant_id = ${tenant.id} and status = 'pending'`,
    );
    expect(pending[0]?.n).toBe(0);
  });
});
