import { z } from "@hono/zod-openapi";
import { listEnvelope } from "../../platform/pagination";
import {
  INT8_SAFE_MAX,
  idString,
  isStorableText,
  storableString,
  timestamp,
  UNSTORABLE_TEXT_MESSAGE,
} from "../../platform/schemas";
import { MAX_PARTS } from "./limits";

const FILE_ID_EXAMPLE = "file_01jd3xk2v8f4r6t8w0y2a4c6e8";

/** A file name as given by the client: shown back and used in Content-Disposition, never in keys. */
export const FilenameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine(
    (name) =>
      ![...name].some(
        (ch) => ch.charCodeAt(0) < 0x20 || ch === "\u007f" || ch === "/" || ch === "\\",
      ),
    "no control characters or slashes",
  )
  .refine(isStorableText, UNSTORABLE_TEXT_MESSAGE)
  .openapi({ example: "cover.png" });

export const FileSchema = z
  .object({
    id: z.string().openapi({ example: FILE_ID_EXAMPLE }),
    filename: z.string(),
    content_type: z.string().openapi({ example: "image/png" }),
    size_bytes: z.number().int().nullable(),
    sha256: z.string().nullable().openapi({ description: "Hex SHA-256 of the content (the ETag)" }),
    status: z.enum(["uploading", "ready"]),
    created_at: timestamp(),
    updated_at: timestamp(),
  })
  .openapi("File");

export const FileListSchema = listEnvelope(FileSchema).openapi("FileList");

export const FileIdParamSchema = z.object({
  id: idString().openapi({ param: { in: "path" }, example: FILE_ID_EXAMPLE }),
});

export const UploadQuerySchema = z.strictObject({ filename: FilenameSchema });

/**
 * The bytes of an upload or a download, as a plain OpenAPI schema (not zod): a body declared with
 * it is streamed by the route, never parsed by a validator, whatever its media type (JSON too).
 */
export const BinarySchema = { type: "string", format: "binary" } as const;

/**
 * An uploaded JSON file, as a plain OpenAPI schema: any JSON document (a validating proxy parses
 * an application/json body, so a binary string schema would not fit it). The route streams and
 * stores the bytes as sent; nothing parses them.
 */
export const JsonFileSchema = {
  description: "A JSON file: any JSON document, stored as sent (never parsed)",
} as const;

export const DeletedFileSchema = z
  .object({ id: z.string(), deleted: z.literal(true) })
  .openapi("DeletedFile");

export const CreateMultipartSchema = z
  .strictObject({
    filename: FilenameSchema,
    content_type: storableString(200).min(1).openapi({ example: "application/pdf" }),
    size_bytes: z
      .number()
      .int()
      .positive()
      .max(INT8_SAFE_MAX)
      .openapi({ description: "The whole file's size" }),
  })
  .openapi("CreateMultipartUpload");

export const MultipartUploadSchema = FileSchema.extend({
  upload: z.object({
    min_part_bytes: z.number().int(),
    max_parts: z.number().int(),
    max_total_bytes: z.number().int(),
  }),
}).openapi("MultipartUpload");

export const PartParamSchema = z.object({
  id: FileIdParamSchema.shape.id,
  n: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PARTS)
    .openapi({ param: { in: "path" }, example: 1 }),
});

export const UploadedPartSchema = z
  .object({ part_number: z.number().int(), etag: z.string(), size_bytes: z.number().int() })
  .openapi("UploadedPart");

export const CompleteMultipartSchema = z
  .strictObject({
    parts: z
      .array(
        z.strictObject({
          part_number: z.number().int().min(1).max(MAX_PARTS),
          etag: storableString(200).min(1),
        }),
      )
      .min(1)
      .max(MAX_PARTS),
  })
  .openapi("CompleteMultipartUpload");

export const DownloadUrlRequestSchema = z
  .strictObject({
    expires_in: z
      .number()
      .int()
      .min(60)
      .max(604_800)
      .default(900)
      .openapi({ description: "Seconds the URL stays valid (60 to 604800; default 900)" }),
  })
  // Inline, not a named component: generated clients (openapi-typescript) make a member with a
  // default required in a shared schema, but keep it optional in a request body.
  .openapi({ title: "DownloadUrlRequest" });

export const DownloadUrlSchema = z
  .object({ url: z.string(), expires_at: timestamp() })
  .openapi("DownloadUrl");

/**
 * A signed URL's query. Missing members are not a validation error: the signature check refuses
 * them (403). The document marks them required, as every URL the API hands out has all four.
 */
const signedParam = (description: string, example: string) =>
  ({ param: { required: true }, description, example }) as const;
export const SignedDownloadQuerySchema = z.object({
  t: storableString(64)
    .optional()
    .openapi(signedParam("Tenant id", "ten_01jd3xk2v8f4r6t8w0y2a4c6e8")),
  o: storableString(300)
    .optional()
    .openapi(signedParam("File id, or export id/file name", FILE_ID_EXAMPLE)),
  e: storableString(16).optional().openapi(signedParam("Expiry, Unix seconds", "1795000000")),
  s: storableString(64)
    .optional()
    .openapi(
      signedParam("base64url HMAC-SHA256 signature", "q3Jp0bq7yJ9bWq7Zr6d0v5m3mX1Yw9Zc2h8T4nKpL0E"),
    ),
});
