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
    expect(body.key).toMatch(/^sk_test_[A-Za-z0-9_-]{43}$/);
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
});
