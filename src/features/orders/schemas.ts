import { z } from "@hono/zod-openapi";
import { MoneySchema } from "../../platform/money";
import { ListQuerySchema, listEnvelope } from "../../platform/pagination";
import { idString, timestamp } from "../../platform/schemas";

export const ORDER_STATUSES = ["pending", "confirmed", "shipped", "cancelled", "expired"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Limits of one order: lines per order and quantity per line. */
export const MAX_LINES = 100;
export const MAX_QUANTITY = 10_000;

const OrderLineInputSchema = z.strictObject({
  book_id: idString().openapi({ example: "book_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
  quantity: z.number().int().min(1).max(MAX_QUANTITY).openapi({ example: 2 }),
});

/** Order lines as every API version takes them: one line per book. */
export const OrderLinesSchema = z
  .array(OrderLineInputSchema)
  .min(1)
  .max(MAX_LINES)
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((line, i) => {
      if (seen.has(line.book_id)) {
        ctx.addIssue({
          code: "custom",
          path: [i, "book_id"],
          message: "each book may appear on one line only",
        });
      }
      seen.add(line.book_id);
    });
  });

export const CreateOrderSchema = z.strictObject({ lines: OrderLinesSchema }).openapi("CreateOrder");
export type CreateOrderInput = z.infer<typeof CreateOrderSchema>;

export const OrderLineSchema = z
  .object({
    id: z.string(),
    book_id: z.string(),
    isbn: z.string().openapi({ description: "Snapshot at order time" }),
    title: z.string().openapi({ description: "Snapshot at order time" }),
    quantity: z.number().int(),
    unit_price: MoneySchema,
    line_total: MoneySchema,
  })
  .openapi("OrderLine");

export const OrderSchema = z
  .object({
    id: z.string().openapi({ example: "ord_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
    status: z.enum(ORDER_STATUSES),
    total: MoneySchema,
    lines: z.array(OrderLineSchema),
    created_at: timestamp(),
    updated_at: timestamp(),
    confirmed_at: timestamp().nullable(),
    shipped_at: timestamp().nullable(),
    cancelled_at: timestamp().nullable(),
    expires_at: timestamp().nullable().openapi({
      description:
        "While the order is pending: when it stops holding its stock and becomes expired (the tenant's reservation hold after creation)",
    }),
    expired_at: timestamp().nullable(),
  })
  .openapi("Order");

/** What POST /v2/orders answers: a new order is always pending. */
export const CreatedOrderSchema = OrderSchema.extend({ status: z.literal("pending") }).openapi(
  "CreatedOrder",
);

export const OrderListSchema = listEnvelope(OrderSchema).openapi("OrderList");

export const orderFilters = { status: z.enum(ORDER_STATUSES).optional() };
export const OrderListQuerySchema = ListQuerySchema.extend(orderFilters);

export const OrderIdParamSchema = z.object({
  id: idString().openapi({ param: { in: "path" }, example: "ord_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
});

/** The problem extension of a 409 insufficient_stock: every line that cannot be served. */
export const ShortLineSchema = z.object({
  book_id: z.string(),
  requested: z.number().int(),
  available: z.number().int(),
});
