import { z } from "@hono/zod-openapi";
import { idString, timestamp } from "../../platform/schemas";
import { EXPORT_FAILURE_REASONS, type ExportFailureReason } from "./failure";

const FAILURE_CODES = Object.keys(EXPORT_FAILURE_REASONS) as [
  ExportFailureReason,
  ...ExportFailureReason[],
];

const ManifestFileSchema = z.object({
  name: z.string().openapi({ example: "books.ndjson" }),
  table: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
  download_url: z.string().nullable(),
});

export const TenantExportSchema = z
  .object({
    id: z.string().openapi({ example: "exp_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
    status: z.enum(["pending", "running", "completed", "failed"]),
    reason: z.enum(["offboarding", "requested"]),
    created_at: timestamp(),
    completed_at: timestamp().nullable(),
    error: z.enum(FAILURE_CODES).nullable().openapi({
      description:
        "Why the last attempt failed (also while it is retried): a stable code; details are in the operators' logs",
    }),
    error_message: z
      .string()
      .nullable()
      .openapi({ description: "A fixed, human-readable explanation of `error`" }),
    progress: z.object({ tables_done: z.number().int(), tables_total: z.number().int() }),
    files: z.array(ManifestFileSchema),
    manifest_url: z
      .string()
      .nullable()
      .openapi({ description: "Signed URL of manifest.json (row counts and SHA-256 per file)" }),
    links_expire_at: timestamp().nullable(),
  })
  .openapi("TenantExport");

export const ExportIdParamSchema = z.object({
  id: idString().openapi({ param: { in: "path" }, example: "exp_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
});
