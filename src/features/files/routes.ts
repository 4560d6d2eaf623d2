import { createRoute, type RouteConfig, type z } from "@hono/zod-openapi";
import { getConfig } from "../../env";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { idempotent } from "../../platform/idempotency/middleware";
import {
  createRouter,
  errorResponses,
  headersFor,
  idempotencyKeyParameter,
  jsonResponse,
  PayloadTooLargeProblemSchema,
  problemFor,
  tenantSecurity,
  UnsupportedFileTypeProblemSchema,
} from "../../platform/openapi";
import { ListQuerySchema } from "../../platform/pagination";
import { serveObject } from "./content";
import { ALLOWED_CONTENT_TYPES } from "./limits";
import {
  BinarySchema,
  CompleteMultipartSchema,
  CreateMultipartSchema,
  DeletedFileSchema,
  DownloadUrlRequestSchema,
  DownloadUrlSchema,
  FileIdParamSchema,
  FileListSchema,
  FileSchema,
  JsonFileSchema,
  MultipartUploadSchema,
  PartParamSchema,
  UploadedPartSchema,
  UploadQuerySchema,
} from "./schemas";
import { createDownloadUrl, deleteFile, fileContent, getFile, listFiles } from "./service";
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  uploadFile,
  uploadPart,
} from "./upload";

const tags = ["files"];
const security = tenantSecurity;
const keyed = { keyed: true } as const;
const json = <T extends z.ZodType>(description: string, schema: T, options = {}) =>
  jsonResponse("v2", description, schema, options);
const readErrors = errorResponses("v2");
const notFound = problemFor("v2", "No such file in this tenant (not_found)");
const keyedNotFound = problemFor("v2", "No such file in this tenant (not_found)", keyed);
/** The bytes of a file: any of the accepted media types. */
const fileBytes = Object.fromEntries(
  ALLOWED_CONTENT_TYPES.map((type) => [type, { schema: BinarySchema }]),
);
/** An upload's body: the file's bytes in its own media type (a JSON file is any JSON document). */
const uploadBytes = { ...fileBytes, "application/json": { schema: JsonFileSchema } };
const rawBody = {
  required: true,
  description:
    "The raw bytes. Content-Type is the file's media type (one of the accepted types), Content-Length is required.",
  content: uploadBytes,
};
const partBody = {
  required: true,
  description: "The part's raw bytes; Content-Length is required",
  content: { "application/octet-stream": { schema: BinarySchema } },
};
const inUse = (description: string) =>
  problemFor(
    "v2",
    `${description}, or a request with this Idempotency-Key is in progress (idempotency_key_in_use)`,
    { ...keyed, retryAfter: true },
  );
const tooLarge = (description: string, options = {}) =>
  problemFor("v2", `${description} (payload_too_large, with limit_bytes)`, {
    ...options,
    schema: PayloadTooLargeProblemSchema,
  });
const notAccepted = (description: string) =>
  problemFor("v2", `${description} (unsupported_media_type, with accepted)`, {
    ...keyed,
    schema: UnsupportedFileTypeProblemSchema,
  });
const downloadHeaders = ["ETag", "Content-Disposition", "Accept-Ranges"] as const;

const routes = {
  list: createRoute({
    method: "get",
    path: "/",
    tags,
    security,
    operationId: "listFiles",
    description:
      "Files of the tenant, newest first, including uploads still in progress (`status: uploading`). Cursor pagination.",
    summary: "List files, newest first (viewer)",
    middleware: [requireRole("viewer")] as const,
    request: { query: ListQuerySchema },
    responses: { 200: json("A page of files", FileListSchema), ...readErrors },
  }),
  upload: createRoute({
    method: "post",
    path: "/",
    tags,
    security,
    operationId: "uploadFile",
    parameters: idempotencyKeyParameter,
    summary: "Upload a file in one request (editor; streamed to R2, SHA-256 computed on the way)",
    description:
      "The body is the file itself, sent with its own media type. A keyed retry is recognised by its media type, length and Content-Digest (the body is never buffered).",
    middleware: [requireRole("editor"), idempotent({ streamedBody: true })] as const,
    request: { query: UploadQuerySchema, body: rawBody },
    responses: {
      201: json("Stored", FileSchema, keyed),
      ...errorResponses("v2", keyed),
      409: inUse("The upload expired before it completed (conflict)"),
      413: tooLarge("Larger than the tenant's file limit"),
      415: notAccepted("Media type not accepted"),
    },
  }),
  createMultipart: createRoute({
    method: "post",
    path: "/multipart",
    tags,
    security,
    operationId: "createMultipartUpload",
    description:
      "Declares the file (name, media type, size) and returns its id and the part rules; the media type must be an accepted one and the size within the tenant's multipart limit.",
    parameters: idempotencyKeyParameter,
    summary: "Start a multipart upload (editor; for files beyond the single-request limit)",
    middleware: [requireRole("editor"), idempotent()] as const,
    request: {
      body: { required: true, content: { "application/json": { schema: CreateMultipartSchema } } },
    },
    responses: {
      201: json(
        "Upload started; send parts to /v2/files/{id}/parts/{n}",
        MultipartUploadSchema,
        keyed,
      ),
      ...errorResponses("v2", { ...keyed, body: "json" }),
      413: tooLarge("Larger than the tenant's multipart limit, or a body over 1 MiB", keyed),
      415: problemFor(
        "v2",
        "content_type is not an accepted file type (unsupported_media_type, with accepted), or the body is not application/json",
        { ...keyed, schema: UnsupportedFileTypeProblemSchema },
      ),
    },
  }),
  uploadPart: createRoute({
    method: "put",
    path: "/{id}/parts/{n}",
    tags,
    security,
    operationId: "uploadFilePart",
    description:
      "Stores one part of a multipart upload. Every part but the last must have the same size, at least 5 MiB; the whole must not exceed the declared size.",
    summary:
      "Upload one part (editor; 1..10000; every part but the last at least 5 MiB, all of one size)",
    middleware: [requireRole("editor")] as const,
    request: { params: PartParamSchema, body: partBody },
    responses: {
      200: json("Part stored; keep its etag for completion", UploadedPartSchema),
      404: notFound,
      409: problemFor("v2", "No multipart upload in progress for this file (conflict)"),
      413: tooLarge("Larger than the file's declared size (with received_bytes)"),
      ...readErrors,
    },
  }),
  complete: createRoute({
    method: "post",
    path: "/{id}/complete",
    tags,
    security,
    operationId: "completeMultipartUpload",
    description:
      "Assembles the parts (their numbers and etags, in order) into the file, which becomes `ready`.",
    parameters: idempotencyKeyParameter,
    summary: "Complete a multipart upload (editor)",
    middleware: [requireRole("editor"), idempotent()] as const,
    request: {
      params: FileIdParamSchema,
      body: {
        required: true,
        content: { "application/json": { schema: CompleteMultipartSchema } },
      },
    },
    responses: {
      200: json("Assembled and ready", FileSchema, keyed),
      404: keyedNotFound,
      ...errorResponses("v2", { ...keyed, body: "json" }),
      409: inUse("No multipart upload in progress for this file (conflict)"),
      413: tooLarge("Larger than the tenant's multipart limit, or a body over 1 MiB", keyed),
    },
  }),
  abort: createRoute({
    method: "delete",
    path: "/{id}/multipart",
    tags,
    security,
    operationId: "abortMultipartUpload",
    description: "Discards the uploaded parts and the file's record.",
    parameters: idempotencyKeyParameter,
    summary: "Abort a multipart upload (editor)",
    middleware: [requireRole("editor"), idempotent()] as const,
    request: { params: FileIdParamSchema },
    responses: {
      200: json("Aborted", DeletedFileSchema, keyed),
      404: keyedNotFound,
      ...errorResponses("v2", keyed),
      409: inUse("No multipart upload in progress for this file (conflict)"),
    },
  }),
  get: createRoute({
    method: "get",
    path: "/{id}",
    tags,
    security,
    operationId: "getFile",
    description: "A file's metadata: name, media type, size, SHA-256 and status.",
    summary: "A file's metadata (viewer)",
    middleware: [requireRole("viewer")] as const,
    request: { params: FileIdParamSchema },
    responses: { 200: json("The file", FileSchema), 404: notFound, ...readErrors },
  }),
  delete: createRoute({
    method: "delete",
    path: "/{id}",
    tags,
    security,
    operationId: "deleteFile",
    description:
      "Deletes the object from R2 and the file's record; signed links to it stop working.",
    parameters: idempotencyKeyParameter,
    summary: "Delete a file, object and metadata (editor)",
    middleware: [requireRole("editor"), idempotent()] as const,
    request: { params: FileIdParamSchema },
    responses: {
      200: json("Deleted", DeletedFileSchema, keyed),
      404: keyedNotFound,
      ...errorResponses("v2", keyed),
    },
  }),
  content: createRoute({
    method: "get",
    path: "/{id}/content",
    tags,
    security,
    operationId: "downloadFile",
    summary: "Download a file (viewer; streams; ETag, If-None-Match, Range)",
    description: "The content is served with the media type the file was stored with.",
    middleware: [requireRole("viewer")] as const,
    request: { params: FileIdParamSchema },
    responses: {
      200: {
        description: "The content",
        headers: headersFor("v2", [...downloadHeaders]),
        content: fileBytes,
      },
      206: {
        description: "The requested range",
        headers: headersFor("v2", [...downloadHeaders, "Content-Range"]),
        content: fileBytes,
      },
      304: {
        description: "Not modified (If-None-Match matched)",
        headers: headersFor("v2", [...downloadHeaders]),
      },
      404: notFound,
      416: problemFor("v2", "Range not satisfiable (range_not_satisfiable)", {
        headers: ["Content-Range"],
      }),
      ...readErrors,
    },
  }),
  downloadUrl: createRoute({
    method: "post",
    path: "/{id}/download-url",
    tags,
    security,
    operationId: "createFileDownloadUrl",
    description:
      "Returns a URL under /downloads/files, signed with the server's key and valid for `expires_in` seconds (default 900), that anyone holding it can download without credentials while the tenant is active.",
    parameters: idempotencyKeyParameter,
    summary: "A signed, expiring URL that downloads the file without credentials (viewer)",
    middleware: [requireRole("viewer"), idempotent()] as const,
    request: {
      params: FileIdParamSchema,
      body: {
        required: false,
        content: { "application/json": { schema: DownloadUrlRequestSchema } },
      },
    },
    responses: {
      200: json("The URL", DownloadUrlSchema, keyed),
      404: keyedNotFound,
      ...errorResponses("v2", { ...keyed, body: "json" }),
    },
  }),
} satisfies Record<string, RouteConfig>;

/** /v2/files */
export const fileRoutes = createRouter()
  .openapi(routes.list, async (c) =>
    c.json(await listFiles({ ctx: serviceContext(c), query: c.req.valid("query") }), 200),
  )
  .openapi(routes.upload, async (c) => {
    const input = {
      filename: c.req.valid("query").filename,
      contentType: c.req.header("content-type"),
      contentLength: c.req.header("content-length"),
      body: c.req.raw.body,
    };
    return c.json(await uploadFile({ ctx: serviceContext(c), input }), 201);
  })
  .openapi(routes.createMultipart, async (c) =>
    c.json(
      await createMultipartUpload({ ctx: serviceContext(c), input: c.req.valid("json") }),
      201,
    ),
  )
  .openapi(routes.uploadPart, async (c) => {
    const { id, n } = c.req.valid("param");
    const input = { contentLength: c.req.header("content-length"), body: c.req.raw.body };
    return c.json(await uploadPart({ ctx: serviceContext(c), id, partNumber: n, input }), 200);
  })
  .openapi(routes.complete, async (c) =>
    c.json(
      await completeMultipartUpload({
        ctx: serviceContext(c),
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      }),
      200,
    ),
  )
  .openapi(routes.abort, async (c) =>
    c.json(
      await abortMultipartUpload({ ctx: serviceContext(c), id: c.req.valid("param").id }),
      200,
    ),
  )
  .openapi(routes.get, async (c) =>
    c.json(await getFile({ ctx: serviceContext(c), id: c.req.valid("param").id }), 200),
  )
  .openapi(routes.delete, async (c) =>
    c.json(await deleteFile({ ctx: serviceContext(c), id: c.req.valid("param").id }), 200),
  )
  .openapi(routes.content, async (c) => {
    const object = await fileContent({ ctx: serviceContext(c), id: c.req.valid("param").id });
    return serveObject(c.env.FILES, object, c.req.raw);
  })
  .openapi(routes.downloadUrl, async (c) => {
    const body = c.req.valid("json") as { expires_in?: number } | undefined;
    const result = await createDownloadUrl({
      ctx: serviceContext(c),
      id: c.req.valid("param").id,
      input: { expires_in: body?.expires_in ?? 900 },
      origin: new URL(c.req.url).origin,
      signingKey: getConfig(c.env).URL_SIGNING_KEY,
    });
    return c.json(result, 200);
  });
