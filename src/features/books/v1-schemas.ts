import { z } from "@hono/zod-openapi";
import { CurrencySchema } from "../../platform/money";
import { V1PageQuerySchema, v1ListEnvelope } from "../../platform/pagination";
import { safeText, timestamp } from "../../platform/schemas";
import { BOOK_STATUSES, bookFilters, IsbnSchema, MAX_STOCK } from "./schemas";

/** v1 money: a decimal string in the currency's major unit, beside a `currency` field. */
const DecimalSchema = z
  .string()
  .max(17)
  .regex(/^\d{1,12}(\.\d{1,4})?$/, 'must be a decimal string such as "12.50"')
  .openapi({ example: "12.50" });

const fields = {
  isbn: IsbnSchema,
  title: safeText(500),
  authors: z.array(safeText(200)).min(1).max(50),
  price: DecimalSchema,
  currency: CurrencySchema,
  stock: z.number().int().min(0).max(MAX_STOCK),
  status: z.enum(BOOK_STATUSES),
};

export const V1CreateBookSchema = z
  .strictObject({
    ...fields,
    stock: fields.stock.default(0),
    status: fields.status.default("active"),
  })
  // Inline, not a named component: generated clients (openapi-typescript) make a member with a
  // default required in a shared schema, but keep it optional in a request body.
  .openapi({ title: "V1CreateBook" });

export const V1UpdateBookSchema = z
  .strictObject({
    isbn: fields.isbn.optional(),
    title: fields.title.optional(),
    authors: fields.authors.optional(),
    price: fields.price.optional(),
    currency: fields.currency.optional(),
    stock: fields.stock.optional(),
    status: fields.status.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "at least one field is required")
  .refine((value) => (value.price === undefined) === (value.currency === undefined), {
    message: "price and currency are changed together",
    path: ["price"],
  })
  .openapi("V1UpdateBook");

export const V1BookSchema = z
  .object({
    id: z.string(),
    isbn: z.string(),
    title: z.string(),
    authors: z.array(z.string()),
    price: z.string().openapi({ example: "12.50" }),
    currency: z.string().openapi({ example: "EUR" }),
    stock: z.number().int(),
    status: z.enum(BOOK_STATUSES),
    created_at: timestamp(),
    updated_at: timestamp(),
  })
  .openapi("V1Book");

/** v1 lists: `?page=` (from 1) and `?per_page=` (1..100, default 20). */
export const V1BookListQuerySchema = V1PageQuerySchema.extend(bookFilters);

export const V1BookListSchema = v1ListEnvelope(V1BookSchema).openapi("V1BookList");
