import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { authErrorResponses, createRouter, problemResponse } from "../../platform/openapi";
import { linkOptions } from "./links";
import { ExportIdParamSchema, TenantExportSchema } from "./schemas";
import { getOwnExport, requestExport } from "./service";

const tags = ["tenant"];
const security = [{ bearer: [] }];
const exportResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: TenantExportSchema } },
});

const routes = {
  request: createRoute({
    method: "post",
    path: "/export",
    tags,
    security,
    summary: "Export the tenant's data as NDJSON to R2 (admin); runs in the background",
    middleware: [requireRole("admin")] as const,
    responses: {
      202: exportResponse("Queued (or the export already running)"),
      ...authErrorResponses,
    },
  }),
  get: createRoute({
    method: "get",
    path: "/exports/{id}",
    tags,
    security,
    summary: "An export's progress and, once completed, signed download links (admin)",
    middleware: [requireRole("admin")] as const,
    request: { params: ExportIdParamSchema },
    responses: {
      200: exportResponse("The export"),
      404: problemResponse("No such export in this tenant"),
      ...authErrorResponses,
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
