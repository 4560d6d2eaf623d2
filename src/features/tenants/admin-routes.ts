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
  pauseTenantWebhooks,
  provisionTenant,
  resumeTenant,
  resumeTenantWebhooks,
  suspendTenant,
  updateTenant,
} from "./admin-service";
import {
  OptionalReasonBodySchema,
  PauseWebhooksSchema,
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
const deletedConflict = {
  409: problemFor("admin", "The tenant is deleted (conflict)"),
} as const;
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
      "Suspends the tenant: its calls and signed links are refused with 403 tenant_suspended within 5 seconds; its data is kept. The optional `reason` (recommended) is stored as the tenant's `status_reason` and in the audit log; without one, `(no reason given)` is recorded. Suspending a suspended tenant changes nothing.",
    summary: "Suspend a tenant (its calls get 403 tenant_suspended within 5 s; data kept)",
    request: {
      params: TenantIdParamSchema,
      body: {
        required: false,
        content: { "application/json": { schema: OptionalReasonBodySchema } },
      },
    },
    responses: { 200: tenantResponse("Suspended"), ...notFound, ...operatorBodyErrors },
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
  pauseWebhooks: createRoute({
    method: "post",
    path: "/{id}/webhooks/pause",
    tags,
    security,
    operationId: "pauseTenantWebhooks",
    description:
      "Holds every new or retried webhook delivery of the tenant (within 5 seconds), as for a suspended tenant: nothing is sent, lost or spent, no endpoint's breaker counts it. The tenant's API keeps working. The reason is required and recorded in the audit log. Pausing a paused tenant is 200 and changes nothing (the first pause's time and reason stay).",
    summary: "Pause a tenant's webhook deliveries (held until resumed; API unaffected)",
    request: {
      params: TenantIdParamSchema,
      body: { required: true, content: { "application/json": { schema: PauseWebhooksSchema } } },
    },
    responses: {
      200: tenantResponse("Paused"),
      ...notFound,
      ...deletedConflict,
      ...operatorBodyErrors,
    },
  }),
  resumeWebhooks: createRoute({
    method: "post",
    path: "/{id}/webhooks/resume",
    tags,
    security,
    operationId: "resumeTenantWebhooks",
    description:
      "Ends a webhook pause and releases the held deliveries oldest first (as a tenant's resume does), unless the tenant is suspended or offboarding: its holds then wait for the tenant's resume. Resuming an unpaused tenant is 200 and releases whatever is still held.",
    summary: "Resume a tenant's webhook deliveries (held ones released oldest first)",
    request: { params: TenantIdParamSchema },
    responses: {
      200: tenantResponse("Deliveries resumed"),
      ...notFound,
      ...deletedConflict,
      ...operatorErrors,
    },
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
    c.json(
      await suspendTenant({
        ctx: operatorContext(c),
        id: c.req.valid("param").id,
        reason: c.req.valid("json")?.reason,
      }),
      200,
    ),
  )
  .openapi(routes.resume, async (c) =>
    c.json(
      await resumeTenant({ ctx: operatorContext(c), id: c.req.valid("param").id, env: c.env }),
      200,
    ),
  )
  .openapi(routes.pauseWebhooks, async (c) =>
    c.json(
      await pauseTenantWebhooks({
        ctx: operatorContext(c),
        id: c.req.valid("param").id,
        reason: c.req.valid("json").reason,
      }),
      200,
    ),
  )
  .openapi(routes.resumeWebhooks, async (c) =>
    c.json(
      await resumeTenantWebhooks({
        ctx: operatorContext(c),
        id: c.req.valid("param").id,
        env: c.env,
      }),
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
