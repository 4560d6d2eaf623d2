import type { Context } from "hono";
import { type AppEnv, serviceContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { listRoute } from "../../platform/list-route";
import { toDecimalString } from "../../platform/money";
import { createRouter, jsonResponse } from "../../platform/openapi";
import { v1Twin } from "../../platform/v1-twin";
import type { OrderView } from "./representation";
import * as v2 from "./routes";
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

const order = (description: string) =>
  jsonResponse("v1", description, V1OrderSchema, { keyed: true });

const list = listRoute({
  area: "v1",
  tags: ["v1 (deprecated)"],
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

const create = v1Twin(v2.create, {
  operationId: "createOrderV1",
  description:
    "All lines or none, as POST /v2/orders; prices are decimal strings. Not enough stock is 409 insufficient_stock with `lines`.",
  summary: "Create an order reserving its stock (editor). Deprecated: use POST /v2/orders",
  responses: { 201: order("Created (pending, stock reserved)") },
});

const get = v1Twin(v2.get, {
  operationId: "getOrderV1",
  description: "One order in the v1 representation (decimal-string prices, one flat currency).",
  summary: "Get an order (viewer). Deprecated: use GET /v2/orders/{id}",
  responses: { 200: jsonResponse("v1", "The order", V1OrderSchema) },
});

/** v2's description of each status change, but confirm's: v1 knows no expiry (see toV1Order). */
const transitionRoute = (action: OrderAction, twin: typeof v2.confirm) =>
  v1Twin(twin, {
    operationId: `${action}OrderV1`,
    summary: `${action[0]?.toUpperCase()}${action.slice(1)} an order (editor). Deprecated: use POST /v2/orders/{id}/${action}`,
    ...(action === "confirm"
      ? { description: "A pending order becomes confirmed; its stock stays reserved." }
      : {}),
    responses: { 200: order("The order in its new state") },
  });

const confirm = transitionRoute("confirm", v2.confirm);
const ship = transitionRoute("ship", v2.ship);
const cancel = transitionRoute("cancel", v2.cancel);

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
