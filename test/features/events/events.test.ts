import { describe, expect, it } from "vitest";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";
import { createBook } from "../books/fixtures";
import { createOrder } from "../orders/fixtures";

/** A page of `GET /v2/events` through the typed client (typed by the route); fails on another status. */
async function listEvents(
  key: string,
  query: Parameters<ReturnType<typeof typedClient>["v2"]["events"]["$get"]>[0]["query"] = {},
) {
  const response = await typedClient(key).v2.events.$get({ query });
  if (response.status !== 200) throw new Error(`event list answered ${response.status}`);
  return response.json();
}

interface EventJson {
  id: string;
  type: string;
  timestamp: string;
  data: { id: string };
  created_at: string;
  dispatched_at: string | null;
}

describe("events (the outbox, v2)", () => {
  it("lists the tenant's domain events newest first, filtered by type, and reads one", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.editorKey);
    const order = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }]);
    await call(`/v2/orders/${order.id}/cancel`, {
      method: "POST",
      headers: bearer(tenant.editorKey),
    });
    const admin = bearer(tenant.adminKey);

    const all = await listEvents(tenant.adminKey);
    expect(all.data.map((e) => e.type)).toEqual([
      "order.cancelled",
      "order.created",
      "book.created",
    ]);
    const created = all.data[2];
    if (!created) throw new Error("no third event");
    expect(created.id).toMatch(/^evt_/);
    expect(created.data).toMatchObject({ id: book.id, isbn: book.isbn, price: book.price });
    expect(Date.parse(created.timestamp)).not.toBeNaN();

    const page = await listEvents(tenant.adminKey, { limit: "1" });
    const next = await listEvents(tenant.adminKey, {
      limit: "2",
      starting_after: String(page.next_cursor),
    });
    expect(next.data.map((e) => e.type)).toEqual(["order.created", "book.created"]);
    expect(next.has_more).toBe(false);

    const orders = (await (
      await call("/v2/events?type=order.created", { headers: admin })
    ).json()) as {
      data: EventJson[];
    };
    expect(orders.data.map((e) => e.data.id)).toEqual([order.id]);

    const one = await call(`/v2/events/${created.id}`, { headers: admin });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual(created);

    const bad = await call("/v2/events?type=book.exploded", { headers: admin });
    expect(bad.status).toBe(400);
    expect((await readProblem(bad)).errors?.[0]?.path).toBe("query.type");
  });

  it("admin only; 401 without credential; another tenant's event is 404", async () => {
    const [tenant, other] = await Promise.all([createTestTenant(), createTestTenant()]);
    await createBook(tenant.editorKey);
    const list = await listEvents(tenant.adminKey);
    const id = list.data[0]?.id as string;
    expect((await call("/v2/events")).status).toBe(401);
    expect((await call(`/v2/events/${id}`)).status).toBe(401);
    for (const key of [tenant.editorKey, tenant.viewerKey]) {
      expect((await call("/v2/events", { headers: bearer(key) })).status).toBe(403);
      expect((await call(`/v2/events/${id}`, { headers: bearer(key) })).status).toBe(403);
    }
    const foreign = await call(`/v2/events/${id}`, { headers: bearer(other.adminKey) });
    expect(foreign.status).toBe(404);
    expect((await readProblem(foreign)).code).toBe("not_found");
    const theirs = await listEvents(other.adminKey);
    expect(theirs.data).toEqual([]);
    expect((await call("/v2/events/evt_nope", { headers: bearer(tenant.adminKey) })).status).toBe(
      404,
    );
  });
});
