import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator, type TestTenant } from "../../helpers/tenant";
import { seedTenantRows } from "../../helpers/tenant-rows";
import { countRows, fetchSigned, fireCron, ownerTx, runExportJob } from "../exports/fixtures";
import { bytes, uploaded } from "../files/fixtures";

interface Offboarding {
  tenant: { id: string; status: string; delete_after: string | null };
  export: { id: string; status: string; reason: string };
}

const TENANT_TABLES = [
  "books",
  "orders",
  "order_lines",
  "events",
  "webhook_endpoints",
  "webhook_deliveries",
  "webhook_attempts",
  "files",
  "tenant_exports",
  "api_keys",
  "idempotency_records",
];

async function offboard(tenantId: string) {
  const response = await call(`/admin/tenants/${tenantId}/offboard`, {
    method: "POST",
    headers: operator(),
  });
  expect(response.status).toBe(202);
  return (await response.json()) as Offboarding;
}

/** A tenant with a row in every table and a file in R2. */
async function populatedTenant(): Promise<TestTenant & { fileId: string }> {
  const tenant = await createTestTenant();
  await withOwnerSql((sql) => seedTenantRows(sql, tenant.id));
  const file = await uploaded(tenant.editorKey, bytes(256, 3));
  return { ...tenant, fileId: file.id };
}

const objectCount = async (prefix: string) => (await env.FILES.list({ prefix })).objects.length;
const tenantRow = (id: string) =>
  ownerTx((sql) => sql`select name, status, delete_after from tenants where id = ${id}`).then(
    (rows) => rows[0],
  );
const expireGrace = (id: string) =>
  ownerTx(
    (sql) => sql`update tenants set delete_after = now() - interval '1 minute' where id = ${id}`,
  );

describe("offboarding", () => {
  it("suspends at once, schedules deletion after 30 days and queues an export the operator can download", async () => {
    const tenant = await populatedTenant();
    const result = await offboard(tenant.id);
    expect(result.tenant.status).toBe("offboarding");
    const days = (Date.parse(result.tenant.delete_after ?? "") - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThanOrEqual(30);
    expect(result.export).toMatchObject({ status: "pending", reason: "offboarding" });

    const refused = await call("/v2/files", { headers: bearer(tenant.viewerKey) });
    expect(refused.status).toBe(403);
    expect((await readProblem(refused)).code).toBe("tenant_suspended");

    // Idempotent: the same export, not a second one.
    expect((await offboard(tenant.id)).export.id).toBe(result.export.id);

    const progress = await call(`/admin/tenants/${tenant.id}/export`, { headers: operator() });
    expect(progress.status).toBe(200);
    expect(((await progress.json()) as { id: string }).id).toBe(result.export.id);

    await runExportJob(result.export.id);
    const shown = (await (
      await call(`/admin/tenants/${tenant.id}/export`, { headers: operator() })
    ).json()) as {
      status: string;
      manifest_url: string;
      files: Array<{ name: string; rows: number; download_url: string }>;
    };
    expect(shown.status).toBe("completed");
    // The links work while the tenant is offboarding (that is when exports are fetched).
    const manifest = await fetchSigned(shown.manifest_url);
    expect(manifest.status).toBe(200);
    expect(JSON.parse(manifest.text).export_id).toBe(result.export.id);
    const files = shown.files.find((f) => f.name === "files.ndjson");
    expect(files?.rows).toBe(2);
    expect((await fetchSigned(files?.download_url ?? "")).text).toContain(tenant.fileId);
  });

  it("validates ids and needs the operator token", async () => {
    const anonymous = await call("/admin/tenants/ten_01m80b5xn013d94fqcqp3raatf/offboard", {
      method: "POST",
    });
    expect(anonymous.status).toBe(401);
    const tenantKey = await createTestTenant();
    const withTenantKey = await call(`/admin/tenants/${tenantKey.id}/offboard`, {
      method: "POST",
      headers: bearer(tenantKey.adminKey),
    });
    expect(withTenantKey.status).toBe(401);
    const unknown = await call("/admin/tenants/ten_00000000000000000000000000/offboard", {
      method: "POST",
      headers: operator(),
    });
    expect(unknown.status).toBe(404);
    const malformed = await call("/admin/tenants/nope/export", { headers: operator() });
    expect(malformed.status).toBe(400);
    const noExport = await call(`/admin/tenants/${tenantKey.id}/export`, { headers: operator() });
    expect(noExport.status).toBe(404);
  });

  it("resume within the grace period restores full service and cancels the deletion", async () => {
    const tenant = await populatedTenant();
    const { export: queued } = await offboard(tenant.id);
    await runExportJob(queued.id);
    const resumed = await call(`/admin/tenants/${tenant.id}/resume`, {
      method: "POST",
      headers: operator(),
    });
    expect(resumed.status).toBe(200);
    expect(await resumed.json()).toMatchObject({ status: "active", delete_after: null });
    const content = await call(`/v2/files/${tenant.fileId}/content`, {
      headers: bearer(tenant.viewerKey),
    });
    expect(content.status).toBe(200);
    await content.arrayBuffer();
    expect((await uploaded(tenant.editorKey, bytes(10))).status).toBe("ready");

    const before = await countRows(tenant.id, TENANT_TABLES);
    await fireCron("30 3 * * *");
    expect((await tenantRow(tenant.id))?.status).toBe("active");
    expect(await countRows(tenant.id, TENANT_TABLES)).toEqual(before);
  });
});

describe("deletion after the grace period", () => {
  it("removes that tenant's rows and objects only, keeping the audit log (archived) and a tombstone", async () => {
    const [gone, kept] = await Promise.all([populatedTenant(), populatedTenant()]);
    const { export: queued } = await offboard(gone.id);
    await runExportJob(queued.id);
    expect(await objectCount(`exports/${gone.id}/`)).toBeGreaterThan(0);
    const keptRows = await countRows(kept.id, [...TENANT_TABLES, "audit_log"]);
    const keptObjects = await objectCount(`tenants/${kept.id}/`);

    // Not yet due: nothing happens.
    await fireCron("30 3 * * *");
    expect((await tenantRow(gone.id))?.status).toBe("offboarding");

    await expireGrace(gone.id);
    await fireCron("30 3 * * *");

    const tombstone = await tenantRow(gone.id);
    expect(tombstone?.status).toBe("deleted");
    expect(tombstone?.name).toBe(`Deleted tenant ${gone.id}`);
    const left = await countRows(gone.id, TENANT_TABLES);
    expect(Object.values(left).every((n) => n === 0)).toBe(true);
    expect(await objectCount(`tenants/${gone.id}/`)).toBe(0);
    expect(await objectCount(`exports/${gone.id}/`)).toBe(0);

    const audit = await ownerTx(
      (sql) => sql`select action from audit_log where tenant_id = ${gone.id} order by id`,
    );
    const actions = audit.map((r) => r.action);
    expect(actions).toContain("tenant.offboarded");
    expect(actions).toContain("tenant.deleted");
    expect(actions.at(-1)).toBe("tenant.purged");
    const archive = await env.FILES.get(`archives/${gone.id}/audit-log.ndjson`);
    const archived = (await archive?.text())?.split("\n").filter(Boolean) ?? [];
    expect(archived.length).toBe(audit.length - 1);
    expect(archived.some((line) => line.includes('"tenant.deleted"'))).toBe(true);

    // The credentials are gone; the other tenant is untouched.
    expect((await call("/v2/files", { headers: bearer(gone.viewerKey) })).status).toBe(401);
    expect(await countRows(kept.id, [...TENANT_TABLES, "audit_log"])).toEqual(keptRows);
    expect(await objectCount(`tenants/${kept.id}/`)).toBe(keptObjects);
    expect((await call("/v2/files", { headers: bearer(kept.viewerKey) })).status).toBe(200);
    // Operators can no longer resume or offboard it.
    const resume = await call(`/admin/tenants/${gone.id}/resume`, {
      method: "POST",
      headers: operator(),
    });
    expect(resume.status).toBe(404);
  });

  it("waits for the offboarding export before deleting anything", async () => {
    const tenant = await populatedTenant();
    await offboard(tenant.id);
    // The export never ran (its message is still queued or failing).
    await ownerTx(
      (sql) => sql`update tenant_exports set status = 'failed' where tenant_id = ${tenant.id}`,
    );
    await expireGrace(tenant.id);
    await fireCron("30 3 * * *");
    expect((await tenantRow(tenant.id))?.status).toBe("offboarding");
    expect((await countRows(tenant.id, ["books"])).books).toBe(1);

    // Offboarding again retries the failed export; once it completes, the deletion proceeds.
    const retried = await offboard(tenant.id);
    expect(retried.export.status).toBe("pending");
    await runExportJob(retried.export.id);
    await fireCron("30 3 * * *");
    expect((await tenantRow(tenant.id))?.status).toBe("deleted");
    expect((await countRows(tenant.id, ["books"])).books).toBe(0);
  });
});
