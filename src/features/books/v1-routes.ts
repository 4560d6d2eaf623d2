import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { authErrorResponses, createRouter, problemResponse } from "../../platform/openapi";
import { bookEtag } from "./etag";
import { BookIdParamSchema, EtagHeaderSchema, IfMatchHeaderSchema } from "./schemas";
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
const base = { tags: ["v1 (deprecated)"], security: [{ bearer: [] }], deprecated: true as const };
const bookResponse = (description: string) => ({
  description,
  headers: EtagHeaderSchema,
  content: { "application/json": { schema: V1BookSchema } },
});
const notFound = problemResponse("No such book in this tenant");

const list = createRoute({
  ...base,
  method: "get",
  path: "/",
  summary: "List books by page (viewer). Deprecated: use GET /v2/books",
  middleware: [requireRole("viewer")] as const,
  request: { query: V1BookListQuerySchema },
  responses: {
    200: {
      description: "A page of books",
      content: { "application/json": { schema: V1BookListSchema } },
    },
    ...authErrorResponses,
  },
});

const create = createRoute({
  ...base,
  method: "post",
  path: "/",
  summary: "Create a book (editor). Deprecated: use POST /v2/books",
  middleware: [requireRole("editor")] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: V1CreateBookSchema } } },
  },
  responses: {
    201: bookResponse("Created"),
    409: problemResponse("Another book of this tenant has the ISBN"),
    ...authErrorResponses,
  },
});

const get = createRoute({
  ...base,
  method: "get",
  path: "/{id}",
  summary: "Get a book (viewer). Deprecated: use GET /v2/books/{id}",
  middleware: [requireRole("viewer")] as const,
  request: { params: BookIdParamSchema },
  responses: { 200: bookResponse("The book"), 404: notFound, ...authErrorResponses },
});

const update = createRoute({
  ...base,
  method: "patch",
  path: "/{id}",
  summary: "Update a book (editor). Deprecated: use PATCH /v2/books/{id}",
  middleware: [requireRole("editor")] as const,
  request: {
    params: BookIdParamSchema,
    headers: IfMatchHeaderSchema,
    body: { required: true, content: { "application/json": { schema: V1UpdateBookSchema } } },
  },
  responses: {
    200: bookResponse("Updated"),
    404: notFound,
    409: problemResponse("Another book of this tenant has the ISBN"),
    412: problemResponse("The book changed since the ETag in If-Match was read"),
    ...authErrorResponses,
  },
});

const remove = createRoute({
  ...base,
  method: "delete",
  path: "/{id}",
  summary: "Delete a book (editor). Deprecated: use DELETE /v2/books/{id}",
  middleware: [requireRole("editor")] as const,
  request: { params: BookIdParamSchema, headers: IfMatchHeaderSchema },
  responses: {
    200: { description: "Deleted", content: { "application/json": { schema: V1BookSchema } } },
    404: notFound,
    412: problemResponse("The book changed since the ETag in If-Match was read"),
    ...authErrorResponses,
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
