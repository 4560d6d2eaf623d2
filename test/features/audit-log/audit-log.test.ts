import { describe, expect, it } from "vitest";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";

interface AuditPage {
  data: Array<{
    id: string;
    actor: { type: string; id: string };
    action: string;
    target: { type: string; id: string };
    request_id: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }>;
  has_more: boolean;
  next_cursor: string | null;
}

describe("GET /v2/audit-log", () => {
  it("records each mutation with actor, target, request id and before/after", async () => {
    const tenant = await createTestTenant();
    const created = await callJson(
      "/v2/api-keys",
      "POST",
      { name: "audited", role: "viewer" },
      { ...bearer(tenant.adminKey), "x-request-id": "trace-audit-0001" },
    );
    const key = (await created.json()) as { id: string; key: string };
    await call(`/v2/api-keys/${key.id}`, { method: "DELETE", headers: bearer(tenant.adminKey) });

    const response = await call(`/v2/audit-log?target_id=${key.id}`, {
      headers: bearer(tenant.adminKey),
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as AuditPage;
    expect(page.data.map((e) => e.action)).toEqual(["api_key.revoked", "api_key.created"]);
    const [revoked, createdEntry] = page.data;
    expect(createdEntry).toMatchObject({
      actor: { type: "api_key", id: tenant.adminKeyId },
      target: { type: "api_key", id: key.id },
      request_id: "trace-audit-0001",
      before: null,
    });
    expect(createdEntry?.after?.name).toBe("audited");
    expect(JSON.stringify(page)).not.toContain(key.key);
    expect(revoked?.before?.revoked_at).toBeNull();
    expect(revoked?.after?.revoked_at).not.toBeNull();
  });

  it("filters by action and target type, paginates, and never shows another tenant's entries", async () => {
    const [tenant, other] = await Promise.all([createTestTenant(), createTestTenant()]);
    for (let i = 0; i < 3; i++) await tenant.createKey("viewer", `k${i}`);
    const filtered = (await (
      await call("/v2/audit-log?action=api_key.created&limit=2", {
        headers: bearer(tenant.adminKey),
      })
    ).json()) as AuditPage;
    expect(filtered.data).toHaveLength(2);
    expect(filtered.has_more).toBe(true);
    expect(filtered.data.every((e) => e.action === "api_key.created")).toBe(true);
    const next = (await (
      await call(
        `/v2/audit-log?action=api_key.created&limit=100&starting_after=${filtered.next_cursor}`,
        {
          headers: bearer(tenant.adminKey),
        },
      )
    ).json()) as AuditPage;
    // 2 role keys from the harness + 3 here = 5 creations in all.
    expect(filtered.data.length + next.data.length).toBe(5);

    const byType = (await (
      await call("/v2/audit-log?target_type=tenant", { headers: bearer(tenant.adminKey) })
    ).json()) as AuditPage;
    expect(byType.data.map((e) => e.action)).toEqual(["tenant.provisioned"]);

    const mine = (await (
      await call("/v2/audit-log?limit=100", { headers: bearer(other.adminKey) })
    ).json()) as AuditPage;
    expect(mine.data.every((e) => e.target.id !== tenant.id)).toBe(true);
    expect(JSON.stringify(mine)).not.toContain(tenant.id);
  });

  it("is for admins only and validates its query", async () => {
    const tenant = await createTestTenant();
    const editor = await call("/v2/audit-log", { headers: bearer(tenant.editorKey) });
    expect(editor.status).toBe(403);
    const bad = await call("/v2/audit-log?limit=abc", { headers: bearer(tenant.adminKey) });
    expect(bad.status).toBe(400);
    const problem = await readProblem(bad);
    expect(problem.errors?.[0]?.path).toBe("query.limit");
    expect(
      (await call("/v2/audit-log?unknown=1", { headers: bearer(tenant.adminKey) })).status,
    ).toBe(400);
  });
});
