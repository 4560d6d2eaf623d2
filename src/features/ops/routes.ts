import { createRoute, type RouteConfig, type z } from "@hono/zod-openapi";
import { operatorContext } from "../../platform/context";
import {
  createRouter,
  errorResponses,
  jsonResponse,
  operatorSecurity,
  problemFor,
} from "../../platform/openapi";
import { LiveFiguresSchema, liveFigures } from "../events/ops";
import { TenantIdParamSchema } from "../tenants/schemas";
import { opsHealth } from "./health";
import {
  EndpointIdParamSchema,
  OperatorRecoverSchema,
  OpsHealthSchema,
  OpsQuerySchema,
  OpsTenantListSchema,
  RecoverResultSchema,
  SeriesQuerySchema,
  TenantOpsDetailSchema,
  TenantSeriesSchema,
} from "./schemas";
import { tenantSeries } from "./series";
import { getTenantFigures, listTenantFigures, recoverTenantEndpoint } from "./service";
import { issueOperatorTicket, operatorTicketRoute } from "./stream";

const tags = ["ops"];
const security = operatorSecurity;
const operatorErrors = errorResponses("admin");
const operatorBodyErrors = errorResponses("admin", { body: "json" });
const notFound = (description: string) => problemFor("admin", `${description} (not_found)`);
const json = <T extends z.ZodType>(description: string, schema: T) =>
  jsonResponse("admin", description, schema);

const routes = {
  list: createRoute({
    method: "get",
    path: "/tenants",
    tags,
    security,
    operationId: "listTenantFigures",
    description:
      "Request rate, error rate, rate-limit rejections and webhook backlog per tenant over a window, from Workers Analytics and the traffic index, worst tenant first.",
    summary:
      "Every tenant's request rate, error rate, rate-limit rejections and webhook backlog, worst first",
    request: { query: OpsQuerySchema },
    responses: { 200: json("Tenants, worst first", OpsTenantListSchema), ...operatorErrors },
  }),
  get: createRoute({
    method: "get",
    path: "/tenants/{id}",
    tags,
    security,
    operationId: "getTenantFigures",
    description:
      "The tenant's figures over the window, its hourly rate-limit usage and each webhook endpoint with its backlog and circuit state.",
    summary: "One tenant's figures, hourly rate-limit usage and webhook endpoints",
    request: { params: TenantIdParamSchema, query: OpsQuerySchema },
    responses: {
      200: json("The tenant's figures", TenantOpsDetailSchema),
      404: notFound("No such tenant"),
      ...operatorErrors,
    },
  }),
  recover: createRoute({
    method: "post",
    path: "/tenants/{id}/webhook-endpoints/{endpointId}/recover",
    tags,
    security,
    operationId: "recoverTenantWebhookEndpoint",
    description:
      "Re-activates a suspended endpoint and re-delivers what failed (since `since`, if given) or is held, in throttled batches: call again while `has_more`.",
    summary:
      "Recover a tenant's webhook endpoint: re-activate it and re-deliver what failed or is held",
    request: {
      params: EndpointIdParamSchema,
      body: {
        required: false,
        content: { "application/json": { schema: OperatorRecoverSchema } },
      },
    },
    responses: {
      200: json("Re-deliveries queued (call again while has_more)", RecoverResultSchema),
      404: notFound("No such tenant or endpoint"),
      409: problemFor("admin", "The endpoint is disabled (conflict)"),
      ...operatorBodyErrors,
    },
  }),
  health: createRoute({
    method: "get",
    path: "/health",
    tags,
    security,
    operationId: "getOpsHealth",
    description:
      "Relay lag (oldest undispatched event, p50/p99 of dispatch delay over the window), jobs in progress and dead-lettered, the last run of each cron job (heartbeats) and the alert rules firing now, for every tenant.",
    summary: "Platform health: relay lag, job backlog and failures, cron heartbeats, firing alerts",
    request: { query: OpsQuerySchema },
    responses: { 200: json("Platform health", OpsHealthSchema), ...operatorErrors },
  }),
  tenantHealth: createRoute({
    method: "get",
    path: "/tenants/{id}/health",
    tags,
    security,
    operationId: "getTenantHealth",
    description:
      "The same health figures with the relay and job figures restricted to one tenant (the cron jobs are shared, so they are the platform's).",
    summary:
      "One tenant's relay lag, job backlog and failures, with the cron heartbeats and alerts",
    request: { params: TenantIdParamSchema, query: OpsQuerySchema },
    responses: {
      200: json("The tenant's health", OpsHealthSchema),
      404: notFound("No such tenant"),
      ...operatorErrors,
    },
  }),
  series: createRoute({
    method: "get",
    path: "/tenants/{id}/series",
    tags,
    security,
    operationId: "getTenantSeries",
    description:
      "Per-minute series over the last `minutes` minutes, oldest first, the current minute last: requests, 5xx, 5xx rate and 429s from the tenant's own counters, webhook backlog and relay lag from the database. The ops console draws them.",
    summary: "One tenant's per-minute requests, 5xx rate, 429s, webhook backlog and relay lag",
    request: { params: TenantIdParamSchema, query: SeriesQuerySchema },
    responses: {
      200: json("One point per minute for each series", TenantSeriesSchema),
      404: notFound("No such tenant"),
      ...operatorErrors,
    },
  }),
  live: createRoute({
    method: "get",
    path: "/tenants/{id}/live",
    tags,
    security,
    operationId: "getTenantLiveFigures",
    description:
      "The tenant's event hub (docs/live-updates.md): open sockets, sockets accepted, events pushed, slow-consumer closes and wake-ups since the hub began, and how far its furthest-behind live socket is from the head of the tenant's log.",
    summary: "One tenant's live-stream connections, pushes, slow-consumer closes and hub lag",
    request: { params: TenantIdParamSchema },
    responses: {
      200: json("The tenant's live-stream figures", LiveFiguresSchema),
      404: notFound("No such tenant"),
      ...operatorErrors,
    },
  }),
  ticket: operatorTicketRoute,
} satisfies Record<string, RouteConfig>;

/** /admin/ops (operator token): per-tenant operational figures. */
export const opsRoutes = createRouter()
  .openapi(routes.live, async (c) =>
    c.json(await liveFigures({ ctx: operatorContext(c), id: c.req.valid("param").id }), 200),
  )
  .openapi(routes.ticket, async (c) =>
    c.json(await issueOperatorTicket(c.env, c.req.header("authorization")), 201),
  )
  .openapi(routes.list, async (c) =>
    c.json(await listTenantFigures({ ctx: operatorContext(c), query: c.req.valid("query") }), 200),
  )
  .openapi(routes.get, async (c) =>
    c.json(
      await getTenantFigures({
        ctx: operatorContext(c),
        id: c.req.valid("param").id,
        query: c.req.valid("query"),
      }),
      200,
    ),
  )
  .openapi(routes.health, async (c) =>
    c.json(
      await opsHealth({
        ctx: operatorContext(c),
        tenantId: null,
        query: c.req.valid("query"),
      }),
      200,
    ),
  )
  .openapi(routes.tenantHealth, async (c) =>
    c.json(
      await opsHealth({
        ctx: operatorContext(c),
        tenantId: c.req.valid("param").id,
        query: c.req.valid("query"),
      }),
      200,
    ),
  )
  .openapi(routes.series, async (c) =>
    c.json(
      await tenantSeries({
        ctx: operatorContext(c),
        id: c.req.valid("param").id,
        minutes: c.req.valid("query").minutes,
      }),
      200,
    ),
  )
  .openapi(routes.recover, async (c) => {
    const { id, endpointId } = c.req.valid("param");
    const result = await recoverTenantEndpoint({
      ctx: operatorContext(c),
      tenantId: id,
      endpointId,
      input: c.req.valid("json") ?? {},
    });
    return c.json(result, 200);
  });
