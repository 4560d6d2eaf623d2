import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import {
  conditionalHeaders,
  conditionalJsonResponse,
  ifNoneMatchParameter,
  notModified,
  notModifiedResponse,
  pageEtag,
} from "../../platform/conditional";
import { serviceContext } from "../../platform/context";
import { idempotent } from "../../platform/idempotency/middleware";
import {
  createRouter,
  errorResponses,
  idempotencyKeyParameter,
  jsonResponse,
  problemFor,
  tenantSecurity,
} from "../../platform/openapi";
import { bookEtag } from "./etag";
import {
  BookIdParamSchema,
  BookListQuerySchema,
  BookListSchema,
  BookSchema,
  CreateBookSchema,
  IfMatchHeaderSchema,
  UpdateBookSchema,
} from "./schemas";
import { createBook, deleteBook, getBook, listBooks, updateBook } from "./service";

const tags = ["books"];
const security = tenantSecurity;
const keyed = { keyed: true } as const;
const bookResponse = (description: string) =>
  jsonResponse("v2", description, BookSchema, { ...keyed, headers: ["ETag"] });
const readErrors = errorResponses("v2");
const writeErrors = errorResponses("v2", { ...keyed, body: "json" });
const notFound = problemFor("v2", "No such book in this tenant (not_found)", keyed);
const isbnTaken = problemFor(
  "v2",
  "Another book of this tenant has the ISBN (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use)",
  { ...keyed, retryAfter: true },
);
const stale = problemFor(
  "v2",
  "The book changed since the ETag in If-Match was read (precondition_failed, with current_etag)",
  keyed,
);

const list = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  operationId: "listBooks",
  description:
    "Books of the tenant, newest first, optionally filtered by text (`q`) and status. Cursor pagination: pass `next_cursor` as `starting_after`. The page carries a weak ETag; sent back in If-None-Match, it answers 304 while the page is unchanged.",
  summary: "List books, newest first (viewer)",
  middleware: [requireRole("viewer")] as const,
  parameters: ifNoneMatchParameter,
  request: { query: BookListQuerySchema },
  responses: {
    200: conditionalJsonResponse("v2", "A page of books", BookListSchema, "weak"),
    304: notModifiedResponse("v2", "weak"),
    ...readErrors,
  },
});

export const create = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  operationId: "createBook",
  description:
    "Creates a book; the ISBN is normalised (hyphens and spaces removed) and must be unique in the tenant. The ETag header carries the book's version.",
  parameters: idempotencyKeyParameter,
  summary: "Create a book (editor)",
  middleware: [requireRole("editor"), idempotent()] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: CreateBookSchema } } },
  },
  responses: {
    201: bookResponse("Created"),
    ...writeErrors,
    409: isbnTaken,
  },
});

export const get = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security,
  operationId: "getBook",
  description:
    "One book; its ETag can be sent back in If-Match to make a change conditional, or in If-None-Match to get 304 while the book is unchanged.",
  summary: "Get a book (viewer)",
  middleware: [requireRole("viewer")] as const,
  parameters: ifNoneMatchParameter,
  request: { params: BookIdParamSchema },
  responses: {
    200: conditionalJsonResponse("v2", "The book", BookSchema, "strong"),
    304: notModifiedResponse("v2", "strong"),
    404: problemFor("v2", "No such book in this tenant (not_found)"),
    ...readErrors,
  },
});

export const update = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security,
  operationId: "updateBook",
  description:
    "Changes the given fields; with If-Match, only if the book is unchanged since that ETag was read (412 otherwise).",
  parameters: idempotencyKeyParameter,
  summary: "Update a book (editor); If-Match makes it conditional",
  middleware: [requireRole("editor"), idempotent()] as const,
  request: {
    params: BookIdParamSchema,
    headers: IfMatchHeaderSchema,
    body: { required: true, content: { "application/json": { schema: UpdateBookSchema } } },
  },
  responses: {
    200: bookResponse("Updated"),
    404: notFound,
    412: stale,
    ...writeErrors,
    409: isbnTaken,
  },
});

export const remove = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security,
  operationId: "deleteBook",
  description:
    "Soft-deletes the book (it can no longer be ordered); past orders keep their line snapshots. With If-Match, only if unchanged.",
  parameters: idempotencyKeyParameter,
  summary: "Delete a book (editor); past orders keep their line snapshots",
  middleware: [requireRole("editor"), idempotent()] as const,
  request: { params: BookIdParamSchema, headers: IfMatchHeaderSchema },
  responses: {
    200: jsonResponse("v2", "Deleted (the final state, with deleted_at)", BookSchema, keyed),
    404: notFound,
    412: stale,
    ...errorResponses("v2", keyed),
  },
});

/** /v2/books */
export const bookRoutes = createRouter()
  .openapi(list, async (c) => {
    const ctx = serviceContext(c);
    const query = c.req.valid("query");
    const page = await listBooks({ ctx, query });
    const etag = await pageEtag(ctx.tenantId, query, page);
    return notModified(c, etag) ?? c.json(page, 200, conditionalHeaders(etag));
  })
  .openapi(create, async (c) => {
    const book = await createBook({ ctx: serviceContext(c), input: c.req.valid("json") });
    return c.json(book, 201, { ETag: bookEtag(book) });
  })
  .openapi(get, async (c) => {
    const book = await getBook({ ctx: serviceContext(c), id: c.req.valid("param").id });
    const etag = bookEtag(book);
    return notModified(c, etag) ?? c.json(book, 200, conditionalHeaders(etag));
  })
  .openapi(update, async (c) => {
    const book = await updateBook({
      ctx: serviceContext(c),
      id: c.req.valid("param").id,
      input: c.req.valid("json"),
      ifMatch: c.req.valid("header")["if-match"],
    });
    return c.json(book, 200, { ETag: bookEtag(book) });
  })
  .openapi(remove, async (c) =>
    c.json(
      await deleteBook({
        ctx: serviceContext(c),
        id: c.req.valid("param").id,
        ifMatch: c.req.valid("header")["if-match"],
      }),
      200,
    ),
  );
