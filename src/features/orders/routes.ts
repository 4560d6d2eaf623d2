import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { authErrorResponses, createRouter, problemResponse } from "../../platform/openapi";
import {
  CreateOrderSchema,
  OrderIdParamSchema,
  OrderListQuerySchema,
  OrderListSchema,
  OrderSchema,
} from "./schemas";
import { createOrder, getOrder, listOrders } from "./service";
import { type OrderAction, transitionOrder } from "./transitions";

const tags = ["orders"];
const security = [{ bearer: [] }];
const orderContent = { "application/json": { schema: OrderSchema } };

const list = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  summary: "List orders with their lines, newest first (viewer)",
  middleware: [requireRole("viewer")] as const,
  request: { query: OrderListQuerySchema },
  responses: {
    200: {
      description: "A page of orders",
      content: { "application/json": { schema: OrderListSchema } },
    },
    ...authErrorResponses,
  },
});

const create = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  summary: "Create an order, reserving its stock atomically (editor)",
  description:
    "All lines or none. Unknown, deleted, archived or other tenants' books, and books priced in another currency than the first line's, are 400 validation_failed naming the lines. Not enough stock is 409 insufficient_stock with `lines: [{book_id, requested, available}]`. The order starts `pending` with its stock reserved.",
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
  method: "get",
  path: "/{id}",
  tags,
  security,
  summary: "Get an order with its lines (viewer)",
  middleware: [requireRole("viewer")] as const,
  request: { params: OrderIdParamSchema },
  responses: {
    200: { description: "The order", content: orderContent },
    404: problemResponse("No such order in this tenant"),
    ...authErrorResponses,
  },
});

const transitionRoute = (action: OrderAction, summary: string) =>
  createRoute({
    method: "post",
    path: `/{id}/${action}`,
    tags,
    security,
    summary,
    middleware: [requireRole("editor")] as const,
    request: { params: OrderIdParamSchema },
    responses: {
      200: { description: "The order in its new state", content: orderContent },
      404: problemResponse("No such order in this tenant"),
      409: problemResponse("The order's status does not allow this (invalid_state_transition)"),
      ...authErrorResponses,
    },
  });

const confirm = transitionRoute("confirm", "Confirm a pending order (editor)");
const ship = transitionRoute("ship", "Ship a confirmed order (editor)");
const cancel = transitionRoute(
  "cancel",
  "Cancel a pending or confirmed order, releasing its stock (editor)",
);

/** /v2/orders */
export const orderRoutes = createRouter()
  .openapi(list, async (c) =>
    c.json(await listOrders({ ctx: serviceContext(c), query: c.req.valid("query") }), 200),
  )
  .openapi(create, async (c) =>
    c.json(await createOrder({ ctx: serviceContext(c), input: c.req.valid("json") }), 201),
  )
  .openapi(get, async (c) =>
    c.json(await getOrder({ ctx: serviceContext(c), id: c.req.valid("param").id }), 200),
  )
  .openapi(confirm, async (c) =>
    c.json(
      await transitionOrder({
        ctx: serviceContext(c),
        id: c.req.valid("param").id,
        action: "confirm",
      }),
      200,
    ),
  )
  .openapi(ship, async (c) =>
    c.json(
      await transitionOrder({
        ctx: serviceContext(c),
        id: c.req.valid("param").id,
        action: "ship",
      }),
      200,
    ),
  )
  .openapi(cancel, async (c) =>
    c.json(
      await transitionOrder({
        ctx: serviceContext(c),
        id: c.req.valid("param").id,
        action: "cancel",
      }),
      200,
    ),
  );
