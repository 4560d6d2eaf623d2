/**
 * GET /v2/webhook-endpoints/{id}/deliveries: every delivery of an endpoint, newest first,
 * including those never attempted (held while webhooks are paused, waiting in resource order).
 */
import { describe, expect, it } from "vitest";
import { relayTenant } from "../../../src/platform/webhooks/relay";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import {
  bearer,
  createTestTenant,
  operator,
  quietEndpoint,
  type TestTenant,
} from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";
import { pump, recordEvents, webhookEnv } from "./delivery-fixtures";
import { adminCall, endpointTo, fastTenant } from "./fixtures";

type Harness = ReturnType<typeof webhookEnv>;

interface Delivery {
  id: string;
  event_id: string;
  event_type: string;
  status: string;
  attempts: number;
  last_error: string | null;
  resource: string | null;
  waiting_for: string | null;
  created_at: string;
  delivered_at: string | null;
  failed_at: string | null;
}
interface Page {
  data: Delivery[];
  has_more: boolean;
  next_cursor: string | null;
}

async function listDeliveries(harness: Harness, tenant: TestTenant, endpointId: string, q = "") {
  const response = await adminCall(
    harness,
    tenant,
    `/webhook-endpoints/${endpointId}/deliveries${q}`,
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page;
}

const byEvent = (page: Page) => new Map(page.data.map((d) => [d.event_id, d]));

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  expect((await readProblem(response)).code).toBe(code);
}

describe("GET /v2/webhook-endpoints/{id}/deliveries", () => {
  it("shows a delivery waiting in resource order with the one it waits for, and filters by status", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, {
      poison: { bodyIncludes: "poison", answer: { status: 500 } },
    });
    await withOwnerSql(
      (sql) =>
        sql`update webhook_endpoints set ordering = 'per_resource' where id = ${endpoint.id}`,
    );
    const [a1, b1, a2] = (await recordEvents(tenant.id, [
      { type: "order.confirmed", data: { id: "ord_a", step: "poison" } },
      { type: "order.confirmed", data: { id: "ord_b", step: "b1" } },
      { type: "order.shipped", data: { id: "ord_a", step: "a2" } },
    ])) as [string, string, string];
    await relayTenant(harness.env, tenant.id);
    await pump(harness, { maxRounds: 3 });

    const page = await listDeliveries(harness, tenant, endpoint.id);
    expect(page).toMatchObject({ has_more: false, next_cursor: null });
    expect(page.data).toHaveLength(3);
    const ids = page.data.map((d) => d.id);
    expect(ids).toEqual([...ids].sort().reverse());
    const rows = byEvent(page);
    const first = rows.get(a1) as Delivery;
    expect(first).toMatchObject({
      event_type: "order.confirmed",
      status: "pending",
      resource: "order:ord_a",
      waiting_for: null,
      delivered_at: null,
    });
    expect(first.attempts).toBeGreaterThan(0);
    expect(first.last_error).not.toBeNull();
    expect(rows.get(a2)).toMatchObject({
      event_type: "order.shipped",
      status: "waiting",
      attempts: 0,
      resource: "order:ord_a",
      waiting_for: first.id,
    });
    const delivered = rows.get(b1) as Delivery;
    expect(delivered).toMatchObject({ status: "delivered", attempts: 1, waiting_for: null });
    expect(Date.parse(delivered.delivered_at as string)).not.toBeNaN();

    const only = async (status: string) =>
      (await listDeliveries(harness, tenant, endpoint.id, `?status=${status}`)).data.map(
        (d) => d.event_id,
      );
    expect(await only("waiting")).toEqual([a2]);
    expect(await only("pending")).toEqual([a1]);
    expect(await only("delivered")).toEqual([b1]);
    expect(await only("failed")).toEqual([]);
    expect(await only("held")).toEqual([]);
  });

  it("lists a paused tenant's held deliveries (never attempted) page by page", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
    const jobs = { send: async () => {} } as unknown as Queue;
    const paused = await callJson(
      `/admin/tenants/${tenant.id}/webhooks/pause`,
      "POST",
      { reason: "Receiver migration" },
      operator(),
      { ...harness.bindings, JOBS: jobs },
    );
    expect(paused.status).toBe(200);
    const events = await recordEvents(
      tenant.id,
      ["book_1", "book_2", "book_3"].map((id) => ({ type: "book.created" as const, data: { id } })),
    );
    await relayTenant(harness.env, tenant.id);
    await pump(harness);

    const all = await listDeliveries(harness, tenant, endpoint.id, "?status=held");
    expect(all.data.map((d) => d.event_id).sort()).toEqual([...events].sort());
    for (const d of all.data) {
      expect(d).toMatchObject({ status: "held", attempts: 0, waiting_for: null, failed_at: null });
    }

    const first = await listDeliveries(harness, tenant, endpoint.id, "?limit=2");
    expect(first.data).toHaveLength(2);
    expect(first.has_more).toBe(true);
    expect(first.next_cursor).toBe(first.data[1]?.id);
    const second = await listDeliveries(
      harness,
      tenant,
      endpoint.id,
      `?limit=2&starting_after=${first.next_cursor}`,
    );
    expect(second).toMatchObject({ has_more: false, next_cursor: null });
    expect([...first.data, ...second.data].map((d) => d.id)).toEqual(all.data.map((d) => d.id));
  });

  it("refuses bad query parameters with 400 validation_failed", async () => {
    const tenant = await createTestTenant();
    const endpointId = await quietEndpoint(tenant);
    for (const query of [
      "?status=waiting_for",
      "?status=",
      "?limit=0",
      "?limit=101",
      "?limit=ten",
      "?starting_after=not-a-cursor",
      "?sort=asc",
    ]) {
      const response = await call(`/v2/webhook-endpoints/${endpointId}/deliveries${query}`, {
        headers: bearer(tenant.adminKey),
      });
      await expectProblem(response, 400, "validation_failed");
    }
  });

  it("needs an admin key of the endpoint's tenant; a portal token may read it", async () => {
    const tenant = await createTestTenant();
    const other = await createTestTenant();
    const endpointId = await quietEndpoint(tenant);
    const path = `/v2/webhook-endpoints/${endpointId}/deliveries`;

    await expectProblem(await call(path), 401, "unauthenticated");
    for (const key of [tenant.editorKey, tenant.viewerKey]) {
      await expectProblem(await call(path, { headers: bearer(key) }), 403, "forbidden");
    }
    await expectProblem(await call(path, { headers: bearer(other.adminKey) }), 404, "not_found");

    const minted = await typedClient(tenant.adminKey).v2["portal-tokens"].$post({ json: {} });
    expect(minted.status).toBe(201);
    if (minted.status !== 201) throw new Error("no portal token");
    const { token } = await minted.json();
    const viaPortal = await call(path, { headers: bearer(token) });
    expect(viaPortal.status).toBe(200);
    expect(await viaPortal.json()).toEqual({ data: [], has_more: false, next_cursor: null });
    const foreign = await quietEndpoint(other);
    await expectProblem(
      await call(`/v2/webhook-endpoints/${foreign}/deliveries`, { headers: bearer(token) }),
      404,
      "not_found",
    );
  });
});
