import { z } from "@hono/zod-openapi";
import { MoneySchema } from "../../platform/money";
import { ListQuerySchema, listEnvelope } from "../../platform/pagination";
import { INT4_MAX, idString, safeText, storableString, timestamp } from "../../platform/schemas";
import { isValidIsbn13 } from "./isbn";

/**
 * Largest stock a client may set. The column is a bigint, so stock released by cancelled orders
 * can rise past this without overflow (an order can always be cancelled).
 */
export const MAX_STOCK = INT4_MAX;

export const BOOK_STATUSES = ["active", "archived"] as const;
export type BookStatus = (typeof BOOK_STATUSES)[number];

export const IsbnSchema = storableString(32)
  .refine(isValidIsbn13, "must be a valid ISBN-13")
  .openapi({
    example: "978-0-306-40615-7",
    description: "ISBN-13; hyphens and spaces are accepted and removed",
  });

const fields = {
  isbn: IsbnSchema,
  title: safeText(500).openapi({ example: "The Pragmatic Programmer" }),
  authors: z
    .array(safeText(200))
    .min(1)
    .max(50)
    .openapi({ example: ["David Thomas"] }),
  stock: z.number().int().min(0).max(MAX_STOCK).openapi({ example: 12 }),
  status: z.enum(BOOK_STATUSES),
};

export const CreateBookSchema = z
  .strictObject({
    isbn: fields.isbn,
    title: fields.title,
    authors: fields.authors,
    price: MoneySchema,
    stock: fields.stock.default(0),
    status: fields.status.default("active"),
  })
  // Inline, not a named component: generated clients (openapi-typescript) make a member with a
  // default required in a shared schema, but keep it optional in a request body.
  .openapi({ title: "CreateBook" });

const atLeastOne = (value: object) => Object.keys(value).length > 0;

export const UpdateBookSchema = z
  .strictObject({
    isbn: fields.isbn.optional(),
    title: fields.title.optional(),
    authors: fields.authors.optional(),
    price: MoneySchema.optional(),
    stock: fields.stock.optional(),
    status: fields.status.optional(),
  })
  .refine(atLeastOne, "at least one field is required")
  .openapi("UpdateBook");

/** What the service verbs take, whichever API version the request came through. */
export interface BookInput {
  isbn: string;
  title: string;
  authors: string[];
  price: { amount: number; currency: string };
  stock: number;
  status: BookStatus;
}
export type BookPatch = Partial<BookInput>;

export const BookSchema = z
  .object({
    id: z.string().openapi({ example: "book_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
    isbn: z.string().openapi({ example: "9780306406157" }),
    title: z.string(),
    authors: z.array(z.string()),
    price: MoneySchema,
    stock: z.number().int(),
    status: z.enum(BOOK_STATUSES),
    version: z.number().int().openapi({ description: "Incremented on every change (the ETag)" }),
    created_at: timestamp(),
    updated_at: timestamp(),
    deleted_at: timestamp().nullable(),
  })
  .openapi("Book");

export const BookListSchema = listEnvelope(BookSchema).openapi("BookList");

/** Filters shared by both API versions' lists. */
export const bookFilters = {
  q: safeText(200)
    .optional()
    .openapi({ description: "Case-insensitive match on title, authors or ISBN" }),
  status: z.enum(BOOK_STATUSES).optional(),
};

export const BookListQuerySchema = ListQuerySchema.extend(bookFilters);
export type BookFilters = { q?: string | undefined; status?: BookStatus | undefined };

export const BookIdParamSchema = z.object({
  id: idString().openapi({ param: { in: "path" }, example: "book_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
});

export const IfMatchHeaderSchema = z.object({
  "if-match": storableString(1000).optional().openapi({
    description: "An ETag from a previous read: the change applies only if the book is unchanged",
  }),
});

export const EtagHeaderSchema = z.object({
  ETag: z.string().openapi({ description: "The book's current version" }),
});
