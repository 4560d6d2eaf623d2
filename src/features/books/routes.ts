import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { authErrorResponses, createRouter, problemResponse } from "../../platform/openapi";
import { bookEtag } from "./etag";
import {
  BookIdParamSchema,
  BookListQuerySchema,
  BookListSchema,
  BookSchema,
  CreateBookSchema,
  EtagHeaderSchema,
  IfMatchHeaderSchema,
  UpdateBookSchema,
} from "./schemas";
import { createBook, deleteBook, getBook, listBooks, updateBook } from "./service";

const tags = ["books"];
const security = [{ bearer: [] }];
const bookResponse = (description: string) => ({
  description,
  headers: EtagHeaderSchema,
  content: { "application/json": { schema: BookSchema } },
});

const list = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  summary: "List books, newest first (viewer)",
  middleware: [requireRole("viewer")] as const,
  request: { query: BookListQuerySchema },
  responses: {
    200: {
      description: "A page of books",
      content: { "application/json": { schema: BookListSchema } },
    },
    ...authErrorResponses,
  },
});

const create = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  summary: "Create a book (editor)",
  middleware: [requireRole("editor")] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: CreateBookSchema } } },
  },
  responses: {
    201: bookResponse("Created"),
    409: problemResponse("Another book of this tenant has the ISBN"),
    ...authErrorResponses,
  },
});

const get = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security,
  summary: "Get a book (viewer)",
  middleware: [requireRole("viewer")] as const,
  request: { params: BookIdParamSchema },
  responses: {
    200: bookResponse("The book"),
    404: problemResponse("No such book in this tenant"),
    ...authErrorResponses,
  },
});

const update = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security,
  summary: "Update a book (editor); If-Match makes it conditional",
  middleware: [requireRole("editor")] as const,
  request: {
    params: BookIdParamSchema,
    headers: IfMatchHeaderSchema,
    body: { required: true, content: { "application/json": { schema: UpdateBookSchema } } },
  },
  responses: {
    200: bookResponse("Updated"),
    404: problemResponse("No such book in this tenant"),
    409: problemResponse("Another book of this tenant has the ISBN"),
    412: problemResponse("The book changed since the ETag in If-Match was read"),
    ...authErrorResponses,
  },
});

const remove = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security,
  summary: "Delete a book (editor); past orders keep their line snapshots",
  middleware: [requireRole("editor")] as const,
  request: { params: BookIdParamSchema, headers: IfMatchHeaderSchema },
  responses: {
    200: {
      description: "Deleted (the final state, with deleted_at)",
      content: { "application/json": { schema: BookSchema } },
    },
    404: problemResponse("No such book in this tenant"),
    412: problemResponse("The book changed since the ETag in If-Match was read"),
    ...authErrorResponses,
  },
});

/** /v2/books */
export const bookRoutes = createRouter()
  .openapi(list, async (c) =>
    c.json(await listBooks({ ctx: serviceContext(c), query: c.req.valid("query") }), 200),
  )
  .openapi(create, async (c) => {
    const book = await createBook({ ctx: serviceContext(c), input: c.req.valid("json") });
    return c.json(book, 201, { ETag: bookEtag(book) });
  })
  .openapi(get, async (c) => {
    const book = await getBook({ ctx: serviceContext(c), id: c.req.valid("param").id });
    return c.json(book, 200, { ETag: bookEtag(book) });
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
