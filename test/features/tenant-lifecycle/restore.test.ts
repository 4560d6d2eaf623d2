import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { DELETE_ORDER } from "../../../src/features/tenant-lifecycle/deletion";
import { openSecret } from "../../../src/platform/crypto/secret-box";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator, provisionTenant } from "../../helpers/tenant";
import { seedTenantRows } from "../../helpers/tenant-rows";
import { countRows, EXPORTED_TABLES, ownerTx, runExportJob } from "../exports/fixtures";
import { bytes, sha256, uploaded } from "../files/fixtures";

/**
 * The key (used before the restore, so its credential may still be cached in this isolate) is
 * refused once the cache lets go: within the documented 5 s bound for revocations.
 */
async function expectKeyRefused(key: string) {
  await vi.waitFor(
    async () => expect((await call("/v2/books", { headers: bearer(key) })).status).toBe(401),
    { timeout: 7_000, interval: 250 },
  );
}

type Row = Record<string, unknown>;

interface Restored {
  tenant_id: string;
  source_tenant_id: string;
  export_id: string;
  tables: Record<string, { restored: number; skipped: number }>;
  objects: { copied: number; missing: number };
}

/** Tables that make a tenant "not empty", plus their children. */
const DATA_TABLES = EXPORTED_TABLES.filter((t) => t !== "api_keys" && t !== "audit_log");

/** A tenant with a row in every table, a real file in R2 and a completed export. */
type Source = Awaited<ReturnType<typeof exportedTenant>>;

async function exportedTenant() {
  const tenant = await createTestTenant();
  const seeded = await withOwnerSql(async (sql) => {
    const ids = await seedTenantRows(sql, tenant.id);
    // The seeded export row is pending: requesting an export would return it instead.
    await sql`update tenant_exports set status = 'failed' where tenant_id = ${tenant.id}`;
    return ids;
  });
  const content = bytes(300, 7);
  const file = await uploaded(tenant.editorKey, content);
  const requested = await call("/v2/tenant/export", {
    method: "POST",
    headers: bearer(tenant.adminKey),
  });
  expect(requested.status).toBe(202);
  const { id: exportId } = (await requested.json()) as { id: string };
  await runExportJob(exportId);
  return { tenant, seeded, file, content, exportId };
}

/** Every row of the exported tables for a tenant, by table then id (as the owner, past RLS). */
function snapshot(tenantId: string) {
  return ownerTx(async (sql) => {
    const tables: Record<string, Row[]> = {};
    for (const table of EXPORTED_TABLES) {
      tables[table] = await sql.unsafe<Row[]>(
        `select * from "${table}" where tenant_id = $1 order by id`,
        [tenantId],
      );
    }
    return tables;
  });
}

/** The incident: every row of the tenant is gone (its R2 objects and export stay). */
const wipe = (tenantId: string) =>
  ownerTx(async (sql) => {
    for (const table of [...DELETE_ORDER, "audit_log"]) {
      await sql.unsafe(`delete from "${table}" where tenant_id = $1`, [tenantId]);
    }
  });

const restore = (tenantId: string, body: unknown, headers = operator()) =>
  callJson(`/admin/tenants/${tenantId}/restore`, "POST", body, headers);

/** The ids in one exported file (read back from R2; the export's layout: `exports/{tenant}/{export}/`). */
async function exportedIds(tenantId: string, exportId: string, table: string) {
  const object = await env.FILES.get(`exports/${tenantId}/${exportId}/${table}.ndjson`);
  expect(object, `${table}.ndjson`).not.toBeNull();
  const lines = ((await object?.text()) ?? "").split("\n").filter(Boolean);
  return new Set(lines.map((line) => (JSON.parse(line) as { id: string }).id));
}

/**
 * The rows the export holds. Only the export's own completion (its audit row and event, written
 * as it completes) may be in the database and not in the files, or in both: the export request
 * also reaches the real jobs queue, whose run can finish before the test's own.
 */
async function exportedRows(rows: Row[] | undefined, table: string, source: Source) {
  const ids = await exportedIds(source.tenant.id, source.exportId, table);
  const completion = (row: Row) =>
    (table === "audit_log" && row.action === "tenant.export.completed") ||
    (table === "events" && row.type === "tenant.export.completed");
  const all = rows ?? [];
  expect(
    all.filter((row) => !ids.has(row.id as string) && !completion(row)),
    table,
  ).toEqual([]);
  expect(ids.size, table).toBe(all.filter((row) => ids.has(row.id as string)).length);
  return all.filter((row) => ids.has(row.id as string));
}

describe("restore from an export", () => {
  it("round-trips every exported row into an empty tenant, secrets excepted as documented", async () => {
    const source = await exportedTenant();
    const before = await snapshot(source.tenant.id);
    await wipe(source.tenant.id);
    const target = await provisionTenant();

    const response = await restore(target.id, {
      source_tenant_id: source.tenant.id,
      export_id: source.exportId,
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as Restored;
    expect(result).toMatchObject({
      tenant_id: target.id,
      source_tenant_id: source.tenant.id,
      export_id: source.exportId,
      objects: { copied: 1, missing: 1 },
    });

    const after = await snapshot(target.id);
    for (const table of EXPORTED_TABLES) {
      const expected = await exportedRows(before[table], table, source);
      expect(expected.length, table).toBeGreaterThan(0);
      expect(result.tables[table], table).toEqual({ restored: expected.length, skipped: 0 });
      for (const original of expected) {
        const restored = after[table]?.find((row) => row.id === original.id);
        expect(restored, `${table} ${original.id}`).toBeDefined();
        const changed: Row = { tenant_id: target.id };
        if (table === "webhook_endpoints") {
          Object.assign(changed, {
            enabled: false,
            status: "disabled",
            status_reason: expect.stringContaining("rotate the secret"),
            secret_ciphertext: expect.any(String),
            previous_secret_ciphertext: null,
            previous_secret_expires_at: null,
            custom_headers_ciphertext: null,
            custom_header_hints: null,
          });
          expect(restored?.secret_ciphertext).not.toBe(original.secret_ciphertext);
          const secret = await openSecret(
            env.WEBHOOK_SECRET_KEY,
            restored?.secret_ciphertext as string,
            original.id as string,
          );
          expect(secret).toMatch(/^whsec_/);
        }
        if (table === "api_keys") {
          Object.assign(changed, {
            key_hash: `restored:${original.id}`,
            revoked_at: original.revoked_at ?? expect.any(Date),
          });
        }
        if (table === "files") {
          Object.assign(changed, {
            r2_key: `tenants/${target.id}/files/${original.id}`,
            multipart_upload_id: null,
          });
        }
        if (table === "events") {
          Object.assign(changed, { dispatched_at: original.dispatched_at ?? expect.any(Date) });
        }
        expect(restored, `${table} ${original.id}`).toEqual({ ...original, ...changed });
      }
    }

    // The uploaded file's content was copied; the seeded row never had an object.
    const object = await env.FILES.get(`tenants/${target.id}/files/${source.file.id}`);
    expect(await sha256(new Uint8Array((await object?.arrayBuffer()) ?? []))).toBe(
      await sha256(source.content),
    );
    // What a user of the target tenant sees: the data is back, the endpoint waits for a rotation.
    const content = await call(`/v2/files/${source.file.id}/content`, {
      headers: bearer(target.adminKey),
    });
    expect(content.status).toBe(200);
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(source.content);
    const book = await call(`/v2/books/${source.seeded.books}`, {
      headers: bearer(target.adminKey),
    });
    expect(book.status).toBe(200);
    const endpoint = await call(`/v2/webhook-endpoints/${source.seeded.webhook_endpoints}`, {
      headers: bearer(target.adminKey),
    });
    expect(await endpoint.json()).toMatchObject({ enabled: false, status: "disabled" });
    // The source tenant's keys (exported) do not open the target.
    await expectKeyRefused(source.tenant.adminKey);

    const [audit] = await ownerTx(
      (sql) =>
        sql`select actor_type, target_id, after from audit_log where tenant_id = ${target.id} and action = 'tenant.restored'`,
    );
    expect(audit).toMatchObject({
      actor_type: "operator",
      target_id: target.id,
      after: {
        source_tenant_id: source.tenant.id,
        export_id: source.exportId,
        tables: result.tables,
      },
    });
  });

  it("restores a tenant onto itself, keeping the rows it still holds (its audit log)", async () => {
    const source = await exportedTenant();
    const manifest = JSON.parse(
      (await (
        await env.FILES.get(`exports/${source.tenant.id}/${source.exportId}/manifest.json`)
      )?.text()) ?? "{}",
    ) as { files: Array<{ table: string; rows: number }> };
    const exportedAudit = manifest.files.find((f) => f.table === "audit_log")?.rows ?? 0;
    expect(exportedAudit).toBeGreaterThan(0);
    await ownerTx(async (sql) => {
      for (const table of DELETE_ORDER) {
        await sql.unsafe(`delete from "${table}" where tenant_id = $1`, [source.tenant.id]);
      }
    });
    const response = await restore(source.tenant.id, {
      source_tenant_id: source.tenant.id,
      export_id: source.exportId,
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as Restored;
    // Every exported audit row was still there: kept as it was, not doubled.
    expect(result.tables.audit_log).toEqual({ restored: 0, skipped: exportedAudit });
    expect(result.tables.books).toEqual({ restored: 1, skipped: 0 });
    // The content never moved: found where it was (the seeded row never had any).
    expect(result.objects).toEqual({ copied: 1, missing: 1 });
    // The tenant's keys come back revoked: its admin issues new ones.
    expect(result.tables.api_keys).toEqual({ restored: 4, skipped: 0 });
    await expectKeyRefused(source.tenant.adminKey);
  });

  it("refuses a tampered export with 422 export_corrupt and writes nothing", async () => {
    const source = await exportedTenant();
    await wipe(source.tenant.id);
    const target = await provisionTenant();
    // The last file is the one altered: every table before it was already inserted, then undone.
    const key = `exports/${source.tenant.id}/${source.exportId}/audit_log.ndjson`;
    const original = (await (await env.FILES.get(key))?.text()) ?? "";
    // Same size, same row count: only the checksum can tell.
    const tampered = original.replace('"system"', '"systen"');
    expect(tampered).not.toBe(original);
    expect(tampered.length).toBe(original.length);
    await env.FILES.put(key, tampered);

    const response = await restore(target.id, {
      source_tenant_id: source.tenant.id,
      export_id: source.exportId,
    });
    expect(response.status).toBe(422);
    const problem = await readProblem(response);
    expect(problem.code).toBe("export_corrupt");
    expect(problem.detail).toContain("audit_log.ndjson");
    const counts = await countRows(target.id, EXPORTED_TABLES);
    expect(counts).toEqual({ ...counts, ...Object.fromEntries(DATA_TABLES.map((t) => [t, 0])) });
    expect(counts.api_keys).toBe(1);
    expect(counts.audit_log).toBe(1);
    expect((await env.FILES.list({ prefix: `tenants/${target.id}/` })).objects).toHaveLength(0);

    // A file with a row fewer than its manifest says is refused the same way.
    await env.FILES.put(key, original);
    const books = `exports/${source.tenant.id}/${source.exportId}/books.ndjson`;
    await env.FILES.put(books, "");
    const short = await restore(target.id, {
      source_tenant_id: source.tenant.id,
      export_id: source.exportId,
    });
    expect(short.status).toBe(422);
    expect((await readProblem(short)).code).toBe("export_corrupt");
    expect((await countRows(target.id, ["books"])).books).toBe(0);
  });

  it("loads into an empty tenant only: 409 tenant_not_empty, and 409 conflict while the source rows exist", async () => {
    const source = await exportedTenant();
    const body = { source_tenant_id: source.tenant.id, export_id: source.exportId };

    const busy = await createTestTenant();
    await withOwnerSql((sql) => seedTenantRows(sql, busy.id));
    const notEmpty = await restore(busy.id, body);
    expect(notEmpty.status).toBe(409);
    expect((await readProblem(notEmpty)).code).toBe("tenant_not_empty");

    // The source tenant still holds every row: ids are kept, so nothing may be loaded.
    const target = await provisionTenant();
    const inUse = await restore(target.id, body);
    expect(inUse.status).toBe(409);
    expect((await readProblem(inUse)).code).toBe("conflict");
    const counts = await countRows(target.id, DATA_TABLES);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });

  it("answers 404 for an unknown export or tenant, 401 without the operator token, 400 on a bad body", async () => {
    const target = await provisionTenant();
    const source = await createTestTenant();
    const unknownExport = await restore(target.id, {
      source_tenant_id: source.id,
      export_id: "exp_00000000000000000000000000",
    });
    expect(unknownExport.status).toBe(404);
    expect((await readProblem(unknownExport)).code).toBe("not_found");

    const { tenant, exportId } = await exportedTenant();
    const body = { source_tenant_id: tenant.id, export_id: exportId };
    // An export id under the wrong source tenant is not found either.
    const wrongSource = await restore(target.id, { ...body, source_tenant_id: source.id });
    expect(wrongSource.status).toBe(404);
    const unknownTenant = await restore("ten_00000000000000000000000000", body);
    expect(unknownTenant.status).toBe(404);

    const anonymous = await restore(target.id, body, {});
    expect(anonymous.status).toBe(401);
    const tenantKey = await restore(target.id, body, bearer(target.adminKey));
    expect(tenantKey.status).toBe(401);

    const missing = await restore(target.id, { source_tenant_id: tenant.id });
    expect(missing.status).toBe(400);
    expect((await readProblem(missing)).errors?.map((e) => e.path)).toContain("json.export_id");
    const malformed = await restore(target.id, { ...body, export_id: "../../etc" });
    expect(malformed.status).toBe(400);
    expect((await readProblem(malformed)).errors?.[0]?.path).toBe("json.export_id");
    const extra = await restore(target.id, { ...body, prefix: "exports/" });
    expect(extra.status).toBe(400);
    const badId = await restore("nope", body);
    expect(badId.status).toBe(400);
    // None of these wrote anything.
    expect(Object.values(await countRows(target.id, DATA_TABLES)).every((n) => n === 0)).toBe(true);
  });
});
