import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { idempotent } from "../../platform/idempotency/middleware";
import {
  createRouter,
  errorResponses,
  idempotencyKeyParameter,
  jsonResponse,
  problemFor,
  tenantSecurity,
} from "../../platform/openapi";
import { linkOptions } from "./links";
import { ExportIdParamSchema, TenantExportSchema } from "./schemas";
import { getOwnExport, requestExport } from "./service";

const tags = ["tenant"];
const security = tenantSecurity;
const keyed = { keyed: true } as const;

const routes = {
  request: createRoute({
    method: "post",
    path: "/export",
    tags,
    security,
    operationId: "requestTenantExport",
    description:
      "Queues an export of every tenant table as NDJSON files on R2; while one is running the same export is returned. Poll GET /v2/tenant/exports/{id} for its progress.",
    parameters: idempotencyKeyParameter,
    summary: "Export the tenant's data as NDJSON to R2 (admin); runs in the background",
    middleware: [requireRole("admin"), idempotent()] as const,
    responses: {
      202: jsonResponse("v2", "Queued (or the export already running)", TenantExportSchema, keyed),
      ...errorResponses("v2", keyed),
    },
  }),
  get: createRoute({
    method: "get",
    path: "/exports/{id}",
    tags,
    security,
    operationId: "getTenantExport",
    description:
      "Progress of an export and, once completed, a signed download link per file (valid for the time in `links_expire_at`).",
    summary: "An export's progress and, once completed, signed download links (admin)",
    middleware: [requireRole("admin")] as const,
    request: { params: ExportIdParamSchema },
    responses: {
      200: jsonResponse("v2", "The export", TenantExportSchema),
      404: problemFor("v2", "No such export in this tenant (not_found)"),
      ...errorResponses("v2"),
    },
  }),
} satisfies Record<string, RouteConfig>;

/** /v2/tenant/export, /v2/tenant/exports/{id} */
export const tenantExportRoutes = createRouter()
  .openapi(routes.request, async (c) =>
    c.json(
      await requestExport({ ctx: serviceContext(c), jobs: c.env.JOBS, links: linkOptions(c) }),
      202,
    ),
  )
  .openapi(routes.get, async (c) =>
    c.json(
      await getOwnExport({
        ctx: serviceContext(c),
        id: c.req.valid("param").id,
        links: linkOptions(c),
      }),
      200,
    ),
  );
