import { createRoute, type RouteConfig, type z } from "@hono/zod-openapi";
import { operatorContext } from "../../platform/context";
import {
  createRouter,
  errorResponses,
  jsonResponse,
  operatorSecurity,
  problemFor,
} from "../../platform/openapi";
import { TenantIdParamSchema } from "../tenants/schemas";
import {
  EndpointIdParamSchema,
  OperatorRecoverSchema,
  OpsQuerySchema,
  OpsTenantListSchema,
  RecoverResultSchema,
  TenantOpsDetailSchema,
} from "./schemas";
import { getTenantFigures, listTenantFigures, recoverTenantEndpoint } from "./service";

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
} satisfies Record<string, RouteConfig>;

/** /admin/ops (operator token): per-tenant operational figures. */
export const opsRoutes = createRouter()
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
