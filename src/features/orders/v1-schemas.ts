import { z } from "@hono/zod-openapi";
import { V1PageQuerySchema, v1ListEnvelope } from "../../platform/pagination";
import { timestamp } from "../../platform/schemas";

/** v1's statuses: it predates expiry, and shows an expired order as cancelled. */
export const V1_ORDER_STATUSES = ["pending", "confirmed", "shipped", "cancelled"] as const;
export type V1OrderStatus = (typeof V1_ORDER_STATUSES)[number];

export const V1OrderSchema = z
  .object({
    id: z.string(),
    status: z.enum(V1_ORDER_STATUSES),
    total: z.string().openapi({ example: "37.50" }),
    currency: z.string().openapi({ example: "EUR" }),
    lines: z.array(
      z.object({
        id: z.string(),
        book_id: z.string(),
        isbn: z.string(),
        title: z.string(),
        quantity: z.number().int(),
        unit_price: z.string(),
        line_total: z.string(),
      }),
    ),
    created_at: timestamp(),
    updated_at: timestamp(),
    confirmed_at: timestamp().nullable(),
    shipped_at: timestamp().nullable(),
    cancelled_at: timestamp().nullable(),
  })
  .openapi("V1Order");

export const V1OrderListSchema = v1ListEnvelope(V1OrderSchema).openapi("V1OrderList");
export const V1OrderListQuerySchema = V1PageQuerySchema.extend({
  status: z.enum(V1_ORDER_STATUSES).optional(),
});
