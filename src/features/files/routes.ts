import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { getConfig } from "../../env";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { authErrorResponses, createRouter, problemResponse } from "../../platform/openapi";
import { ListQuerySchema } from "../../platform/pagination";
import { serveObject } from "./content";
import { fileContext } from "./file-context";
import {
  CompleteMultipartSchema,
  CreateMultipartSchema,
  DeletedFileSchema,
  DownloadUrlRequestSchema,
  DownloadUrlSchema,
  FileIdParamSchema,
  FileListSchema,
  FileSchema,
  MultipartUploadSchema,
  PartParamSchema,
  RawBodySchema,
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
const security = [{ bearer: [] }];
const json = <T>(description: string, schema: T) => ({
  description,
  content: { "application/json": { schema } },
});
const notFound = { 404: problemResponse("No such file in this tenant") } as const;
const rawBody = {
  required: true,
  description: "The raw bytes; Content-Type is the file's media type, Content-Length is required",
  content: { "application/octet-stream": { schema: RawBodySchema } },
};
const limitErrors = {
  413: problemResponse("Larger than the tenant's file limit"),
  415: problemResponse("Media type not accepted"),
} as const;

const routes = {
  list: createRoute({
    method: "get",
    path: "/",
    tags,
    security,
    summary: "List files, newest first",
    middleware: [requireRole("viewer")] as const,
    request: { query: ListQuerySchema },
    responses: { 200: json("A page of files", FileListSchema), ...authErrorResponses },
  }),
  upload: createRoute({
    method: "post",
    path: "/",
    tags,
    security,
    summary: "Upload a file in one request (streamed to R2; SHA-256 computed on the way)",
    middleware: [requireRole("editor")] as const,
    request: { query: UploadQuerySchema, body: rawBody },
    responses: { 201: json("Stored", FileSchema), ...limitErrors, ...authErrorResponses },
  }),
  createMultipart: createRoute({
    method: "post",
    path: "/multipart",
    tags,
    security,
    summary: "Start a multipart upload (for files beyond the single-request limit)",
    middleware: [requireRole("editor")] as const,
    request: {
      body: { required: true, content: { "application/json": { schema: CreateMultipartSchema } } },
    },
    responses: {
      201: json("Upload started; send parts to /v2/files/{id}/parts/{n}", MultipartUploadSchema),
      ...limitErrors,
      ...authErrorResponses,
    },
  }),
  uploadPart: createRoute({
    method: "put",
    path: "/{id}/parts/{n}",
    tags,
    security,
    summary: "Upload one part (1..10000; every part but the last at least 5 MiB, all of one size)",
    middleware: [requireRole("editor")] as const,
    request: { params: PartParamSchema, body: rawBody },
    responses: {
      200: json("Part stored; keep its etag for completion", UploadedPartSchema),
      ...notFound,
      409: problemResponse("No multipart upload in progress for this file"),
      413: problemResponse("Larger than the file's declared size"),
      ...authErrorResponses,
    },
  }),
  complete: createRoute({
    method: "post",
    path: "/{id}/complete",
    tags,
    security,
    summary: "Complete a multipart upload",
    middleware: [requireRole("editor")] as const,
    request: {
      params: FileIdParamSchema,
      body: {
        required: true,
        content: { "application/json": { schema: CompleteMultipartSchema } },
      },
    },
    responses: {
      200: json("Assembled and ready", FileSchema),
      ...notFound,
      409: problemResponse("No multipart upload in progress for this file"),
      413: problemResponse("Larger than the tenant's multipart limit"),
      ...authErrorResponses,
    },
  }),
  abort: createRoute({
    method: "delete",
    path: "/{id}/multipart",
    tags,
    security,
    summary: "Abort a multipart upload",
    middleware: [requireRole("editor")] as const,
    request: { params: FileIdParamSchema },
    responses: {
      200: json("Aborted", DeletedFileSchema),
      ...notFound,
      409: problemResponse("No multipart upload in progress for this file"),
      ...authErrorResponses,
    },
  }),
  get: createRoute({
    method: "get",
    path: "/{id}",
    tags,
    security,
    summary: "A file's metadata",
    middleware: [requireRole("viewer")] as const,
    request: { params: FileIdParamSchema },
    responses: { 200: json("The file", FileSchema), ...notFound, ...authErrorResponses },
  }),
  delete: createRoute({
    method: "delete",
    path: "/{id}",
    tags,
    security,
    summary: "Delete a file (object and metadata)",
    middleware: [requireRole("editor")] as const,
    request: { params: FileIdParamSchema },
    responses: { 200: json("Deleted", DeletedFileSchema), ...notFound, ...authErrorResponses },
  }),
  content: createRoute({
    method: "get",
    path: "/{id}/content",
    tags,
    security,
    summary: "Download a file (streams; ETag, If-None-Match, Range)",
    middleware: [requireRole("viewer")] as const,
    request: { params: FileIdParamSchema },
    responses: {
      200: {
        description: "The content",
        content: { "application/octet-stream": { schema: RawBodySchema } },
      },
      206: {
        description: "The requested range",
        content: { "application/octet-stream": { schema: RawBodySchema } },
      },
      304: { description: "Not modified (If-None-Match matched)" },
      ...notFound,
      416: problemResponse("Range not satisfiable"),
      ...authErrorResponses,
    },
  }),
  downloadUrl: createRoute({
    method: "post",
    path: "/{id}/download-url",
    tags,
    security,
    summary: "A signed, expiring URL that downloads the file without credentials",
    middleware: [requireRole("viewer")] as const,
    request: {
      params: FileIdParamSchema,
      body: {
        required: false,
        content: { "application/json": { schema: DownloadUrlRequestSchema } },
      },
    },
    responses: { 200: json("The URL", DownloadUrlSchema), ...notFound, ...authErrorResponses },
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
    return c.json(await uploadFile({ ctx: fileContext(c), input }), 201);
  })
  .openapi(routes.createMultipart, async (c) =>
    c.json(await createMultipartUpload({ ctx: fileContext(c), input: c.req.valid("json") }), 201),
  )
  .openapi(routes.uploadPart, async (c) => {
    const { id, n } = c.req.valid("param");
    const input = { contentLength: c.req.header("content-length"), body: c.req.raw.body };
    return c.json(await uploadPart({ ctx: fileContext(c), id, partNumber: n, input }), 200);
  })
  .openapi(routes.complete, async (c) =>
    c.json(
      await completeMultipartUpload({
        ctx: fileContext(c),
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      }),
      200,
    ),
  )
  .openapi(routes.abort, async (c) =>
    c.json(await abortMultipartUpload({ ctx: fileContext(c), id: c.req.valid("param").id }), 200),
  )
  .openapi(routes.get, async (c) =>
    c.json(await getFile({ ctx: serviceContext(c), id: c.req.valid("param").id }), 200),
  )
  .openapi(routes.delete, async (c) =>
    c.json(await deleteFile({ ctx: fileContext(c), id: c.req.valid("param").id }), 200),
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
