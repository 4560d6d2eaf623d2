import { serviceContext } from "../../platform/context";
import { listRoute } from "../../platform/list-route";
import { createRouter, jsonResponse } from "../../platform/openapi";
import { v1Twin } from "../../platform/v1-twin";
import { bookEtag } from "./etag";
import * as v2 from "./routes";
import { createBook, deleteBook, getBook, listBooksByPage, updateBook } from "./service";
import { fromV1Create, fromV1Patch, toV1Book } from "./v1-representation";
import {
  V1BookListQuerySchema,
  V1BookListSchema,
  V1BookSchema,
  V1CreateBookSchema,
  V1UpdateBookSchema,
} from "./v1-schemas";

// v1 is a translation at the edge: the same verbs as v2 (v1Twin), other representations.
const keyed = { keyed: true } as const;
const bookResponse = (description: string) =>
  jsonResponse("v1", description, V1BookSchema, { ...keyed, headers: ["ETag"] });

const list = listRoute({
  area: "v1",
  tags: ["v1 (deprecated)"],
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

const create = v1Twin(v2.create, {
  operationId: "createBookV1",
  description: "Creates a book from the v1 representation (decimal-string price and a currency).",
  summary: "Create a book (editor). Deprecated: use POST /v2/books",
  body: V1CreateBookSchema,
  responses: { 201: bookResponse("Created") },
});

const get = v1Twin(v2.get, {
  operationId: "getBookV1",
  description: "One book in the v1 representation.",
  summary: "Get a book (viewer). Deprecated: use GET /v2/books/{id}",
  responses: { 200: jsonResponse("v1", "The book", V1BookSchema, { headers: ["ETag"] }) },
});

const update = v1Twin(v2.update, {
  operationId: "updateBookV1",
  description:
    "Changes the given fields of a book (v1 representation); If-Match makes it conditional.",
  summary: "Update a book (editor). Deprecated: use PATCH /v2/books/{id}",
  body: V1UpdateBookSchema,
  responses: { 200: bookResponse("Updated") },
});

const remove = v1Twin(v2.remove, {
  operationId: "deleteBookV1",
  description: "Soft-deletes a book; answers its final state in the v1 representation.",
  summary: "Delete a book (editor). Deprecated: use DELETE /v2/books/{id}",
  responses: { 200: jsonResponse("v1", "Deleted", V1BookSchema, keyed) },
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
