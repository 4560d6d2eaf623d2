import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { authErrorResponses, createRouter, problemResponse } from "../../platform/openapi";
import { toDecimalString } from "../books/money";
import type { OrderView } from "./representation";
import { CreateOrderSchema, OrderIdParamSchema } from "./schemas";
import { createOrder, getOrder, listOrdersByPage } from "./service";
import { type OrderAction, transitionOrder } from "./transitions";
import { V1OrderListQuerySchema, V1OrderListSchema, V1OrderSchema } from "./v1-schemas";

/** v2 order → v1 order (decimal strings, one flat currency). */
export function toV1Order(order: OrderView) {
  const currency = order.total.currency;
  const decimal = (money: { amount: number }) => toDecimalString(money.amount, currency);
  return {
    id: order.id,
    status: order.status,
    total: decimal(order.total),
    currency,
    lines: order.lines.map((line) => ({
      id: line.id,
      book_id: line.book_id,
      isbn: line.isbn,
      title: line.title,
      quantity: line.quantity,
      unit_price: decimal(line.unit_price),
      line_total: decimal(line.line_total),
    })),
    created_at: order.created_at,
    updated_at: order.updated_at,
    confirmed_at: order.confirmed_at,
    shipped_at: order.shipped_at,
    cancelled_at: order.cancelled_at,
  };
}

const base = { tags: ["v1 (deprecated)"], security: [{ bearer: [] }], deprecated: true as const };
const orderContent = { "application/json": { schema: V1OrderSchema } };

const list = createRoute({
  ...base,
  method: "get",
  path: "/",
  summary: "List orders by page (viewer). Deprecated: use GET /v2/orders",
  middleware: [requireRole("viewer")] as const,
  request: { query: V1OrderListQuerySchema },
  responses: {
    200: {
      description: "A page of orders",
      content: { "application/json": { schema: V1OrderListSchema } },
    },
    ...authErrorResponses,
  },
});

const create = createRoute({
  ...base,
  method: "post",
  path: "/",
  summary: "Create an order reserving its stock (editor). Deprecated: use POST /v2/orders",
  middleware: [requireRole("editor")] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: CreateOrderSchema } } },
  },
  responses: {
    201: { description: "Created (pending, stock reserved)", content: orderContent },
    409: problemResponse("Not enough stock for some lines (insufficient_stock, with `lines`)"),
    ...authErrorResponses,
  },
});

const get = createRoute({
  ...base,
  method: "get",
  path: "/{id}",
  summary: "Get an order (viewer). Deprecated: use GET /v2/orders/{id}",
  middleware: [requireRole("viewer")] as const,
  request: { params: OrderIdParamSchema },
  responses: {
    200: { description: "The order", content: orderContent },
    404: problemResponse("No such order in this tenant"),
    ...authErrorResponses,
  },
});

const transitionRoute = (action: OrderAction) =>
  createRoute({
    ...base,
    method: "post",
    path: `/{id}/${action}`,
    summary: `${action[0]?.toUpperCase()}${action.slice(1)} an order (editor). Deprecated: use POST /v2/orders/{id}/${action}`,
    middleware: [requireRole("editor")] as const,
    request: { params: OrderIdParamSchema },
    responses: {
      200: { description: "The order in its new state", content: orderContent },
      404: problemResponse("No such order in this tenant"),
      409: problemResponse("The order's status does not allow this (invalid_state_transition)"),
      ...authErrorResponses,
    },
  });

const confirm = transitionRoute("confirm");
const ship = transitionRoute("ship");
const cancel = transitionRoute("cancel");

/** /v1/orders (deprecated) */
export const v1OrderRoutes = createRouter()
  .openapi(list, async (c) => {
    const query = c.req.valid("query");
    const page = await listOrdersByPage({ ctx: serviceContext(c), query });
    return c.json(
      {
        data: page.data.map(toV1Order),
        page: query.page,
        per_page: query.per_page,
        total: page.total,
      },
      200,
    );
  })
  .openapi(create, async (c) =>
    c.json(
      toV1Order(await createOrder({ ctx: serviceContext(c), input: c.req.valid("json") })),
      201,
    ),
  )
  .openapi(get, async (c) =>
    c.json(toV1Order(await getOrder({ ctx: serviceContext(c), id: c.req.valid("param").id })), 200),
  )
  .openapi(confirm, async (c) =>
    c.json(
      toV1Order(
        await transitionOrder({
          ctx: serviceContext(c),
          id: c.req.valid("param").id,
          action: "confirm",
        }),
      ),
      200,
    ),
  )
  .openapi(ship, async (c) =>
    c.json(
      toV1Order(
        await transitionOrder({
          ctx: serviceContext(c),
          id: c.req.valid("param").id,
          action: "ship",
        }),
      ),
      200,
    ),
  )
  .openapi(cancel, async (c) =>
    c.json(
      toV1Order(
        await transitionOrder({
          ctx: serviceContext(c),
          id: c.req.valid("param").id,
          action: "cancel",
        }),
      ),
      200,
    ),
  );
