import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, type TestTenant } from "../../helpers/tenant";

/** The fields of a key as the API shows it that its lifecycle changes. */
interface KeyView {
  id: string;
  key?: string;
  prefix: string;
  expires_at: string | null;
  previous_key_expires_at: string | null;
  last_used_at: string | null;
  last_used_ip: string | null;
}

const status = async (key: string) => (await call("/v2/tenant", { headers: bearer(key) })).status;

async function createKey(tenant: TestTenant, body: Record<string, unknown>) {
  const response = await callJson(
    "/v2/api-keys",
    "POST",
    { name: "Lifecycle", role: "viewer", ...body },
    bearer(tenant.adminKey),
  );
  return { response, body: (await response.clone().json()) as KeyView };
}

async function roll(tenant: TestTenant, id: string, body: unknown, key = tenant.adminKey) {
  const response = await callJson(`/v2/api-keys/${id}/roll`, "POST", body, bearer(key));
  return { response, body: (await response.clone().json()) as KeyView };
}

async function listed(tenant: TestTenant, id: string): Promise<KeyView | undefined> {
  const page = await call("/v2/api-keys?limit=100", { headers: bearer(tenant.adminKey) });
  return ((await page.json()) as { data: KeyView[] }).data.find((k) => k.id === id);
}

const keyCount = async (tenantId: string) =>
  (
    await withOwnerSql(
      (sql) => sql`select count(*)::int as n from api_keys where tenant_id = ${tenantId}`,
    )
  )[0]?.n as number;

describe("API key expiry", () => {
  it("works until expires_at, then is refused (401), and a rolled secret stops when its overlap ends", async () => {
    const tenant = await createTestTenant();
    const expiresAt = new Date(Date.now() + 2_500).toISOString();
    const expiring = await createKey(tenant, { expires_at: expiresAt });
    expect(expiring.response.status).toBe(201);
    expect(expiring.body.expires_at).toBe(expiresAt);
    expect(await status(expiring.body.key as string)).toBe(200);

    const lasting = await createKey(tenant, {});
    expect(lasting.body.expires_at).toBeNull();
    const rolled = await roll(tenant, lasting.body.id, { expires_in: 2 });
    expect(rolled.response.status).toBe(200);
    expect(await status(lasting.body.key as string)).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 3_000));
    // Both were cached in this isolate a moment ago: expiry is checked on every use, not after
    // the cache's TTL.
    const refused = await call("/v2/tenant", { headers: bearer(expiring.body.key as string) });
    expect(refused.status).toBe(401);
    expect((await readProblem(refused)).code).toBe("unauthenticated");
    expect(await status(lasting.body.key as string)).toBe(401);
    expect(await status(rolled.body.key as string)).toBe(200);
    expect((await listed(tenant, lasting.body.id))?.previous_key_expires_at).toBeNull();

    // An expired key can no longer be rolled back to life.
    const late = await roll(tenant, expiring.body.id, { expires_in: 0 });
    expect(late.response.status).toBe(404);
  });

  it("refuses an expires_at in the past, too far ahead or malformed (400), creating nothing", async () => {
    const tenant = await createTestTenant();
    const before = await keyCount(tenant.id);
    for (const expires_at of [
      new Date(Date.now() - 1_000).toISOString(),
      new Date(Date.now() + 6 * 366 * 24 * 3600 * 1000).toISOString(),
      "tomorrow",
      "2027-13-01T00:00:00Z",
      1_900_000_000,
    ]) {
      const { response } = await createKey(tenant, { expires_at });
      expect(response.status, String(expires_at)).toBe(400);
      const problem = await readProblem(response);
      expect(problem.code).toBe("validation_failed");
      expect(JSON.stringify(problem.errors)).toContain("expires_at");
    }
    expect(await keyCount(tenant.id)).toBe(before);
  });
});

describe("POST /v2/api-keys/{id}/roll", () => {
  it("gives the key a new secret and keeps the old one working for the overlap, audited", async () => {
    const tenant = await createTestTenant();
    const original = await createKey(tenant, { role: "editor" });
    const rolled = await roll(tenant, original.body.id, { expires_in: 3600 });
    expect(rolled.response.status).toBe(200);
    expect(rolled.body).toMatchObject({ id: original.body.id, role: "editor", expires_at: null });
    expect(rolled.body.key).toMatch(/^sk_live_[A-Za-z0-9_-]{64}$/);
    expect(rolled.body.key).not.toBe(original.body.key);
    expect(rolled.body.prefix).toBe(rolled.body.key?.slice(0, 12));
    const overlap = Date.parse(rolled.body.previous_key_expires_at ?? "") - Date.now();
    expect(overlap).toBeGreaterThan(3_500_000);
    expect(overlap).toBeLessThanOrEqual(3_600_000);

    expect(await status(original.body.key as string)).toBe(200);
    expect(await status(rolled.body.key as string)).toBe(200);
    const shown = await listed(tenant, original.body.id);
    expect(shown?.previous_key_expires_at).toBe(rolled.body.previous_key_expires_at);
    expect(JSON.stringify(shown)).not.toContain(rolled.body.key as string);

    const audit = await withOwnerSql(
      (sql) =>
        sql`select action, after from audit_log where tenant_id = ${tenant.id} and target_id = ${original.body.id} order by id`,
    );
    expect(audit.map((row) => row.action)).toEqual(["api_key.created", "api_key.rolled"]);
    expect(JSON.stringify(audit)).not.toContain(rolled.body.key as string);
  });

  it("with expires_in 0 stops the old secret at once; a second roll ends the first one's overlap", async () => {
    const tenant = await createTestTenant();
    const original = await createKey(tenant, {});
    const first = await roll(tenant, original.body.id, { expires_in: 3600 });
    const second = await roll(tenant, original.body.id, { expires_in: 3600 });
    expect(await status(original.body.key as string)).toBe(401);
    expect(await status(first.body.key as string)).toBe(200);
    expect(await status(second.body.key as string)).toBe(200);

    const third = await roll(tenant, original.body.id, { expires_in: 0 });
    expect(third.body.previous_key_expires_at).toBeNull();
    expect(await status(second.body.key as string)).toBe(401);
    expect(await status(third.body.key as string)).toBe(200);
  });

  it("refuses a bad body (400) and changes nothing", async () => {
    const tenant = await createTestTenant();
    const original = await createKey(tenant, {});
    for (const body of [
      {},
      { expires_in: -1 },
      { expires_in: 2_592_001 },
      { expires_in: 1.5 },
      { expires_in: "60" },
      { expires_in: 60, key_hash: "x" },
    ]) {
      const { response } = await roll(tenant, original.body.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await readProblem(response)).code).toBe("validation_failed");
    }
    expect(await status(original.body.key as string)).toBe(200);
    expect((await listed(tenant, original.body.id))?.previous_key_expires_at).toBeNull();
  });

  it("is for admins, and answers 404 for an unknown, revoked or other tenant's key", async () => {
    const tenant = await createTestTenant();
    const other = await createTestTenant();
    const target = await createKey(tenant, {});
    const editor = await tenant.createKey("editor");
    const viewer = await tenant.createKey("viewer");
    for (const key of [editor.key, viewer.key]) {
      const { response } = await roll(tenant, target.body.id, { expires_in: 0 }, key);
      expect(response.status).toBe(403);
      expect((await readProblem(response)).code).toBe("forbidden");
    }
    const foreign = await roll(other, target.body.id, { expires_in: 0 });
    expect(foreign.response.status).toBe(404);
    expect((await roll(tenant, "key_unknown", { expires_in: 0 })).response.status).toBe(404);

    await call(`/v2/api-keys/${viewer.id}`, { method: "DELETE", headers: bearer(tenant.adminKey) });
    expect((await roll(tenant, viewer.id, { expires_in: 0 })).response.status).toBe(404);
    expect(await status(target.body.key as string)).toBe(200);
  });
});

describe("last use", () => {
  it("records the client address of the last use with last_used_at", async () => {
    const tenant = await createTestTenant();
    const created = await createKey(tenant, {});
    const used = await call("/v2/tenant", {
      headers: { ...bearer(created.body.key as string), "cf-connecting-ip": "203.0.113.7" },
    });
    expect(used.status).toBe(200);
    const shown = await listed(tenant, created.body.id);
    expect(shown?.last_used_at).not.toBeNull();
    expect(shown?.last_used_ip).toBe("203.0.113.7");
  });
});
