import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { idempotent } from "../../platform/idempotency/middleware";
import { listRoute } from "../../platform/list-route";
import {
  createRouter,
  errorResponses,
  idempotencyKeyParameter,
  jsonResponse,
  problemFor,
  tenantSecurity,
} from "../../platform/openapi";
import { bookEtag } from "./etag";
import { BookIdParamSchema, IfMatchHeaderSchema } from "./schemas";
import { createBook, deleteBook, getBook, listBooksByPage, updateBook } from "./service";
import { fromV1Create, fromV1Patch, toV1Book } from "./v1-representation";
import {
  V1BookListQuerySchema,
  V1BookListSchema,
  V1BookSchema,
  V1CreateBookSchema,
  V1UpdateBookSchema,
} from "./v1-schemas";

// v1 is a translation at the edge: the same verbs as v2, other representations.
const base = { tags: ["v1 (deprecated)"], security: tenantSecurity, deprecated: true as const };
const keyed = { keyed: true } as const;
const bookResponse = (description: string) =>
  jsonResponse("v1", description, V1BookSchema, { ...keyed, headers: ["ETag"] });
const notFound = problemFor("v1", "No such book in this tenant (not_found)", keyed);
const isbnTaken = problemFor(
  "v1",
  "Another book of this tenant has the ISBN (conflict), or a request with this Idempotency-Key is in progress (idempotency_key_in_use)",
  { ...keyed, retryAfter: true },
);
const stale = problemFor(
  "v1",
  "The book changed since the ETag in If-Match was read (precondition_failed, with current_etag)",
  keyed,
);
const writeErrors = errorResponses("v1", { ...keyed, body: "json" });

const list = listRoute({
  area: "v1",
  tags: base.tags,
  deprecated: true,
  operationId: "listBooksV1",
  description:
    "Page-numbered list of books with decimal-string prices. Replaced by the cursor-paginated GET /v2/books.",
  summary: "List books by page (viewer). Deprecated: use GET /v2/books",
  role: "viewer",
  query: V1BookListQuerySchema,
  page: V1BookListSchema,
  items: "books",
});

const create = createRoute({
  ...base,
  method: "post",
  path: "/",
  operationId: "createBookV1",
  description: "Creates a book from the v1 representation (decimal-string price and a currency).",
  parameters: idempotencyKeyParameter,
  summary: "Create a book (editor). Deprecated: use POST /v2/books",
  middleware: [requireRole("editor"), idempotent()] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: V1CreateBookSchema } } },
  },
  responses: {
    201: bookResponse("Created"),
    ...writeErrors,
    409: isbnTaken,
  },
});

const get = createRoute({
  ...base,
  method: "get",
  path: "/{id}",
  operationId: "getBookV1",
  description: "One book in the v1 representation.",
  summary: "Get a book (viewer). Deprecated: use GET /v2/books/{id}",
  middleware: [requireRole("viewer")] as const,
  request: { params: BookIdParamSchema },
  responses: {
    200: jsonResponse("v1", "The book", V1BookSchema, { headers: ["ETag"] }),
    404: problemFor("v1", "No such book in this tenant (not_found)"),
    ...errorResponses("v1"),
  },
});

const update = createRoute({
  ...base,
  method: "patch",
  path: "/{id}",
  operationId: "updateBookV1",
  description:
    "Changes the given fields of a book (v1 representation); If-Match makes it conditional.",
  parameters: idempotencyKeyParameter,
  summary: "Update a book (editor). Deprecated: use PATCH /v2/books/{id}",
  middleware: [requireRole("editor"), idempotent()] as const,
  request: {
    params: BookIdParamSchema,
    headers: IfMatchHeaderSchema,
    body: { required: true, content: { "application/json": { schema: V1UpdateBookSchema } } },
  },
  responses: {
    200: bookResponse("Updated"),
    404: notFound,
    412: stale,
    ...writeErrors,
    409: isbnTaken,
  },
});

const remove = createRoute({
  ...base,
  method: "delete",
  path: "/{id}",
  operationId: "deleteBookV1",
  description: "Soft-deletes a book; answers its final state in the v1 representation.",
  parameters: idempotencyKeyParameter,
  summary: "Delete a book (editor). Deprecated: use DELETE /v2/books/{id}",
  middleware: [requireRole("editor"), idempotent()] as const,
  request: { params: BookIdParamSchema, headers: IfMatchHeaderSchema },
  responses: {
    200: jsonResponse("v1", "Deleted", V1BookSchema, keyed),
    404: notFound,
    412: stale,
    ...errorResponses("v1", keyed),
  },
});

/** /v1/books (deprecated) */
export const v1BookRoutes = createRouter()
  .openapi(list, async (c) => {
    const query = c.req.valid("query");
    const page = await listBooksByPage({ ctx: serviceContext(c), query });
    return c.json(
      {
        data: page.data.map(toV1Book),
        page: query.page,
        per_page: query.per_page,
        total: page.total,
      },
      200,
    );
  })
  .openapi(create, async (c) => {
    const book = await createBook({
      ctx: serviceContext(c),
      input: fromV1Create(c.req.valid("json")),
    });
    return c.json(toV1Book(book), 201, { ETag: bookEtag(book) });
  })
  .openapi(get, async (c) => {
    const book = await getBook({ ctx: serviceContext(c), id: c.req.valid("param").id });
    return c.json(toV1Book(book), 200, { ETag: bookEtag(book) });
  })
  .openapi(update, async (c) => {
    const book = await updateBook({
      ctx: serviceContext(c),
      id: c.req.valid("param").id,
      input: fromV1Patch(c.req.valid("json")),
      ifMatch: c.req.valid("header")["if-match"],
    });
    return c.json(toV1Book(book), 200, { ETag: bookEtag(book) });
  })
  .openapi(remove, async (c) => {
    const book = await deleteBook({
      ctx: serviceContext(c),
      id: c.req.valid("param").id,
      ifMatch: c.req.valid("header")["if-match"],
    });
    return c.json(toV1Book(book), 200);
  });
