import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../platform/context";
import { countedEnv } from "../../platform/observability/do-calls";
import { commonErrorResponses, createRouter, problemResponse } from "../../platform/openapi";
import { TenantIdParamSchema } from "../tenants/schemas";
import {
  EndpointIdParamSchema,
  OperatorRecoverSchema,
  OpsQuerySchema,
  OpsTenantListSchema,
  RecoverResultSchema,
  TenantOpsDetailSchema,
} from "./schemas";
import {
  getTenantFigures,
  listTenantFigures,
  type OpsContext,
  recoverTenantEndpoint,
} from "./service";

const opsContext = (c: Context<AppEnv>): OpsContext => ({
  database: c.var.database,
  env: countedEnv(c),
  requestId: c.var.requestId,
});

const tags = ["operators"];
const security = [{ operator: [] }];
const operatorErrors = {
  ...commonErrorResponses,
  401: problemResponse("Missing or invalid operator token"),
} as const;
const json = <T>(description: string, schema: T) => ({
  description,
  content: { "application/json": { schema } },
});

const routes = {
  list: createRoute({
    method: "get",
    path: "/tenants",
    tags,
    security,
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
    summary: "One tenant's figures, hourly rate-limit usage and webhook endpoints",
    request: { params: TenantIdParamSchema, query: OpsQuerySchema },
    responses: {
      200: json("The tenant's figures", TenantOpsDetailSchema),
      404: problemResponse("No such tenant"),
      ...operatorErrors,
    },
  }),
  recover: createRoute({
    method: "post",
    path: "/tenants/{id}/webhook-endpoints/{endpointId}/recover",
    tags,
    security,
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
      404: problemResponse("No such tenant or endpoint"),
      409: problemResponse("The endpoint is disabled"),
      ...operatorErrors,
    },
  }),
} satisfies Record<string, RouteConfig>;

/** /admin/ops (operator token): per-tenant operational figures. */
export const opsRoutes = createRouter()
  .openapi(routes.list, async (c) =>
    c.json(await listTenantFigures({ ctx: opsContext(c), query: c.req.valid("query") }), 200),
  )
  .openapi(routes.get, async (c) =>
    c.json(
      await getTenantFigures({
        ctx: opsContext(c),
        id: c.req.valid("param").id,
        query: c.req.valid("query"),
      }),
      200,
    ),
  )
  .openapi(routes.recover, async (c) => {
    const { id, endpointId } = c.req.valid("param");
    const result = await recoverTenantEndpoint({
      ctx: opsContext(c),
      tenantId: id,
      endpointId,
      input: c.req.valid("json") ?? {},
    });
    return c.json(result, 200);
  });
