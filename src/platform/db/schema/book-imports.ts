import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantIdColumn, ts, updatedAt } from "./columns";
import { tenants } from "./tenancy";

export const BOOK_IMPORT_STATUSES = [
  "uploading",
  "queued",
  "running",
  "completed",
  "failed",
] as const;

/**
 * A bulk import of books: the file sits in R2 (`r2_key`), the jobs-queue consumer applies it in
 * batches. `next_line` is the number of the file's lines already applied; it moves in the same
 * transaction as each batch's rows, so a consumer that dies resumes exactly there.
 */
export const bookImports = pgTable(
  "book_imports",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    status: text("status", { enum: BOOK_IMPORT_STATUSES }).notNull(),
    format: text("format", { enum: ["ndjson", "csv"] }).notNull(),
    r2Key: text("r2_key").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
    requestedBy: text("requested_by").notNull(),
    nextLine: integer("next_line").notNull().default(0),
    createdCount: integer("created_count").notNull().default(0),
    updatedCount: integer("updated_count").notNull().default(0),
    failedCount: integer("failed_count").notNull().default(0),
    error: text("error"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    completedAt: ts("completed_at"),
  },
  (t) => [
    index("book_imports_tenant_idx").on(t.tenantId, t.id),
    // One import at a time per tenant: a second one while this is not finished is a 409.
    uniqueIndex("book_imports_one_active_key")
      .on(t.tenantId)
      .where(sql`${t.status} in ('uploading', 'queued', 'running')`),
  ],
);

/** The rejected rows of an import (one row per failing field), written with their batch. */
export const bookImportErrors = pgTable(
  "book_import_errors",
  {
    id: text("id").primaryKey(),
    importId: text("import_id")
      .notNull()
      .references(() => bookImports.id),
    tenantId: tenantIdColumn().references(() => tenants.id),
    line: integer("line").notNull(),
    field: text("field").notNull(),
    message: text("message").notNull(),
  },
  (t) => [uniqueIndex("book_import_errors_line_key").on(t.importId, t.line, t.field)],
);
