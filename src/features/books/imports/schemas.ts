import { z } from "@hono/zod-openapi";
import { idString, timestamp } from "../../../platform/schemas";

export const BookImportSchema = z
  .object({
    id: z.string().openapi({ example: "imp_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
    status: z.enum(["uploading", "queued", "running", "completed", "failed"]).openapi({
      description:
        "`queued` once the file is stored, `running` while batches apply, then `completed` (see counts and the error report) or `failed` (see error)",
    }),
    format: z.enum(["ndjson", "csv"]),
    size_bytes: z.number().int(),
    counts: z.object({
      created: z.number().int().openapi({ description: "Books created" }),
      updated: z.number().int().openapi({ description: "Books updated (matched by ISBN)" }),
      failed: z.number().int().openapi({ description: "Lines rejected (see the error report)" }),
    }),
    progress: z.object({
      lines_done: z.number().int().openapi({ description: "Lines of the file applied so far" }),
    }),
    error: z.string().nullable().openapi({ description: "Why a failed import stopped" }),
    created_at: timestamp(),
    updated_at: timestamp(),
    completed_at: timestamp().nullable(),
  })
  .openapi("BookImport");

export const BookImportIdParamSchema = z.object({
  id: idString().openapi({ param: { in: "path" }, example: "imp_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
});

/** The raw body of an import: a plain OpenAPI schema, streamed and never parsed by the route. */
export const ImportFileSchema = { type: "string", format: "binary" } as const;

/** A record of the error report, one per rejected field of a line (documentation only). */
export const ImportErrorRecordSchema = {
  type: "string",
  format: "binary",
  description:
    'NDJSON: one object per line, `{"line": 12, "field": "price.currency", "message": "…"}`, in line order',
} as const;
