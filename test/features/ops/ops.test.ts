import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { sealSecret } from "../../../src/platform/crypto/secret-box";
import { newId } from "../../../src/platform/ids";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, operator, provisionTenant } from "../../helpers/tenant";

interface Figures {
  tenant: { id: string; name: string; status: string; plan: string };
  window: string;
  source: string;
  requests: number;
  requests_per_minute: number;
  server_errors: number;
  client_errors: number;
  error_rate: number;
  rate_limited: number;
  webhooks: { pending: number; held: number; failed: number; backlog: number };
}
interface Detail extends Figures {
  rate_limit: { limit: number; used: number; reset_seconds: number } | null;
  endpoints: Array<{
    id: string;
    status: string;
    consecutive_failures: number;
    pending: number;
    held: number;
    failed: number;
  }>;
}

/** An endpoint with deliveries in the given states, written straight into Postgres. */
async function seedDeliveries(
  tenantId: string,
  statuses: Array<"pending" | "held" | "failed" | "delivered">,
  endpointStatus: "active" | "suspended" = "active",
): Promise<string> {
  const endpointId = newId("whep");
  // A real sealed secret: a recovered delivery reaches the consumer, which must be able to sign it.
  const secret = await sealSecret(env.WEBHOOK_SECRET_KEY, "whsec_b3BzLXRlc3Qtc2VjcmV0", endpointId);
  await withOwnerSql(async (sql) => {
    await sql`insert into webhook_endpoints (id, tenant_id, url, event_types, secret_ciphertext, status, consecutive_failures)
      values (${endpointId}, ${tenantId}, 'https://hooks.example.com/in', '[]'::jsonb, ${secret}, ${endpointStatus},
              ${endpointStatus === "suspended" ? 10 : 0})`;
    for (const status of statuses) {
      const eventId = newId("evt");
      await sql`insert into events (id, tenant_id, type, payload, dispatched_at)
        values (${eventId}, ${tenantId}, 'book.created', ${sql.json({ type: "book.created", timestamp: new Date().toISOString(), data: {} })}, now())`;
      await sql`insert into webhook_deliveries (id, tenant_id, endpoint_id, event_id, status, attempts, last_error, failed_at)
        values (${newId("dlv")}, ${tenantId}, ${endpointId}, ${eventId}, ${status},
                ${status === "failed" ? 8 : 0}, ${status === "failed" ? "HTTP 500" : null},
                ${status === "failed" ? new Date() : null})`;
    }
  });
  return endpointId;
}

async function list(window = "1h") {
  const response = await call(`/admin/ops/tenants?window=${window}`, { headers: operator() });
  expect(response.status).toBe(200);
  return (await response.json()) as { window: string; source: string; data: Figures[] };
}

async function detail(id: string) {
  const response = await call(`/admin/ops/tenants/${id}`, { headers: operator() });
  expect(response.status).toBe(200);
  return (await response.json()) as Detail;
}

const get = (key: string) => call("/v2/api-keys?limit=1", { headers: bearer(key) });

describe("ops API", () => {
  it("reports each tenant's requests, 429s, errors and webhook backlog as the suites made them, worst first", async () => {
    const limited = await provisionTenant();
    const busy = await provisionTenant();
    const patched = await callJson(
      `/admin/tenants/${limited.id}`,
      "PATCH",
      { limits: { requests_per_hour: 3 } },
      operator(),
    );
    expect(patched.status).toBe(200);

    const limitedStatuses: number[] = [];
    for (let i = 0; i < 5; i++) limitedStatuses.push((await get(limited.adminKey)).status);
    expect(limitedStatuses).toEqual([200, 200, 200, 429, 429]);

    for (let i = 0; i < 4; i++) expect((await get(busy.adminKey)).status).toBe(200);
    const missing = await call("/v2/api-keys/key_00000000000000000000000000", {
      method: "DELETE",
      headers: bearer(busy.adminKey),
    });
    expect(missing.status).toBe(404);
    await seedDeliveries(busy.id, ["failed", "failed", "pending", "delivered"]);

    // A tenant's object reports its first request of a minute to the traffic index after
    // answering, so the list may need a moment to include it.
    await vi.waitFor(
      async () => {
        const body = await list();
        expect(body).toMatchObject({ window: "1h", source: "durable_object" });
        const a = body.data.find((f) => f.tenant.id === limited.id);
        const b = body.data.find((f) => f.tenant.id === busy.id);
        expect(a).toMatchObject({
          requests: 5,
          rate_limited: 2,
          client_errors: 2,
          server_errors: 0,
          error_rate: 0,
          webhooks: { pending: 0, held: 0, failed: 0, backlog: 0 },
        });
        expect(a?.requests_per_minute).toBeCloseTo(5 / 60, 2);
        expect(b).toMatchObject({
          requests: 5,
          rate_limited: 0,
          client_errors: 1,
          server_errors: 0,
          webhooks: { pending: 1, held: 0, failed: 2, backlog: 1 },
        });
        // Worst first: with equal error rates, the tenant with a backlog comes before the quiet one.
        const order = body.data.map((f) => f.tenant.id);
        expect(order.indexOf(busy.id)).toBeLessThan(order.indexOf(limited.id));
        for (let i = 1; i < body.data.length; i++) {
          expect(body.data[i - 1]?.error_rate).toBeGreaterThanOrEqual(
            body.data[i]?.error_rate ?? 0,
          );
        }
      },
      { timeout: 5_000, interval: 100 },
    );

    // Operator calls (the ops API itself included) never count as the tenant's traffic.
    expect((await detail(limited.id)).requests).toBe(5);
  });

  it("shows one tenant's hourly limit usage and its endpoints with their delivery counts", async () => {
    const tenant = await provisionTenant();
    await callJson(
      `/admin/tenants/${tenant.id}`,
      "PATCH",
      { limits: { requests_per_hour: 2 } },
      operator(),
    );
    for (let i = 0; i < 3; i++) await get(tenant.adminKey);
    const endpointId = await seedDeliveries(tenant.id, ["held", "held", "failed"], "suspended");

    const body = await detail(tenant.id);
    expect(body).toMatchObject({
      tenant: { id: tenant.id, status: "active", plan: "standard" },
      window: "1h",
      requests: 3,
      rate_limited: 1,
      rate_limit: { limit: 2, used: 2 },
      webhooks: { pending: 0, held: 2, failed: 1, backlog: 2 },
      endpoints: [
        { id: endpointId, status: "suspended", consecutive_failures: 10, held: 2, failed: 1 },
      ],
    });
  });

  it("lets an operator recover a tenant's suspended endpoint, audited as the operator", async () => {
    const tenant = await provisionTenant();
    const endpointId = await seedDeliveries(tenant.id, ["failed", "held"], "suspended");
    const response = await callJson(
      `/admin/ops/tenants/${tenant.id}/webhook-endpoints/${endpointId}/recover`,
      "POST",
      {},
      operator(),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ redelivered: 2, has_more: false });
    // Read in one transaction: the queue consumer may be delivering the recovered messages now,
    // and the embedded Postgres interleaves statements of connections outside transactions.
    const [endpoint, audit] = await withOwnerSql((sql) =>
      sql.begin((tx) => [
        tx`select status from webhook_endpoints where id = ${endpointId}`,
        tx`select actor_type, action from audit_log
          where tenant_id = ${tenant.id} and target_id = ${endpointId}`,
      ]),
    );
    expect(endpoint?.[0]?.status).toBe("active");
    expect(audit).toEqual([{ actor_type: "operator", action: "webhook_endpoint.recovered" }]);

    // Without a body it recovers everything failed, too.
    const again = await call(
      `/admin/ops/tenants/${tenant.id}/webhook-endpoints/${endpointId}/recover`,
      { method: "POST", headers: operator() },
    );
    expect(again.status).toBe(200);
  });

  it("answers 404 for another tenant's endpoint, an unknown tenant or endpoint", async () => {
    const owner = await provisionTenant();
    const other = await provisionTenant();
    const endpointId = await seedDeliveries(owner.id, ["failed"]);
    const crossed = await callJson(
      `/admin/ops/tenants/${other.id}/webhook-endpoints/${endpointId}/recover`,
      "POST",
      {},
      operator(),
    );
    expect(crossed.status).toBe(404);
    expect((await readProblem(crossed)).code).toBe("not_found");

    const unknownTenant = newId("ten");
    const r1 = await call(`/admin/ops/tenants/${unknownTenant}`, { headers: operator() });
    expect(r1.status).toBe(404);
    const r2 = await callJson(
      `/admin/ops/tenants/${unknownTenant}/webhook-endpoints/${endpointId}/recover`,
      "POST",
      {},
      operator(),
    );
    expect(r2.status).toBe(404);
    const r3 = await callJson(
      `/admin/ops/tenants/${owner.id}/webhook-endpoints/${newId("whep")}/recover`,
      "POST",
      {},
      operator(),
    );
    expect(r3.status).toBe(404);
  });

  it("validates the window, ids and recover body (400 problem documents)", async () => {
    const tenant = await provisionTenant();
    const badWindow = await call("/admin/ops/tenants?window=7y", { headers: operator() });
    expect(badWindow.status).toBe(400);
    expect((await readProblem(badWindow)).errors?.[0]?.path).toContain("window");

    const badId = await call("/admin/ops/tenants/not-a-tenant", { headers: operator() });
    expect(badId.status).toBe(400);
    expect((await readProblem(badId)).code).toBe("validation_failed");

    const unknownField = await callJson(
      `/admin/ops/tenants/${tenant.id}/webhook-endpoints/${newId("whep")}/recover`,
      "POST",
      { since: "2026-01-01T00:00:00Z", tenant_id: tenant.id },
      operator(),
    );
    expect(unknownField.status).toBe(400);
    const badSince = await callJson(
      `/admin/ops/tenants/${tenant.id}/webhook-endpoints/${newId("whep")}/recover`,
      "POST",
      { since: "yesterday" },
      operator(),
    );
    expect(badSince.status).toBe(400);
    expect((await readProblem(badSince)).errors?.[0]?.path).toContain("since");
  });

  it("requires the operator token (401), and a tenant key is not one", async () => {
    const tenant = await provisionTenant();
    for (const headers of [{}, bearer("wrong-token"), bearer(tenant.adminKey)]) {
      const response = await call("/admin/ops/tenants", { headers });
      expect(response.status).toBe(401);
      expect((await readProblem(response)).code).toBe("unauthenticated");
    }
    const recover = await callJson(
      `/admin/ops/tenants/${tenant.id}/webhook-endpoints/${newId("whep")}/recover`,
      "POST",
      {},
      bearer(tenant.adminKey),
    );
    expect(recover.status).toBe(401);
  });

  it("serves long windows from the live counters when Analytics Engine is not configured", async () => {
    const tenant = await provisionTenant();
    await get(tenant.adminKey);
    const body = await list("24h");
    expect(body.source).toBe("durable_object");
    expect(body.data.find((f) => f.tenant.id === tenant.id)?.requests).toBe(1);
  });
});
