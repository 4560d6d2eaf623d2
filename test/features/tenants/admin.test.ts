import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator, provisionTenant } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";

/** The operator API through the typed client (answers typed by the routes). */
const admin = () => typedClient(env.OPERATOR_TOKEN).admin.tenants;

describe("operator API: /admin/tenants", () => {
  it("provisions a tenant with settings and a first admin key shown once", async () => {
    const response = await admin().$post({
      json: { name: "Librairie Mollat", plan: "premium", limits: { requests_per_hour: 7000 } },
    });
    expect(response.status).toBe(201);
    if (response.status !== 201) throw new Error("not provisioned");
    const body = await response.json();
    expect(body.tenant).toMatchObject({
      name: "Librairie Mollat",
      plan: "premium",
      status: "active",
    });
    expect(body.tenant.id).toMatch(/^ten_[0-9a-z]{26}$/);
    expect(body.tenant.limits.requests_per_hour).toBe(7000);
    expect(body.tenant.limits.max_file_bytes).toBe(50 * 1024 * 1024);
    expect(body.api_key.role).toBe("admin");
    expect(body.api_key.key).toMatch(/^sk_test_/);

    const me = await call("/v2/tenant", { headers: bearer(body.api_key.key) });
    expect(me.status).toBe(200);
    const fetched = await call(`/admin/tenants/${body.tenant.id}`, { headers: operator() });
    expect(JSON.stringify(await fetched.json())).not.toContain(body.api_key.key);
  });

  it("refuses requests without the operator token, or with a tenant key", async () => {
    const tenant = await createTestTenant();
    for (const headers of [
      {},
      bearer("op_wrong_0123456789abcdef0123456789abcdef"),
      bearer(tenant.adminKey),
    ]) {
      const response = await call("/admin/tenants", { headers });
      expect(response.status).toBe(401);
      expect((await readProblem(response)).code).toBe("unauthenticated");
    }
  });

  it("rejects invalid bodies and mass-assigned fields with 400, writing nothing", async () => {
    const before = await withOwnerSql((sql) => sql`select count(*)::int as n from tenants`);
    const cases: unknown[] = [
      {},
      { name: "" },
      { name: "x", plan: "platinum" },
      { name: "x", id: "ten_01m80a6z393tz88cw5gwtj9dnt" },
      { name: "x", tenant_id: "ten_01m80a6z393tz88cw5gwtj9dnt" },
      { name: "x", role: "admin" },
      { name: "x", status: "active" },
      { name: "x", limits: { requests_per_hour: -5 } },
      "{not json",
    ];
    for (const body of cases) {
      const response = await callJson("/admin/tenants", "POST", body, operator());
      expect(response.status).toBe(400);
      const problem = await readProblem(response);
      expect(problem.code).toBe("validation_failed");
    }
    const after = await withOwnerSql((sql) => sql`select count(*)::int as n from tenants`);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("provisioning is atomic: when a late step fails, nothing remains", async () => {
    const marker = `Atomicity probe ${crypto.randomUUID()}`;
    // Make the last step (the audit row) fail for this one tenant name.
    await withOwnerSql(async (sql) => {
      await sql.unsafe(`
        create or replace function fail_audit_for_probe() returns trigger language plpgsql as $$
        begin
          if new.after -> 'tenant' ->> 'name' like 'Atomicity probe %' then
            raise exception 'injected failure';
          end if;
          return new;
        end $$;
        drop trigger if exists fail_audit_for_probe on audit_log;
        create trigger fail_audit_for_probe before insert on audit_log
          for each row execute function fail_audit_for_probe();`);
    });
    try {
      const response = await callJson("/admin/tenants", "POST", { name: marker }, operator());
      expect(response.status).toBe(500);
      const problem = await readProblem(response);
      expect(problem.code).toBe("internal");
      expect(JSON.stringify(problem)).not.toContain("injected failure");
    } finally {
      await withOwnerSql((sql) =>
        sql.unsafe("drop trigger if exists fail_audit_for_probe on audit_log"),
      );
    }
    const left = await withOwnerSql(
      (
        sql,
      ) => sql`select t.id, (select count(*)::int from api_keys k where k.tenant_id = t.id) as keys
                   from tenants t where t.name = ${marker}`,
    );
    expect(left).toHaveLength(0);
    const orphanKeys = await withOwnerSql(
      (sql) =>
        sql`select count(*)::int as n from api_keys k left join tenants t on t.id = k.tenant_id where t.id is null`,
    );
    expect(orphanKeys[0]?.n).toBe(0);
  });

  it("lists tenants with cursor pagination, newest first", async () => {
    const created = [await provisionTenant(), await provisionTenant(), await provisionTenant()];
    const first = await admin().$get({ query: { limit: "2" } });
    if (first.status !== 200) throw new Error(`list answered ${first.status}`);
    const page1 = await first.json();
    expect(page1.data).toHaveLength(2);
    expect(page1.has_more).toBe(true);
    expect(page1.data[0]?.id).toBe(created[2]?.id);
    expect(page1.data[1]?.id).toBe(created[1]?.id);
    const second = await admin().$get({
      query: { limit: "2", starting_after: String(page1.next_cursor) },
    });
    if (second.status !== 200) throw new Error(`list answered ${second.status}`);
    const page2 = await second.json();
    expect(page2.data[0]?.id).toBe(created[0]?.id);
    expect((await call("/admin/tenants?limit=0", { headers: operator() })).status).toBe(400);
    expect((await call("/admin/tenants?limit=101", { headers: operator() })).status).toBe(400);
  });

  it("gets and patches a tenant; unknown ids are 404", async () => {
    const tenant = await createTestTenant();
    const patched = await admin()[":id"].$patch({
      param: { id: tenant.id },
      json: { name: "Renamed", plan: "enterprise", limits: { webhook_rate_per_second: 7 } },
    });
    expect(patched.status).toBe(200);
    if (patched.status !== 200) throw new Error("not patched");
    const body = await patched.json();
    expect(body).toMatchObject({ name: "Renamed", plan: "enterprise" });
    expect(body.limits).toMatchObject({ requests_per_hour: 20_000, webhook_rate_per_second: 7 });

    const ownResponse = await typedClient(tenant.viewerKey).v2.tenant.$get();
    if (ownResponse.status !== 200) throw new Error(`own tenant answered ${ownResponse.status}`);
    const own = await ownResponse.json();
    expect(own.plan).toBe("enterprise");

    const reset = await admin()[":id"].$patch({
      param: { id: tenant.id },
      json: { limits: { webhook_rate_per_second: null } },
    });
    if (reset.status !== 200) throw new Error(`reset answered ${reset.status}`);
    expect((await reset.json()).limits.webhook_rate_per_second).toBe(50);

    for (const id of ["ten_00000000000000000000000000", "nope", "key_00000000000000000000000000"]) {
      const missing = await call(`/admin/tenants/${id}`, { headers: operator() });
      expect([400, 404]).toContain(missing.status);
    }
    expect(
      (await call("/admin/tenants/ten_00000000000000000000000000", { headers: operator() })).status,
    ).toBe(404);
    const badPatch = await callJson(
      `/admin/tenants/${tenant.id}`,
      "PATCH",
      { id: "ten_x" },
      operator(),
    );
    expect(badPatch.status).toBe(400);
  });

  it("refuses an IdP issuer that already belongs to another tenant (409)", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const idp = {
      issuer: `https://idp.example/${crypto.randomUUID()}`,
      jwks_uri: "https://idp.example/jwks",
      audience: "api",
    };
    expect((await callJson(`/admin/tenants/${a.id}`, "PATCH", { idp }, operator())).status).toBe(
      200,
    );
    const conflict = await callJson(`/admin/tenants/${b.id}`, "PATCH", { idp }, operator());
    expect(conflict.status).toBe(409);
    expect((await readProblem(conflict)).code).toBe("conflict");
  });

  it("suspends and resumes: 403 tenant_suspended everywhere, data intact, then service again", async () => {
    const tenant = await createTestTenant();
    const key = await tenant.createKey("editor", "kept");
    // No body (the client would send one): a raw call.
    const suspended = await call(`/admin/tenants/${tenant.id}/suspend`, {
      method: "POST",
      headers: operator(),
    });
    expect(suspended.status).toBe(200);
    expect(((await suspended.json()) as { status: string }).status).toBe("suspended");
    for (const credential of [tenant.adminKey, tenant.viewerKey, key.key]) {
      const response = await call("/v2/tenant", { headers: bearer(credential) });
      expect(response.status).toBe(403);
      expect((await readProblem(response)).code).toBe("tenant_suspended");
    }
    const keys = await withOwnerSql(
      (sql) =>
        sql`select count(*)::int as n from api_keys where tenant_id = ${tenant.id} and revoked_at is null`,
    );
    expect(keys[0]?.n).toBe(4);
    const resumed = await admin()[":id"].resume.$post({ param: { id: tenant.id } });
    if (resumed.status !== 200) throw new Error(`resume answered ${resumed.status}`);
    expect((await resumed.json()).status).toBe("active");
    expect((await call("/v2/tenant", { headers: bearer(key.key) })).status).toBe(200);
  });

  it("a suspension or revocation made elsewhere takes effect within 5 seconds", async () => {
    const tenant = await createTestTenant();
    const other = await createTestTenant();
    const key = await other.createKey("viewer");
    expect((await call("/v2/tenant", { headers: bearer(tenant.viewerKey) })).status).toBe(200);
    expect((await call("/v2/tenant", { headers: bearer(key.key) })).status).toBe(200);
    // Another isolate's change: straight in the database, so this isolate's caches are not told.
    await withOwnerSql(async (sql) => {
      await sql`update tenants set status = 'suspended' where id = ${tenant.id}`;
      await sql`update api_keys set revoked_at = now() where id = ${key.id}`;
    });
    const started = Date.now();
    let suspendedStatus = 200;
    let revokedStatus = 200;
    while (Date.now() - started < 5_000 && (suspendedStatus !== 403 || revokedStatus !== 401)) {
      suspendedStatus = (await call("/v2/tenant", { headers: bearer(tenant.viewerKey) })).status;
      revokedStatus = (await call("/v2/tenant", { headers: bearer(key.key) })).status;
      if (suspendedStatus !== 403 || revokedStatus !== 401)
        await new Promise((r) => setTimeout(r, 250));
    }
    expect(suspendedStatus).toBe(403);
    expect(revokedStatus).toBe(401);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("records every operator mutation in the tenant's audit log", async () => {
    const tenant = await createTestTenant();
    await callJson(`/admin/tenants/${tenant.id}`, "PATCH", { plan: "premium" }, operator());
    await call(`/admin/tenants/${tenant.id}/suspend`, { method: "POST", headers: operator() });
    // The entries' before/after are declared as any JSON: the shape read here stays a cast.
    const response = await call(`/admin/tenants/${tenant.id}/audit-log?target_type=tenant`, {
      headers: operator(),
    });
    const log = (await response.json()) as {
      data: Array<{
        action: string;
        actor: { type: string };
        before: { plan?: string } | null;
        after: { plan?: string };
      }>;
    };
    expect(log.data.map((e) => e.action)).toEqual([
      "tenant.suspended",
      "tenant.updated",
      "tenant.provisioned",
    ]);
    expect(log.data.every((e) => e.actor.type === "operator")).toBe(true);
    expect(log.data[1]?.before?.plan).toBe("standard");
    expect(log.data[1]?.after.plan).toBe("premium");
  });
});
