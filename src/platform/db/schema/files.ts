import { bigint, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { createdAt, tenantIdColumn, ts, updatedAt } from "./columns";
import { tenants } from "./tenancy";

export const files = pgTable(
  "files",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: bigint("size_bytes", { mode: "number" }),
    sha256: text("sha256"),
    /** Always `tenants/{tenant_id}/files/{file_id}`: never built from client input. */
    r2Key: text("r2_key").notNull(),
    status: text("status", { enum: ["uploading", "ready", "deleting"] }).notNull(),
    multipartUploadId: text("multipart_upload_id"),
    /** A multipart upload's parts, stored or in flight: part number → bytes (≤ size_bytes in all). */
    multipartParts: jsonb("multipart_parts").$type<Record<string, number>>(),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("files_tenant_idx").on(t.tenantId, t.id)],
);

/** Tenant exports (offboarding or on request): NDJSON per table plus a manifest in R2. */
export const tenantExports = pgTable(
  "tenant_exports",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    status: text("status", { enum: ["pending", "running", "completed", "failed"] }).notNull(),
    reason: text("reason", { enum: ["offboarding", "requested"] }).notNull(),
    requestedBy: text("requested_by").notNull(),
    r2Prefix: text("r2_prefix").notNull(),
    manifest: jsonb("manifest"),
    error: text("error"),
    /** The run that holds the export: a duplicate delivery neither rewrites its files nor completes it. */
    runId: text("run_id"),
    /** Renewed while the run writes; a run silent for EXPORT_RUN_STALE_MINUTES may be taken over. */
    runHeartbeatAt: ts("run_heartbeat_at"),
    createdAt: createdAt(),
    completedAt: ts("completed_at"),
  },
  (t) => [index("tenant_exports_tenant_idx").on(t.tenantId, t.id)],
);
