import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { expireDueOrders } from "../../../src/features/orders/expiry";
import { openDatabase } from "../../../src/platform/db";
import { newId } from "../../../src/platform/ids";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";
import { createBook } from "../books/fixtures";
import { fireCron } from "../exports/fixtures";
import { createOrder, stockOf } from "./fixtures";

const MINUTE = 60_000;

interface Read {
  status: string;
  expired_at: string | null;
  cancelled_at: string | null;
  data: Array<{ id: string }>;
}

/** GET as the tenant's viewer. */
async function read(path: string, key: string): Promise<Read> {
  return (await (await call(path, { headers: bearer(key) })).json()) as Read;
}

/** Moves an order's deadline into the past, as if its hold had run out. */
async function makeDue(orderId: string) {
  await withOwnerSql(
    (sql) => sql`update orders set expires_at = now() - interval '1 second' where id = ${orderId}`,
  );
}

async function expireNow(now = new Date()) {
  const handle = openDatabase(env.HYPERDRIVE.connectionString);
  try {
    return await expireDueOrders(handle, { now });
  } finally {
    await handle.close();
  }
}

describe("reservations expire", () => {
  it("a pending order holds stock for 30 minutes, then the cron expires it once: stock back, audit row, event", async () => {
    const tenant = await createTestTenant({ plan: "enterprise" });
    const book = await createBook(tenant.editorKey, { stock: 5 });
    const before = Date.now();
    const order = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 3 }]);
    const expiresAt = Date.parse(String(order.expires_at));
    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * MINUTE - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * MINUTE + 1000);
    expect(await stockOf(book.id)).toBe(2);

    // Not yet due: the cron leaves it alone.
    await fireCron("* * * * *");
    expect((await read(`/v2/orders/${order.id}`, tenant.viewerKey)).status).toBe("pending");

    await makeDue(order.id);
    await fireCron("* * * * *");
    await fireCron("* * * * *");
    const expired = await read(`/v2/orders/${order.id}`, tenant.viewerKey);
    expect(expired.status).toBe("expired");
    expect(expired.expired_at).not.toBeNull();
    expect(await stockOf(book.id)).toBe(5);

    const [counts] = await withOwnerSql(
      (sql) => sql`select
        (select count(*)::int from audit_log where target_id = ${order.id} and action = 'order.expired'
           and actor_type = 'system') as audit,
        (select count(*)::int from events where tenant_id = ${tenant.id} and type = 'order.expired'
           and payload->'data'->>'id' = ${order.id}) as events`,
    );
    expect(counts).toEqual({ audit: 1, events: 1 });
    // The job relays the event at once (the outbox sweep would wait 30 seconds before it).
    const [relayed] = await withOwnerSql(
      (sql) => sql`select bool_and(dispatched_at is not null) as done from events
        where tenant_id = ${tenant.id} and type = 'order.expired'`,
    );
    expect(relayed?.done).toBe(true);

    // v1 has no `expired`: it shows the order as cancelled, and lists it under cancelled.
    const v1 = await read(`/v1/orders/${order.id}`, tenant.viewerKey);
    expect(v1.status).toBe("cancelled");
    expect(v1.cancelled_at).toBe(expired.expired_at);
    const v1List = await read("/v1/orders?status=cancelled", tenant.viewerKey);
    expect(v1List.data.map((o: { id: string }) => o.id)).toEqual([order.id]);

    // An expired order cannot be confirmed.
    const confirm = await callJson(
      `/v2/orders/${order.id}/confirm`,
      "POST",
      undefined,
      bearer(tenant.editorKey),
    );
    expect(confirm.status).toBe(409);
    const problem = await readProblem(confirm);
    expect(problem.code).toBe("invalid_state_transition");
    expect(problem.detail).toBe("An expired order cannot be confirmed.");
    expect(problem.order_status).toBe("expired");
    // v1 says the same in its own vocabulary.
    const v1Confirm = await callJson(
      `/v1/orders/${order.id}/confirm`,
      "POST",
      undefined,
      bearer(tenant.editorKey),
    );
    expect(v1Confirm.status).toBe(409);
    const v1Problem = await readProblem(v1Confirm);
    expect(v1Problem.order_status).toBe("cancelled");
    expect(v1Problem.detail).toBe("A cancelled order cannot be confirmed.");
  });

  it("a confirm after the hold has passed is refused with 409 even before the cron ran", async () => {
    const tenant = await createTestTenant({ plan: "enterprise" });
    const book = await createBook(tenant.editorKey, { stock: 5 });
    const order = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }]);
    await makeDue(order.id);
    const confirm = await callJson(
      `/v2/orders/${order.id}/confirm`,
      "POST",
      undefined,
      bearer(tenant.editorKey),
    );
    expect(confirm.status).toBe(409);
    expect(confirm.headers.get("content-type")).toContain("application/problem+json");
    const problem = await readProblem(confirm);
    expect(problem.code).toBe("invalid_state_transition");
    expect(problem.order_status).toBe("expired");
    expect(await stockOf(book.id)).toBe(4);
  });

  it("50 concurrent confirm/expire races release stock exactly once each", async () => {
    const tenant = await createTestTenant({ plan: "enterprise" });
    const book = await createBook(tenant.editorKey, { stock: 100 });
    // The confirms use a key of their own: 50 creates and 50 confirms exceed one key's minute.
    const confirmer = (await tenant.createKey("editor")).key;
    const orders = [];
    for (let i = 0; i < 50; i++) {
      orders.push(await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 2 }]));
    }
    expect(await stockOf(book.id)).toBe(0);
    // The expiry runs "31 minutes from now" (every order due to it) while the confirms run now
    // (none due to them): each order is decided by whichever takes its row lock first. The expiry
    // takes the oldest first and the confirms start from the newest, so both sides win some.
    const later = new Date(Date.now() + 31 * MINUTE);
    const [confirms, ...runs] = await Promise.all([
      Promise.all(
        [...orders].reverse().map(async (order) => ({
          id: order.id,
          response: await callJson(
            `/v2/orders/${order.id}/confirm`,
            "POST",
            undefined,
            bearer(confirmer),
          ),
        })),
      ),
      expireNow(later),
      expireNow(later),
    ]);
    const confirmed = new Set<string>();
    for (const { id, response } of confirms) {
      if (response.status === 200) confirmed.add(id);
      else {
        expect(response.status).toBe(409);
        expect((await readProblem(response)).code).toBe("invalid_state_transition");
      }
    }
    const states = await withOwnerSql(
      (sql) => sql`select id, status from orders where tenant_id = ${tenant.id}`,
    );
    const expiredIds = states.filter((s) => s.status === "expired").map((s) => s.id as string);
    // Every order is either confirmed (its confirm got 200) or expired (its confirm got 409).
    expect(
      states
        .filter((s) => s.status === "confirmed")
        .map((s) => s.id)
        .sort(),
    ).toEqual([...confirmed].sort());
    expect(expiredIds.length + confirmed.size).toBe(50);
    console.error(`race: ${confirmed.size} confirmed, ${expiredIds.length} expired`);
    // (The runs also expire other tests' due orders: they scan every tenant.)
    expect(runs.reduce((sum, run) => sum + run.expired, 0)).toBeGreaterThanOrEqual(
      expiredIds.length,
    );
    // Stock released exactly once per expired order.
    expect(await stockOf(book.id)).toBe(2 * expiredIds.length);
    const [events] = await withOwnerSql(
      (sql) => sql`select count(*)::int as n from events
        where tenant_id = ${tenant.id} and type = 'order.expired'`,
    );
    expect(events?.n).toBe(expiredIds.length);

    // A further run finds nothing left to do.
    expect((await expireNow(later)).expired).toBe(0);
    expect(await stockOf(book.id)).toBe(2 * expiredIds.length);
  });

  it("an operator sets the tenant's hold (1..10080 minutes, null for the default); new orders use it", async () => {
    const tenant = await createTestTenant({ plan: "enterprise" });
    const book = await createBook(tenant.editorKey, { stock: 5 });
    const patch = (value: unknown) =>
      callJson(
        `/admin/tenants/${tenant.id}`,
        "PATCH",
        { reservation_hold_minutes: value },
        operator(),
      );
    for (const bad of [0, 10_081, 1.5, "45"]) {
      const response = await patch(bad);
      expect(response.status).toBe(400);
      expect((await readProblem(response)).code).toBe("validation_failed");
    }
    const set = await typedClient(env.OPERATOR_TOKEN).admin.tenants[":id"].$patch({
      param: { id: tenant.id },
      json: { reservation_hold_minutes: 10_080 },
    });
    expect(set.status).toBe(200);
    if (set.status !== 200) throw new Error("not set");
    const shown = await set.json();
    expect(shown.overrides.reservation_hold_minutes).toBe(10_080);
    const week = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }]);
    const holdOf = (order: Awaited<ReturnType<typeof createOrder>>) =>
      (Date.parse(String(order.expires_at)) - Date.parse(order.created_at)) / MINUTE;
    expect(holdOf(week)).toBe(10_080);
    expect((await patch(1)).status).toBe(200);
    expect(holdOf(await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }]))).toBe(
      1,
    );
    expect((await patch(null)).status).toBe(200);
    expect(holdOf(await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }]))).toBe(
      30,
    );
  });

  it("one run expires at most 500 due orders, oldest deadline first; the next run takes the rest", async () => {
    const tenant = await createTestTenant({ plan: "enterprise" });
    const book = await createBook(tenant.editorKey, { stock: 0 });
    // 600 pending orders of one unit each, due since 2000 (older than any other test's orders).
    const ids = Array.from({ length: 600 }, () => [newId("ord"), newId("line")] as const);
    await withOwnerSql(async (sql) => {
      const orderRows = ids.map(([id], i) => ({
        id,
        tenant_id: tenant.id,
        status: "pending",
        currency: "EUR",
        total_amount: 100,
        expires_at: new Date(Date.UTC(2000, 0, 1) + i * 1000),
      }));
      const lineRows = ids.map(([orderId, lineId]) => ({
        id: lineId,
        tenant_id: tenant.id,
        order_id: orderId,
        book_id: book.id,
        quantity: 1,
        unit_amount: 100,
        line_amount: 100,
        title: "T",
        isbn: book.isbn,
      }));
      await sql`insert into orders ${sql(orderRows)}`;
      await sql`insert into order_lines ${sql(lineRows)}`;
    });
    const statusCounts = async () => {
      const rows = await withOwnerSql(
        (sql) => sql`select status, count(*)::int as n from orders
          where tenant_id = ${tenant.id} group by status order by status`,
      );
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    };

    const started = Date.now();
    const first = await expireNow();
    const elapsed = Date.now() - started;
    console.error(`expiry run: ${first.expired} orders in ${elapsed} ms`);
    expect(first.due).toBe(500);
    expect(first.expired).toBe(500);
    expect(await statusCounts()).toEqual({ expired: 500, pending: 100 });
    expect(await stockOf(book.id)).toBe(500);
    // The oldest 500 went first.
    const [oldestPending] = await withOwnerSql(
      (sql) => sql`select min(expires_at) as at from orders
        where tenant_id = ${tenant.id} and status = 'pending'`,
    );
    expect(new Date(oldestPending?.at as string).getTime()).toBe(Date.UTC(2000, 0, 1) + 500_000);

    await expireNow();
    expect(await statusCounts()).toEqual({ expired: 600 });
    expect(await stockOf(book.id)).toBe(600);
  }, 120_000);
});
