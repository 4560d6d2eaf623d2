import { createRoute, type RouteConfig, z } from "@hono/zod-openapi";
import { operatorContext } from "../../platform/context";
import {
  createRouter,
  errorResponses,
  jsonResponse,
  operatorSecurity,
  problemFor,
} from "../../platform/openapi";
import { ListQuerySchema, listEnvelope } from "../../platform/pagination";
import { CreatedApiKeySchema } from "../api-keys/schemas";
import { AuditListSchema, AuditQuerySchema } from "../audit-log/schemas";
import { listTenantAuditLog } from "../audit-log/service";
import {
  getTenant,
  listTenants,
  provisionTenant,
  resumeTenant,
  suspendTenant,
  updateTenant,
} from "./admin-service";
import {
  ProvisionTenantSchema,
  TenantIdParamSchema,
  TenantSchema,
  UpdateTenantSchema,
} from "./schemas";

const tags = ["operators"];
const security = operatorSecurity;
const operatorErrors = errorResponses("admin");
const operatorBodyErrors = errorResponses("admin", { body: "json" });
/** PATCH's body: also the reservation hold, in minutes (null: back to the default of 30). */
const UpdateTenantBodySchema = z
  .strictObject({
    ...UpdateTenantSchema.shape,
    reservation_hold_minutes: z.number().int().min(1).max(10_080).nullable().optional().openapi({
      description:
        "How long a pending order holds its stock before it expires, in minutes (1 to 10080, a week); null restores the default of 30. Applies to orders created afterwards.",
      example: 45,
    }),
  })
  .openapi("UpdateTenant");

const tenantResponse = (description: string) => jsonResponse("admin", description, TenantSchema);
const notFound = { 404: problemFor("admin", "No such tenant (not_found)") } as const;
const issuerTaken = problemFor("admin", "The IdP issuer belongs to another tenant (conflict)");

const ProvisionedSchema = z
  .object({ tenant: TenantSchema, api_key: CreatedApiKeySchema })
  .openapi("ProvisionedTenant");

const routes = {
  provision: createRoute({
    method: "post",
    path: "/",
    tags,
    security,
    operationId: "provisionTenant",
    description:
      "Creates a tenant (name, plan, optional limits and IdP settings) and its first admin API key, whose secret is shown only in this response.",
    summary: "Provision a tenant with its first admin API key (shown once)",
    request: {
      body: { required: true, content: { "application/json": { schema: ProvisionTenantSchema } } },
    },
    responses: {
      201: jsonResponse("admin", "Provisioned", ProvisionedSchema),
      409: issuerTaken,
      ...operatorBodyErrors,
    },
  }),
  list: createRoute({
    method: "get",
    path: "/",
    tags,
    security,
    operationId: "listTenants",
    description: "Every tenant, newest first. Cursor pagination.",
    summary: "List tenants",
    request: { query: ListQuerySchema },
    responses: {
      200: jsonResponse(
        "admin",
        "A page of tenants",
        listEnvelope(TenantSchema).openapi("TenantList"),
      ),
      ...operatorErrors,
    },
  }),
  get: createRoute({
    method: "get",
    path: "/{id}",
    tags,
    security,
    operationId: "getTenant",
    description: "A tenant with its plan, limit overrides, IdP settings and status.",
    summary: "Get a tenant",
    request: { params: TenantIdParamSchema },
    responses: { 200: tenantResponse("The tenant"), ...notFound, ...operatorErrors },
  }),
  update: createRoute({
    method: "patch",
    path: "/{id}",
    tags,
    security,
    operationId: "updateTenant",
    description:
      "Changes a tenant's name, plan, limit overrides, IdP settings or the reservation hold of its pending orders; an IdP issuer may belong to one tenant only.",
    summary: "Change a tenant's name, plan, limit overrides, IdP settings or reservation hold",
    request: {
      params: TenantIdParamSchema,
      body: { required: true, content: { "application/json": { schema: UpdateTenantBodySchema } } },
    },
    responses: {
      200: tenantResponse("Updated"),
      ...notFound,
      409: issuerTaken,
      ...operatorBodyErrors,
    },
  }),
  suspend: createRoute({
    method: "post",
    path: "/{id}/suspend",
    tags,
    security,
    operationId: "suspendTenant",
    description:
      "Suspends the tenant: its calls and signed links are refused with 403 tenant_suspended within 5 seconds; its data is kept.",
    summary: "Suspend a tenant (its calls get 403 tenant_suspended within 5 s; data kept)",
    request: { params: TenantIdParamSchema },
    responses: { 200: tenantResponse("Suspended"), ...notFound, ...operatorErrors },
  }),
  resume: createRoute({
    method: "post",
    path: "/{id}/resume",
    tags,
    security,
    operationId: "resumeTenant",
    description:
      "Makes a suspended or offboarding tenant active again (cancelling a scheduled deletion).",
    summary: "Resume a suspended tenant",
    request: { params: TenantIdParamSchema },
    responses: { 200: tenantResponse("Active again"), ...notFound, ...operatorErrors },
  }),
  auditLog: createRoute({
    method: "get",
    path: "/{id}/audit-log",
    tags,
    security,
    operationId: "listTenantAuditLog",
    description: "The audit log of any tenant, newest first, for operators.",
    summary: "A tenant's audit log",
    request: { params: TenantIdParamSchema, query: AuditQuerySchema },
    responses: {
      200: jsonResponse("admin", "A page of audit entries", AuditListSchema),
      ...notFound,
      ...operatorErrors,
    },
  }),
} satisfies Record<string, RouteConfig>;

/** /admin/tenants (operator token). */
export const adminTenantRoutes = createRouter()
  .openapi(routes.provision, async (c) =>
    c.json(await provisionTenant({ ctx: operatorContext(c), input: c.req.valid("json") }), 201),
  )
  .openapi(routes.list, async (c) =>
    c.json(await listTenants({ ctx: operatorContext(c), query: c.req.valid("query") }), 200),
  )
  .openapi(routes.get, async (c) =>
    c.json(await getTenant({ ctx: operatorContext(c), id: c.req.valid("param").id }), 200),
  )
  .openapi(routes.update, async (c) =>
    c.json(
      await updateTenant({
        ctx: operatorContext(c),
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      }),
      200,
    ),
  )
  .openapi(routes.suspend, async (c) =>
    c.json(await suspendTenant({ ctx: operatorContext(c), id: c.req.valid("param").id }), 200),
  )
  .openapi(routes.resume, async (c) =>
    c.json(
      await resumeTenant({ ctx: operatorContext(c), id: c.req.valid("param").id, env: c.env }),
      200,
    ),
  )
  .openapi(routes.auditLog, async (c) =>
    c.json(
      await listTenantAuditLog({
        ctx: operatorContext(c),
        tenantId: c.req.valid("param").id,
        query: c.req.valid("query"),
      }),
      200,
    ),
  );
