import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { getConfig } from "../../env";
import { operatorContext } from "../../platform/context";
import {
  createRouter,
  errorResponses,
  jsonResponse,
  operatorSecurity,
  problemFor,
} from "../../platform/openapi";
import { TenantIdParamSchema } from "../tenants/schemas";
import { linkOptions } from "./links";
import { OffboardingSchema, TenantExportSchema } from "./schemas";
import { getLatestExport, offboardTenant } from "./service";

const tags = ["operators"];
const security = operatorSecurity;
const operatorErrors = errorResponses("admin");

const routes = {
  offboard: createRoute({
    method: "post",
    path: "/{id}/offboard",
    tags,
    security,
    operationId: "offboardTenant",
    description:
      "Suspends the tenant at once, queues its final export and schedules its deletion after the grace period; resuming the tenant cancels the deletion.",
    summary:
      "Offboard a tenant: suspended now, exported to R2, deleted after the grace period (resume cancels)",
    request: { params: TenantIdParamSchema },
    responses: {
      202: jsonResponse("admin", "Suspended; the export is queued", OffboardingSchema),
      404: problemFor("admin", "No such tenant (not_found)"),
      ...operatorErrors,
    },
  }),
  export: createRoute({
    method: "get",
    path: "/{id}/export",
    tags,
    security,
    operationId: "getTenantLatestExport",
    description:
      "The tenant's most recent export (typically the offboarding one) with signed download links once completed.",
    summary: "A tenant's latest export: progress and signed download links",
    request: { params: TenantIdParamSchema },
    responses: {
      200: jsonResponse("admin", "The export", TenantExportSchema),
      404: problemFor("admin", "No such tenant, or no export yet (not_found)"),
      ...operatorErrors,
    },
  }),
} satisfies Record<string, RouteConfig>;

/** /admin/tenants/{id}/offboard and /admin/tenants/{id}/export (operator token). */
export const adminOffboardingRoutes = createRouter()
  .openapi(routes.offboard, async (c) =>
    c.json(
      await offboardTenant({
        ctx: operatorContext(c),
        id: c.req.valid("param").id,
        jobs: c.env.JOBS,
        graceDays: getConfig(c.env).TENANT_DELETION_GRACE_DAYS,
        links: linkOptions(c),
      }),
      202,
    ),
  )
  .openapi(routes.export, async (c) =>
    c.json(
      await getLatestExport({
        ctx: operatorContext(c),
        id: c.req.valid("param").id,
        links: linkOptions(c),
      }),
      200,
    ),
  );
