import { asc, getTableColumns, gt } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { type DatabaseHandle, withTenant } from "../../platform/db";
import {
  apiKeys,
  auditLog,
  books,
  events,
  files,
  orderLines,
  orders,
  webhookDeliveries,
  webhookEndpoints,
} from "../../platform/db/schema";

type IdTable = PgTable & { id: PgColumn; tenantId: PgColumn };

/** A table in a tenant export: its file name and the columns left out (secrets, internals). */
export interface ExportTable {
  name: string;
  table: IdTable;
}

/** Every table of a tenant's data, in the order the export writes them. */
export const EXPORT_TABLES: ExportTable[] = [
  { name: "books", table: books },
  { name: "orders", table: orders },
  { name: "order_lines", table: orderLines },
  { name: "events", table: events },
  { name: "webhook_endpoints", table: webhookEndpoints },
  { name: "webhook_deliveries", table: webhookDeliveries },
  { name: "files", table: files },
  { name: "api_keys", table: apiKeys },
  { name: "audit_log", table: auditLog },
];

/**
 * Columns never exported: secrets (webhook signing secrets and receiver headers, even encrypted;
 * API key hashes) and storage internals. A pattern rather than a list, so a secret column added
 * later stays out.
 */
const HIDDEN_COLUMN = /secret|ciphertext|hash|^r2_key$|^multipart_upload_id$/;

/** A row as exported: database column names, timestamps in RFC 3339 UTC, hidden columns dropped. */
function record(columns: Array<[string, PgColumn]>, row: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const [key, column] of columns) {
    const value = row[key];
    out[column.name] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return out;
}

/** Reads one tenant's rows of a table in id order, a page at a time (bounded memory). */
export async function* tenantRows(
  database: DatabaseHandle,
  tenantId: string,
  table: IdTable,
  pageSize = 1000,
): AsyncGenerator<Record<string, unknown>> {
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).filter(
    ([, column]) => !HIDDEN_COLUMN.test(column.name),
  );
  let cursor = "";
  for (;;) {
    const rows = (await withTenant(database, tenantId, (scope) =>
      scope.tx
        .select()
        .from(table as PgTable)
        .where(scope.where(table, gt(table.id, cursor)))
        .orderBy(asc(table.id))
        .limit(pageSize),
    )) as Array<Record<string, unknown>>;
    for (const row of rows) yield record(columns, row);
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return;
    cursor = String(last.id);
  }
}
