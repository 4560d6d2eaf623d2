import type { z } from "@hono/zod-openapi";
import { fromDecimalString, toDecimalString } from "../../platform/money";
import type { BookInput, BookPatch } from "./schemas";
import type { BookView } from "./service";
import type { V1CreateBookSchema, V1UpdateBookSchema } from "./v1-schemas";

/** v2 book → v1 book (decimal price, flat currency, no version or deleted_at). */
export function toV1Book(book: BookView) {
  return {
    id: book.id,
    isbn: book.isbn,
    title: book.title,
    authors: book.authors,
    price: toDecimalString(book.price.amount, book.price.currency),
    currency: book.price.currency,
    stock: book.stock,
    status: book.status,
    created_at: book.created_at,
    updated_at: book.updated_at,
  };
}

/** v1 create body → the service's input. */
export function fromV1Create(body: z.infer<typeof V1CreateBookSchema>): BookInput {
  const { price, currency, ...rest } = body;
  return { ...rest, price: { amount: fromDecimalString(price, currency, "json.price"), currency } };
}

/** v1 patch body → the service's patch (price and currency travel together). */
export function fromV1Patch(body: z.infer<typeof V1UpdateBookSchema>): BookPatch {
  const { price, currency, ...rest } = body;
  if (price === undefined || currency === undefined) return rest;
  return { ...rest, price: { amount: fromDecimalString(price, currency, "json.price"), currency } };
}
