import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { requeueStalledExports } from "../../../src/features/exports/export-job";
import { openSystemDatabase } from "../../../src/platform/db";
import { withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";
import { seedTenantRows } from "../../helpers/tenant-rows";
import { bytes, sha256, uploaded } from "../files/fixtures";
import {
  countRows,
  EXPORTED_TABLES,
  fetchSigned,
  ownerTx,
  requestExportUnqueued,
  runExportJob,
  runJobs,
} from "./fixtures";

interface ExportView {
  id: string;
  status: string;
  reason: string;
  progress: { tables_done: number; tables_total: number };
  files: Array<{
    name: string;
    table: string;
    rows: number;
    bytes: number;
    sha256: string;
    download_url: string | null;
  }>;
  manifest_url: string | null;
}

describe("tenant export", () => {
  it("exports every table as NDJSON with a manifest whose counts match the database, and nothing of another tenant", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    await withOwnerSql(async (sql) => {
      await seedTenantRows(sql, a.id);
      await seedTenantRows(sql, b.id);
    });
    await uploaded(a.editorKey, bytes(100, 1));
    await uploaded(b.editorKey, bytes(100, 2));

    const requested = await call("/v2/tenant/export", {
      method: "POST",
      headers: bearer(a.adminKey),
    });
    expect(requested.status).toBe(202);
    const pending = (await requested.json()) as ExportView;
    expect(pending).toMatchObject({ status: "pending", reason: "requested", manifest_url: null });
    // A second request while one is pending returns that one.
    const twice = await call("/v2/tenant/export", { method: "POST", headers: bearer(a.adminKey) });
    expect(((await twice.json()) as ExportView).id).toBe(pending.id);

    await runExportJob(pending.id);
    const shown = await call(`/v2/tenant/exports/${pending.id}`, { headers: bearer(a.adminKey) });
    expect(shown.status).toBe(200);
    const done = (await shown.json()) as ExportView;
    expect(done.status).toBe("completed");
    expect(done.progress).toEqual({ tables_done: 9, tables_total: 9 });

    const counts = await countRows(a.id, EXPORTED_TABLES);
    // The completion itself writes an audit row and an event after the files were written.
    counts.audit_log = (counts.audit_log ?? 0) - 1;
    counts.events = (counts.events ?? 0) - 1;
    const manifest = JSON.parse((await fetchSigned(done.manifest_url as string)).text) as {
      tenant_id: string;
      files: Array<{ name: string; table: string; rows: number; sha256: string }>;
    };
    expect(manifest.tenant_id).toBe(a.id);
    expect(Object.fromEntries(manifest.files.map((f) => [f.table, f.rows]))).toEqual(counts);
    expect(counts.books).toBeGreaterThan(0);
    expect(counts.files).toBe(2);

    for (const file of done.files) {
      const { status, text } = await fetchSigned(file.download_url as string);
      expect(status).toBe(200);
      expect(await sha256(new TextEncoder().encode(text))).toBe(file.sha256);
      const lines = text
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(file.rows);
      for (const line of lines) expect(line.tenant_id).toBe(a.id);
      expect(text).not.toContain(b.id);
      if (file.table === "webhook_endpoints") {
        expect(lines[0]).toHaveProperty("url");
        expect(Object.keys(lines[0] ?? {}).some((k) => k.includes("secret"))).toBe(false);
      }
      if (file.table === "api_keys") expect(lines[0]).not.toHaveProperty("key_hash");
      if (file.table === "files") expect(lines[0]).not.toHaveProperty("r2_key");
    }
    const [event] = await ownerTx(
      (sql) =>
        sql`select payload from events where tenant_id = ${a.id} and type = 'tenant.export.completed'`,
    );
    expect((event?.payload as { data?: { export_id?: string } } | undefined)?.data?.export_id).toBe(
      pending.id,
    );
  });

  it("runs once even when the job is delivered twice", async () => {
    const tenant = await createTestTenant();
    const requested = await call("/v2/tenant/export", {
      method: "POST",
      headers: bearer(tenant.adminKey),
    });
    const { id } = (await requested.json()) as ExportView;
    await runExportJob(id);
    await runExportJob(id);
    const events = await ownerTx(
      (sql) =>
        sql`select id from events where tenant_id = ${tenant.id} and type = 'tenant.export.completed'`,
    );
    expect(events).toHaveLength(1);
  });

  it("leaves an export held by a live run alone on a duplicate delivery, and takes over a silent one", async () => {
    const tenant = await createTestTenant();
    const id = await requestExportUnqueued(tenant.adminKey);
    const prefix = `exports/${tenant.id}/${id}/`;
    const state = () =>
      ownerTx(async (sql) => {
        const [row] = await sql<{ status: string; run_id: string | null }[]>`
          select status, run_id from tenant_exports where id = ${id}`;
        const [counted] = await sql<{ n: number }[]>`
          select count(*)::int as n from events
          where tenant_id = ${tenant.id} and type = 'tenant.export.completed'`;
        return { ...row, completed_events: counted?.n };
      });
    // Another delivery's run is writing the export and renewed its claim just now.
    await ownerTx(
      (sql) => sql`update tenant_exports
        set status = 'running', run_id = 'live-run', run_heartbeat_at = now() where id = ${id}`,
    );
    const duplicate = await runJobs([{ kind: "tenant-export", export_id: id }]);
    expect(duplicate.retryMessages).toHaveLength(0);
    expect((await env.FILES.list({ prefix })).objects).toHaveLength(0);
    expect(await state()).toEqual({ status: "running", run_id: "live-run", completed_events: 0 });

    // That run fell silent past the stale limit: the hourly sweep's requeue hands it to a new run.
    await ownerTx(
      (sql) => sql`update tenant_exports
        set run_heartbeat_at = now() - interval '11 minutes' where id = ${id}`,
    );
    const database = openSystemDatabase(env);
    try {
      // Captured, not sent: the requeue looks at every tenant's exports in the shared database.
      const requeued: unknown[] = [];
      const jobs = { send: async (body: unknown) => void requeued.push(body) } as unknown as Queue;
      expect(await requeueStalledExports(database, jobs)).toBeGreaterThanOrEqual(1);
      expect(requeued).toContainEqual({ kind: "tenant-export", export_id: id });
    } finally {
      await database.close();
    }
    await runExportJob(id);
    const taken = await state();
    expect(taken).toMatchObject({ status: "completed", completed_events: 1 });
    expect(taken.run_id).not.toBe("live-run");
    const names = (await env.FILES.list({ prefix })).objects.map((o) => o.key.slice(prefix.length));
    expect(names.sort()).toEqual(
      [...EXPORTED_TABLES.map((t) => `${t}.ndjson`), "manifest.json"].sort(),
    );
  });

  it("is for admins: 401 without a credential, 403 for an editor, 404 across tenants", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const anonymous = await call("/v2/tenant/export", { method: "POST" });
    expect(anonymous.status).toBe(401);
    const editor = await call("/v2/tenant/export", {
      method: "POST",
      headers: bearer(a.editorKey),
    });
    expect(editor.status).toBe(403);
    expect((await readProblem(editor)).code).toBe("forbidden");
    const { id } = (await (
      await call("/v2/tenant/export", { method: "POST", headers: bearer(a.adminKey) })
    ).json()) as ExportView;
    const foreign = await call(`/v2/tenant/exports/${id}`, { headers: bearer(b.adminKey) });
    expect(foreign.status).toBe(404);
    expect((await readProblem(foreign)).code).toBe("not_found");
    const viewer = await call(`/v2/tenant/exports/${id}`, { headers: bearer(a.viewerKey) });
    expect(viewer.status).toBe(403);
    const malformed = await call(`/v2/tenant/exports/${"x".repeat(65)}`, {
      headers: bearer(a.adminKey),
    });
    expect(malformed.status).toBe(400);
    expect((await readProblem(malformed)).errors?.[0]?.path).toBe("param.id");
    // The operator sees the same export.
    const asOperator = await call(`/admin/tenants/${a.id}/export`, { headers: operator() });
    expect(((await asOperator.json()) as ExportView).id).toBe(id);
  });
});
