import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";

describe("API keys", () => {
  it("creates a key shown once, stored only as a hash, that authenticates at once", async () => {
    const tenant = await createTestTenant();
    const created = await callJson(
      "/v2/api-keys",
      "POST",
      { name: "Warehouse sync", role: "editor", mode: "test" },
      bearer(tenant.adminKey),
    );
    expect(created.status).toBe(201);
    const body = (await created.json()) as Record<string, string>;
    expect(body.key).toMatch(/^sk_test_[A-Za-z0-9_-]{64}$/);
    expect(body).toMatchObject({ name: "Warehouse sync", role: "editor", mode: "test" });
    expect(body.prefix).toBe(body.key?.slice(0, 12));

    const list = await call("/v2/api-keys?limit=100", { headers: bearer(tenant.adminKey) });
    const listed = JSON.stringify(await list.json());
    expect(listed).toContain(body.id);
    expect(listed).not.toContain(body.key);

    const stored = await withOwnerSql(
      (sql) => sql`select key_hash from api_keys where id = ${body.id as string}`,
    );
    expect(stored[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]?.key_hash).not.toContain(body.key);

    const me = await call("/v2/tenant", { headers: bearer(body.key as string) });
    expect(me.status).toBe(200);
  });

  it("revocation stops a key at once in this isolate", async () => {
    const tenant = await createTestTenant();
    const extra = await tenant.createKey("viewer");
    expect((await call("/v2/tenant", { headers: bearer(extra.key) })).status).toBe(200);
    const revoked = await call(`/v2/api-keys/${extra.id}`, {
      method: "DELETE",
      headers: bearer(tenant.adminKey),
    });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as { revoked_at: string | null }).revoked_at).not.toBeNull();
    const refused = await call("/v2/tenant", { headers: bearer(extra.key) });
    expect(refused.status).toBe(401);
    expect((await readProblem(refused)).code).toBe("unauthenticated");
  });

  it("rejects invalid bodies and mass-assigned fields, creating nothing", async () => {
    const tenant = await createTestTenant();
    const before = await withOwnerSql(
      (sql) => sql`select count(*)::int as n from api_keys where tenant_id = ${tenant.id}`,
    );
    for (const body of [
      {},
      { name: "x" },
      { name: "x", role: "owner" },
      { name: "", role: "viewer" },
      { name: "x", role: "viewer", mode: "prod" },
      { name: "x", role: "viewer", tenant_id: "ten_01m80a6z393tz88cw5gwtj9dnt" },
      { name: "x", role: "viewer", id: "key_01m80a6z393tz88cw5gwtj9dnt" },
      "[1,2",
    ]) {
      const response = await callJson("/v2/api-keys", "POST", body, bearer(tenant.adminKey));
      expect(response.status).toBe(400);
      expect((await readProblem(response)).code).toBe("validation_failed");
    }
    const after = await withOwnerSql(
      (sql) => sql`select count(*)::int as n from api_keys where tenant_id = ${tenant.id}`,
    );
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("is for admins: editors and viewers get 403", async () => {
    const tenant = await createTestTenant();
    for (const key of [tenant.editorKey, tenant.viewerKey]) {
      expect((await call("/v2/api-keys", { headers: bearer(key) })).status).toBe(403);
      const create = await callJson(
        "/v2/api-keys",
        "POST",
        { name: "x", role: "admin" },
        bearer(key),
      );
      expect(create.status).toBe(403);
    }
  });

  it("refuses to revoke the last active admin key (409)", async () => {
    const tenant = await createTestTenant();
    const response = await call(`/v2/api-keys/${tenant.adminKeyId}`, {
      method: "DELETE",
      headers: bearer(tenant.adminKey),
    });
    expect(response.status).toBe(409);
    expect((await readProblem(response)).code).toBe("conflict");
    const second = await tenant.createKey("admin", "second admin");
    const revoked = await call(`/v2/api-keys/${tenant.adminKeyId}`, {
      method: "DELETE",
      headers: bearer(second.key),
    });
    expect(revoked.status).toBe(200);
  });

  it("records last_used_at after use, off the request path", async () => {
    const tenant = await createTestTenant();
    const key = await tenant.createKey("viewer", "tracked");
    await call("/v2/tenant", { headers: bearer(key.key) });
    const rows = await withOwnerSql(
      (sql) => sql`select last_used_at from api_keys where id = ${key.id}`,
    );
    expect(rows[0]?.last_used_at).toBeInstanceOf(Date);
  });
});
