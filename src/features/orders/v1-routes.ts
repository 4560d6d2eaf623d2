import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireRole } from "../../platform/auth/roles";
import { type AppEnv, serviceContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { idempotent } from "../../platform/idempotency/middleware";
import { listRoute } from "../../platform/list-route";
import { toDecimalString } from "../../platform/money";
import {
  createRouter,
  errorResponses,
  InsufficientStockProblemSchema,
  idempotencyKeyParameter,
  jsonResponse,
  problemFor,
  tenantSecurity,
} from "../../platform/openapi";
import type { OrderView } from "./representation";
import { CreateOrderSchema, OrderIdParamSchema } from "./schemas";
import { createOrder, getOrder, listOrdersByPage } from "./service";
import { type OrderAction, transitionOrder } from "./transitions";
import { V1OrderListQuerySchema, V1OrderListSchema, V1OrderSchema } from "./v1-schemas";

/** v2 order → v1 order (decimal strings, one flat currency; an expired order reads as cancelled). */
export function toV1Order(order: OrderView) {
  const currency = order.total.currency;
  const expired = order.status === "expired";
  const decimal = (money: { amount: number }) => toDecimalString(money.amount, currency);
  return {
    id: order.id,
    status: expired ? ("cancelled" as const) : order.status,
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
    cancelled_at: expired ? order.expired_at : order.cancelled_at,
  };
}

/**
 * A transition in v1's vocabulary: its 409 names an expired order's status as `cancelled`, the
 * status v1 shows for it (toV1Order).
 */
const PAST: Record<OrderAction, string> = {
  confirm: "confirmed",
  ship: "shipped",
  cancel: "cancelled",
};
async function v1Transition(c: Context<AppEnv>, action: OrderAction) {
  try {
    return await transitionOrder({ ctx: serviceContext(c), id: c.req.param("id") ?? "", action });
  } catch (error) {
    if (
      error instanceof AppError &&
      error.code === "invalid_state_transition" &&
      error.extensions?.order_status === "expired"
    ) {
      throw new AppError(
        "invalid_state_transition",
        `A cancelled order cannot be ${PAST[action]}.`,
        {
          extensions: { ...error.extensions, order_status: "cancelled" },
        },
      );
    }
    throw error;
  }
}

const base = { tags: ["v1 (deprecated)"], security: tenantSecurity, deprecated: true as const };
const keyed = { keyed: true } as const;
const order = (description: string) => jsonResponse("v1", description, V1OrderSchema, keyed);

const list = listRoute({
  area: "v1",
  tags: base.tags,
  deprecated: true,
  operationId: "listOrdersV1",
  description:
    "Page-numbered list of orders with decimal-string prices. Replaced by the cursor-paginated GET /v2/orders.",
  summary: "List orders by page (viewer). Deprecated: use GET /v2/orders",
  role: "viewer",
  query: V1OrderListQuerySchema,
  page: V1OrderListSchema,
  items: "orders",
});

const create = createRoute({
  ...base,
  method: "post",
  path: "/",
  operationId: "createOrderV1",
  description:
    "All lines or none, as POST /v2/orders; prices are decimal strings. Not enough stock is 409 insufficient_stock with `lines`.",
  parameters: idempotencyKeyParameter,
  summary: "Create an order reserving its stock (editor). Deprecated: use POST /v2/orders",
  middleware: [requireRole("editor"), idempotent()] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: CreateOrderSchema } } },
  },
  responses: {
    201: order("Created (pending, stock reserved)"),
    ...errorResponses("v1", { ...keyed, body: "json" }),
    409: problemFor(
      "v1",
      "Not enough stock for some lines (insufficient_stock, with `lines`), or a request with this Idempotency-Key is in progress (idempotency_key_in_use)",
      { ...keyed, retryAfter: true, schema: InsufficientStockProblemSchema },
    ),
  },
});

const get = createRoute({
  ...base,
  method: "get",
  path: "/{id}",
  operationId: "getOrderV1",
  description: "One order in the v1 representation (decimal-string prices, one flat currency).",
  summary: "Get an order (viewer). Deprecated: use GET /v2/orders/{id}",
  middleware: [requireRole("viewer")] as const,
  request: { params: OrderIdParamSchema },
  responses: {
    200: jsonResponse("v1", "The order", V1OrderSchema),
    404: problemFor("v1", "No such order in this tenant (not_found)"),
    ...errorResponses("v1"),
  },
});

/** What each status change does (the service enforces the order's state machine). */
const TRANSITIONS: Record<OrderAction, string> = {
  confirm: "A pending order becomes confirmed; its stock stays reserved.",
  ship: "A confirmed order becomes shipped; its reserved stock is consumed. Shipped orders cannot be cancelled.",
  cancel:
    "A pending or confirmed order becomes cancelled and its reserved stock is released to the books.",
};

const transitionRoute = (action: OrderAction) =>
  createRoute({
    ...base,
    method: "post",
    path: `/{id}/${action}`,
    operationId: `${action}OrderV1`,
    description: TRANSITIONS[action],
    parameters: idempotencyKeyParameter,
    summary: `${action[0]?.toUpperCase()}${action.slice(1)} an order (editor). Deprecated: use POST /v2/orders/{id}/${action}`,
    middleware: [requireRole("editor"), idempotent()] as const,
    request: { params: OrderIdParamSchema },
    responses: {
      200: order("The order in its new state"),
      404: problemFor("v1", "No such order in this tenant (not_found)", keyed),
      ...errorResponses("v1", keyed),
      409: problemFor(
        "v1",
        "The order's status does not allow this (invalid_state_transition, with order_status), or a request with this Idempotency-Key is in progress (idempotency_key_in_use)",
        { ...keyed, retryAfter: true },
      ),
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
  .openapi(confirm, async (c) => c.json(toV1Order(await v1Transition(c, "confirm")), 200))
  .openapi(ship, async (c) => c.json(toV1Order(await v1Transition(c, "ship")), 200))
  .openapi(cancel, async (c) => c.json(toV1Order(await v1Transition(c, "cancel")), 200));
