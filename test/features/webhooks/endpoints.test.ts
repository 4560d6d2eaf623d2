import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { webhookEnv } from "./delivery-fixtures";

const harness = webhookEnv({ ALLOW_LOOPBACK_HTTP: "false" });

function api(path: string, key: string, method = "GET", body?: unknown) {
  return call(
    `/v2/webhook-endpoints${path}`,
    {
      method,
      headers: {
        ...bearer(key),
        ...(body !== undefined && { "content-type": "application/json" }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    },
    harness.bindings,
  );
}

type Endpoint = Record<string, unknown> & { id: string; secret?: string };

describe("webhook endpoints", () => {
  it("creates an endpoint whose secret is shown once and stored only encrypted", async () => {
    const tenant = await createTestTenant();
    const created = await api("", tenant.adminKey, "POST", {
      url: "https://hooks.example.com/shelfwise",
      description: "ERP",
      event_types: ["book.created", "order.created"],
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as Endpoint;
    expect(body).toMatchObject({
      url: "https://hooks.example.com/shelfwise",
      description: "ERP",
      event_types: ["book.created", "order.created"],
      enabled: true,
      status: "active",
    });
    expect(body.id).toMatch(/^whep_/);
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(atob((body.secret as string).slice(6)).length).toBeGreaterThanOrEqual(24);

    const got = await api(`/${body.id}`, tenant.adminKey);
    expect(got.status).toBe(200);
    const listed = await api("", tenant.adminKey);
    const listText = JSON.stringify(await listed.json());
    expect(listText).toContain(body.id);
    expect(listText).not.toContain(body.secret);
    expect(JSON.stringify(await got.json())).not.toContain("whsec_");

    const [row] = await withOwnerSql(
      (sql) => sql`select secret_ciphertext from webhook_endpoints where id = ${body.id}`,
    );
    expect(row?.secret_ciphertext).toBeTruthy();
    expect(row?.secret_ciphertext).not.toContain((body.secret as string).slice(6));
  });

  it("refuses URLs that are not https or point to special-purpose addresses", async () => {
    const tenant = await createTestTenant();
    for (const url of [
      "http://hooks.example.com/",
      "https://127.1/",
      "https://2130706433/",
      "https://0x7f.1/",
      "https://[::ffff:169.254.169.254]/",
      "https://internal.example.com/",
      "https://mixed.example.com/",
      "https://mapped.example.com/",
      "https://unresolvable.example.com/",
    ]) {
      const refused = await api("", tenant.adminKey, "POST", { url });
      expect(refused.status, url).toBe(400);
      const problem = await readProblem(refused);
      expect(problem.code).toBe("validation_failed");
      expect(problem.errors?.[0]?.path).toBe("json.url");
    }
    // Without the development setting, even loopback http is refused.
    const strict = await call(
      "/v2/webhook-endpoints",
      {
        method: "POST",
        headers: { ...bearer(tenant.adminKey), "content-type": "application/json" },
        body: JSON.stringify({ url: "http://127.0.0.1:9/hook" }),
      },
      { ...harness.bindings, ALLOW_LOOPBACK_HTTP: "false" },
    );
    expect(strict.status).toBe(400);
  });

  it("validates bodies, including unknown fields and event types", async () => {
    const tenant = await createTestTenant();
    for (const body of [
      {},
      { url: "https://hooks.example.com/", tenant_id: "ten_x" },
      { url: "https://hooks.example.com/", event_types: ["nope"] },
      { url: "https://hooks.example.com/", event_types: ["book.created", "book.created"] },
      { url: "https://hooks.example.com/", enabled: "yes" },
    ]) {
      const response = await api("", tenant.adminKey, "POST", body);
      expect(response.status).toBe(400);
      expect((await readProblem(response)).errors?.length).toBeGreaterThan(0);
    }
    const created = (await (
      await api("", tenant.adminKey, "POST", { url: "https://hooks.example.com/" })
    ).json()) as Endpoint;
    expect(created.event_types).toEqual([]);
    const empty = await api(`/${created.id}`, tenant.adminKey, "PATCH", {});
    expect(empty.status).toBe(400);
    const bad = await api(`/${created.id}/recover`, tenant.adminKey, "POST", {
      since: "yesterday",
    });
    expect(bad.status).toBe(400);
  });

  it("updates, disables, rotates the secret and deletes", async () => {
    const tenant = await createTestTenant();
    const created = (await (
      await api("", tenant.adminKey, "POST", { url: "https://hooks.example.com/a" })
    ).json()) as Endpoint;
    const updated = await api(`/${created.id}`, tenant.adminKey, "PATCH", {
      url: "https://hooks.example.com/b",
      event_types: ["order.shipped"],
      enabled: false,
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({
      url: "https://hooks.example.com/b",
      event_types: ["order.shipped"],
      enabled: false,
      status: "disabled",
    });
    const badUrl = await api(`/${created.id}`, tenant.adminKey, "PATCH", {
      url: "https://10.0.0.1/",
    });
    expect(badUrl.status).toBe(400);

    const rotated = await api(`/${created.id}/rotate-secret`, tenant.adminKey, "POST");
    expect(rotated.status).toBe(200);
    const rotatedBody = (await rotated.json()) as Endpoint;
    expect(rotatedBody.secret).toMatch(/^whsec_/);
    expect(rotatedBody.secret).not.toBe(created.secret);
    const expires = Date.parse(rotatedBody.previous_secret_expires_at as string);
    expect(expires - Date.now()).toBeGreaterThan(23.9 * 3600 * 1000);

    const deleted = await api(`/${created.id}`, tenant.adminKey, "DELETE");
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toEqual({ id: created.id, deleted: true });
    expect((await api(`/${created.id}`, tenant.adminKey)).status).toBe(404);

    const audit = await withOwnerSql(
      (sql) =>
        sql`select action from audit_log where tenant_id = ${tenant.id} and target_id = ${created.id} order by id`,
    );
    expect(audit.map((r) => r.action)).toEqual([
      "webhook_endpoint.created",
      "webhook_endpoint.updated",
      "webhook_endpoint.secret_rotated",
      "webhook_endpoint.deleted",
    ]);
  });

  it("requires a credential, the admin role, and hides other tenants' endpoints", async () => {
    const tenant = await createTestTenant();
    const other = await createTestTenant();
    const created = (await (
      await api("", tenant.adminKey, "POST", { url: "https://hooks.example.com/" })
    ).json()) as Endpoint;

    const anonymous = await call("/v2/webhook-endpoints");
    expect(anonymous.status).toBe(401);
    for (const key of [tenant.editorKey, tenant.viewerKey]) {
      const list = await api("", key);
      expect(list.status).toBe(403);
      const write = await api("", key, "POST", { url: "bad" });
      expect(write.status).toBe(403);
      expect((await readProblem(write)).code).toBe("forbidden");
    }
    for (const [path, method, body] of [
      [`/${created.id}`, "GET", undefined],
      [`/${created.id}`, "PATCH", { description: "x" }],
      [`/${created.id}`, "DELETE", undefined],
      [`/${created.id}/rotate-secret`, "POST", undefined],
      [`/${created.id}/recover`, "POST", { since: "2026-01-01T00:00:00Z" }],
      [`/${created.id}/attempts`, "GET", undefined],
      ["/whep_nonsense", "GET", undefined],
    ] as const) {
      const response = await api(path, other.adminKey, method, body);
      expect(response.status, `${method} ${path}`).toBe(404);
      expect((await readProblem(response)).code).toBe("not_found");
    }
    const resend = await call(
      "/v2/events/evt_00000000000000000000000000/resend",
      { method: "POST", headers: bearer(other.adminKey) },
      harness.bindings,
    );
    expect(resend.status).toBe(404);
  });
});
