import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../../platform/auth/roles";
import { serviceContext } from "../../../platform/context";
import { idempotent } from "../../../platform/idempotency/middleware";
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
} from "../../../platform/openapi";
import { IMPORT_MEDIA_TYPES } from "./rows";
import {
  BookImportIdParamSchema,
  BookImportSchema,
  ImportErrorRecordSchema,
  ImportFileSchema,
} from "./schemas";
import { createImport, getImport, importErrorReport } from "./service";

const tags = ["books"];
const security = tenantSecurity;
const keyed = { keyed: true } as const;
const notFound = problemFor("v2", "No such import in this tenant (not_found)");

/** The import upload streams its body: exempt from the JSON body limit, fingerprinted by identity. */
export function isBookImportUpload(method: string, path: string): boolean {
  return method === "POST" && /^\/v2\/books\/imports\/?$/.test(path);
}

const create = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  operationId: "createBookImport",
  parameters: idempotencyKeyParameter,
  summary: "Import books in bulk from NDJSON or CSV (editor; applied in the background)",
  description:
    "The body is the file: NDJSON (one POST /v2/books body per line) or CSV (a header line naming isbn, title, authors, price_amount, currency and optionally stock and status; authors separated by `;`). It streams to storage (Content-Length required, at most 5× the tenant's file limit) and is applied in batches of 500 lines, inserting or updating books by ISBN. Bad lines never stop good ones: they go to the error report. One import at a time per tenant.",
  middleware: [requireRole("editor"), idempotent({ streamedBody: true })] as const,
  request: {
    body: {
      required: true,
      description: "The import file; Content-Length is required",
      content: Object.fromEntries(
        Object.keys(IMPORT_MEDIA_TYPES).map((type) => [type, { schema: ImportFileSchema }]),
      ),
    },
  },
  responses: {
    202: jsonResponse(
      "v2",
      "Stored and queued; poll GET /v2/books/imports/{id}",
      BookImportSchema,
      keyed,
    ),
    ...errorResponses("v2", keyed),
    409: problemFor(
      "v2",
      "Another import of this tenant is not finished (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use)",
      { ...keyed, retryAfter: true },
    ),
    413: problemFor(
      "v2",
      "Larger than the tenant's import limit (payload_too_large, with limit_bytes)",
      {
        ...keyed,
        schema: PayloadTooLargeProblemSchema,
      },
    ),
    415: problemFor(
      "v2",
      "Neither application/x-ndjson nor text/csv (unsupported_media_type, with accepted)",
      {
        ...keyed,
        schema: UnsupportedFileTypeProblemSchema,
      },
    ),
  },
});

const get = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security,
  operationId: "getBookImport",
  summary: "An import's status, counts and progress (viewer)",
  description: "Counts: books created and updated, lines rejected; progress: lines applied so far.",
  middleware: [requireRole("viewer")] as const,
  request: { params: BookImportIdParamSchema },
  responses: {
    200: jsonResponse("v2", "The import", BookImportSchema),
    404: notFound,
    ...errorResponses("v2"),
  },
});

const errors = createRoute({
  method: "get",
  path: "/{id}/errors",
  tags,
  security,
  operationId: "getBookImportErrors",
  summary: "Download an import's error report as NDJSON (viewer)",
  description:
    "One record per rejected field of a line: line number (1-based, the CSV header is line 1), field and message. Available once the import has completed.",
  middleware: [requireRole("viewer")] as const,
  request: { params: BookImportIdParamSchema },
  responses: {
    200: {
      description: "The error report (empty when every line was applied)",
      headers: headersFor("v2"),
      content: { "application/x-ndjson": { schema: ImportErrorRecordSchema } },
    },
    404: notFound,
    409: problemFor("v2", "The import has not completed (conflict)"),
    ...errorResponses("v2"),
  },
});

/** /v2/books/imports */
export const bookImportRoutes = createRouter()
  .openapi(create, async (c) => {
    const input = {
      contentType: c.req.header("content-type"),
      contentLength: c.req.header("content-length"),
      body: c.req.raw.body,
    };
    return c.json(await createImport({ ctx: serviceContext(c), input, jobs: c.env.JOBS }), 202);
  })
  .openapi(get, async (c) =>
    c.json(await getImport({ ctx: serviceContext(c), id: c.req.valid("param").id }), 200),
  )
  .openapi(errors, async (c) => {
    const report = await importErrorReport({ ctx: serviceContext(c), id: c.req.valid("param").id });
    return c.body(report.body, 200, {
      "content-type": "application/x-ndjson",
      "content-length": String(report.size),
    });
  });
