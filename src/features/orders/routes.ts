import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import {
  conditionalHeaders,
  conditionalJsonResponse,
  ifNoneMatchParameter,
  notModified,
  notModifiedResponse,
  pageEtag,
} from "../../platform/conditional";
import { serviceContext } from "../../platform/context";
import { idempotent } from "../../platform/idempotency/middleware";
import {
  createRouter,
  errorResponses,
  InsufficientStockProblemSchema,
  idempotencyKeyParameter,
  jsonResponse,
  problemFor,
  tenantSecurity,
} from "../../platform/openapi";
import { orderEtag } from "./etag";
import {
  CreatedOrderSchema,
  CreateOrderSchema,
  OrderIdParamSchema,
  OrderListQuerySchema,
  OrderListSchema,
  OrderSchema,
} from "./schemas";
import { createOrder, getOrder, listOrders } from "./service";
import { type OrderAction, transitionOrder } from "./transitions";

const tags = ["orders"];
const security = tenantSecurity;
const keyed = { keyed: true } as const;
const order = (description: string) => jsonResponse("v2", description, OrderSchema, keyed);

const list = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  operationId: "listOrders",
  description:
    "Orders of the tenant with their lines, newest first, optionally filtered by status. Cursor pagination: pass `next_cursor` as `starting_after`. The page carries a weak ETag; sent back in If-None-Match, it answers 304 while the page is unchanged.",
  summary: "List orders with their lines, newest first (viewer)",
  middleware: [requireRole("viewer")] as const,
  parameters: ifNoneMatchParameter,
  request: { query: OrderListQuerySchema },
  responses: {
    200: conditionalJsonResponse("v2", "A page of orders", OrderListSchema, "weak"),
    304: notModifiedResponse("v2", "weak"),
    ...errorResponses("v2"),
  },
});

export const create = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  operationId: "createOrder",
  parameters: idempotencyKeyParameter,
  summary: "Create an order, reserving its stock atomically (editor)",
  description:
    "All lines or none. Unknown, deleted, archived or other tenants' books, and books priced in another currency than the first line's, are 400 validation_failed naming the lines. Not enough stock is 409 insufficient_stock with `lines: [{book_id, requested, available}]`. The order starts `pending` with its stock reserved until `expires_at` (the tenant's reservation hold, 30 minutes unless set); if it is not confirmed or cancelled by then it becomes `expired`, its stock released, and an `order.expired` event is sent.",
  middleware: [requireRole("editor"), idempotent()] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: CreateOrderSchema } } },
  },
  responses: {
    201: jsonResponse(
      "v2",
      "Created (pending, stock reserved until `expires_at`)",
      CreatedOrderSchema,
      keyed,
    ),
    ...errorResponses("v2", { ...keyed, body: "json" }),
    409: problemFor(
      "v2",
      "Not enough stock for some lines (insufficient_stock, with `lines`), or a request with this Idempotency-Key is in progress (idempotency_key_in_use)",
      { ...keyed, retryAfter: true, schema: InsufficientStockProblemSchema },
    ),
  },
});

export const get = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security,
  operationId: "getOrder",
  description:
    "One order with its lines; line ISBN, title and price are snapshots taken when the order was placed. Its ETag, sent back in If-None-Match, answers 304 while the order is unchanged.",
  summary: "Get an order with its lines (viewer)",
  middleware: [requireRole("viewer")] as const,
  parameters: ifNoneMatchParameter,
  request: { params: OrderIdParamSchema },
  responses: {
    200: conditionalJsonResponse("v2", "The order", OrderSchema, "strong"),
    304: notModifiedResponse("v2", "strong"),
    404: problemFor("v2", "No such order in this tenant (not_found)"),
    ...errorResponses("v2"),
  },
});

/** What each status change does (the service enforces the order's state machine). */
const TRANSITIONS: Record<OrderAction, string> = {
  confirm:
    "A pending order becomes confirmed; its stock stays reserved. An order whose `expires_at` has passed (or that is `expired`) cannot be confirmed: 409 invalid_state_transition with `order_status: expired`.",
  ship: "A confirmed order becomes shipped; its reserved stock is consumed. Shipped orders cannot be cancelled.",
  cancel:
    "A pending or confirmed order becomes cancelled and its reserved stock is released to the books.",
};

const transitionRoute = (action: OrderAction, summary: string) =>
  createRoute({
    method: "post",
    path: `/{id}/${action}`,
    tags,
    security,
    operationId: `${action}Order`,
    description: TRANSITIONS[action],
    parameters: idempotencyKeyParameter,
    summary,
    middleware: [requireRole("editor"), idempotent()] as const,
    request: { params: OrderIdParamSchema },
    responses: {
      200: order("The order in its new state"),
      404: problemFor("v2", "No such order in this tenant (not_found)", keyed),
      ...errorResponses("v2", keyed),
      409: problemFor(
        "v2",
        "The order's status does not allow this (invalid_state_transition, with order_status), or a request with this Idempotency-Key is in progress (idempotency_key_in_use)",
        { ...keyed, retryAfter: true },
      ),
    },
  });

export const confirm = transitionRoute("confirm", "Confirm a pending order (editor)");
export const ship = transitionRoute("ship", "Ship a confirmed order (editor)");
export const cancel = transitionRoute(
  "cancel",
  "Cancel a pending or confirmed order, releasing its stock (editor)",
);

/** /v2/orders */
export const orderRoutes = createRouter()
  .openapi(list, async (c) => {
    const ctx = serviceContext(c);
    const query = c.req.valid("query");
    const page = await listOrders({ ctx, query });
    const etag = await pageEtag(ctx.tenantId, query, page);
    return notModified(c, etag) ?? c.json(page, 200, conditionalHeaders(etag));
  })
  .openapi(create, async (c) => {
    const created = await createOrder({ ctx: serviceContext(c), input: c.req.valid("json") });
    return c.json({ ...created, status: "pending" as const }, 201);
  })
  .openapi(get, async (c) => {
    const order = await getOrder({ ctx: serviceContext(c), id: c.req.valid("param").id });
    const etag = orderEtag(order);
    return notModified(c, etag) ?? c.json(order, 200, conditionalHeaders(etag));
  })
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
