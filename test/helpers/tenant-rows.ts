import { DELETE_ORDER } from "../../src/features/tenant-lifecycle/deletion";
import { newId } from "../../src/platform/ids";
import type { ownerSql } from "./db";

type OwnerSql = ReturnType<typeof ownerSql>;

/** The ids of one row per tenant-owned table, seeded for one tenant. */
export type TenantRows = Record<string, string>;

/**
 * Inserts one row into every tenant-owned table for `tenantId` (as the owner, bypassing RLS) and
 * returns each row's id (idempotency_records: its key). A new tenant table needs a line here, or
 * the RLS suite fails and says which table it cannot prove isolated.
 */
export async function seedTenantRows(sql: OwnerSql, tenantId: string): Promise<TenantRows> {
  const ids = {
    books: newId("book"),
    orders: newId("ord"),
    order_lines: newId("line"),
    events: newId("evt"),
    files: newId("file"),
    tenant_exports: newId("exp"),
    api_keys: newId("key"),
    audit_log: newId("aud"),
    idempotency_records: `idem-${newId("req")}`,
    webhook_endpoints: newId("whep"),
    webhook_deliveries: newId("dlv"),
    webhook_attempts: newId("att"),
    book_imports: newId("imp"),
    book_import_errors: newId("imperr"),
    job_failures: newId("jobfail"),
    // The tenant's place in its event log: created by the events insert below (a trigger).
    event_positions: tenantId,
  };
  await sql.begin(async (tx) => {
    await tx`insert into books (id, tenant_id, isbn, title, authors, price_amount, currency, stock)
      values (${ids.books}, ${tenantId}, ${`978${Date.now()}`.slice(0, 13)}, ${`Book of ${tenantId}`},
        ${tx.json(["A. Author"])}, 1250, 'EUR', 3)`;
    await tx`insert into orders (id, tenant_id, status, currency, total_amount)
      values (${ids.orders}, ${tenantId}, 'pending', 'EUR', 1250)`;
    await tx`insert into order_lines (id, tenant_id, order_id, book_id, quantity, unit_amount, line_amount, title, isbn)
      values (${ids.order_lines}, ${tenantId}, ${ids.orders}, ${ids.books}, 1, 1250, 1250, 'T', 'I')`;
    await tx`insert into events (id, tenant_id, type, payload)
      values (${ids.events}, ${tenantId}, 'book.created', ${tx.json({ type: "book.created" })})`;
    await tx`insert into files (id, tenant_id, filename, content_type, r2_key, status)
      values (${ids.files}, ${tenantId}, 'cover.png', 'image/png',
        ${`tenants/${tenantId}/files/${ids.files}`}, 'ready')`;
    await tx`insert into tenant_exports (id, tenant_id, status, reason, requested_by, r2_prefix)
      values (${ids.tenant_exports}, ${tenantId}, 'pending', 'requested', 'test',
        ${`tenants/${tenantId}/exports/${ids.tenant_exports}`})`;
    await tx`insert into api_keys (id, tenant_id, name, role, mode, prefix, key_hash)
      values (${ids.api_keys}, ${tenantId}, 'k', 'viewer', 'test', 'sk_test_abcd', ${`hash-${ids.api_keys}`})`;
    await tx`insert into audit_log (id, tenant_id, actor_type, actor_id, action, target_type, target_id)
      values (${ids.audit_log}, ${tenantId}, 'system', 'test', 'book.created', 'book', ${ids.books})`;
    await tx`insert into idempotency_records (tenant_id, credential_id, key, fingerprint, response_status,
        response_body, response_headers, expires_at)
      values (${tenantId}, ${ids.api_keys}, ${ids.idempotency_records}, 'f', 201, '{}', ${tx.json({})},
        now() + interval '1 day')`;
    await tx`insert into webhook_endpoints (id, tenant_id, url, event_types, secret_ciphertext)
      values (${ids.webhook_endpoints}, ${tenantId}, 'https://hooks.example.com/x', ${tx.json([])}, 'c')`;
    await tx`insert into webhook_deliveries (id, tenant_id, endpoint_id, event_id)
      values (${ids.webhook_deliveries}, ${tenantId}, ${ids.webhook_endpoints}, ${ids.events})`;
    await tx`insert into webhook_attempts (id, tenant_id, delivery_id, endpoint_id, event_id, attempt_number, latency_ms)
      values (${ids.webhook_attempts}, ${tenantId}, ${ids.webhook_deliveries}, ${ids.webhook_endpoints},
        ${ids.events}, 1, 12)`;
    await tx`insert into book_imports (id, tenant_id, status, format, r2_key, size_bytes, requested_by)
      values (${ids.book_imports}, ${tenantId}, 'completed', 'ndjson', 'k', 1, 'test')`;
    await tx`insert into book_import_errors (id, tenant_id, import_id, line, field, message)
      values (${ids.book_import_errors}, ${tenantId}, ${ids.book_imports}, 1, 'isbn', 'x')`;
    await tx`insert into job_failures (id, tenant_id, queue, kind, body, attempts)
      values (${ids.job_failures}, ${tenantId}, 'shelfwise-jobs', 'export', ${tx.json({})}, 6)`;
  });
  return ids;
}

/** Deletes what `seedTenantRows` and `insertTenant` created, children first. */
export async function deleteTenantRows(sql: OwnerSql, tenantIds: string[]): Promise<void> {
  await sql.begin(async (tx) => {
    // The product's deletion order, plus the audit log it keeps.
    for (const table of [...DELETE_ORDER, "audit_log"]) {
      await tx`delete from ${tx(table)} where tenant_id in ${tx(tenantIds)}`;
    }
    await tx`delete from tenants where id in ${tx(tenantIds)}`;
  });
}

/**
 * The primary-key column of each seeded table (idempotency_records is keyed by tenant, credential
 * and key; event_positions by tenant).
 */
export function keyColumn(table: string): string {
  if (table === "idempotency_records") return "key";
  return table === "event_positions" ? "tenant_id" : "id";
}
