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
import { linkOptions } from "../exports/links";
import { TenantExportSchema } from "../exports/schemas";
import { getLatestExport } from "../exports/service";
import { OptionalReasonBodySchema, TenantIdParamSchema } from "../tenants/schemas";
import { restoreTenant } from "./restore";
import { RestoreResultSchema, RestoreTenantSchema } from "./restore-schemas";
import { OffboardingSchema } from "./schemas";
import { offboardTenant } from "./service";

const tags = ["operators"];
const security = operatorSecurity;
const operatorErrors = errorResponses("admin");
const operatorBodyErrors = errorResponses("admin", { body: "json" });

const routes = {
  offboard: createRoute({
    method: "post",
    path: "/{id}/offboard",
    tags,
    security,
    operationId: "offboardTenant",
    description:
      "Suspends the tenant at once, queues its final export and schedules its deletion after the grace period; resuming the tenant cancels the deletion. The optional `reason` (recommended) is stored as the tenant's `status_reason` and in the audit log; without one, `(no reason given)` is recorded.",
    summary:
      "Offboard a tenant: suspended now, exported to R2, deleted after the grace period (resume cancels)",
    request: {
      params: TenantIdParamSchema,
      body: {
        required: false,
        content: { "application/json": { schema: OptionalReasonBodySchema } },
      },
    },
    responses: {
      202: jsonResponse("admin", "Suspended; the export is queued", OffboardingSchema),
      404: problemFor("admin", "No such tenant (not_found)"),
      ...operatorBodyErrors,
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
  restore: createRoute({
    method: "post",
    path: "/{id}/restore",
    tags,
    security,
    operationId: "restoreTenant",
    description:
      "Loads a completed export (`exports/{source_tenant_id}/{export_id}/` in R2) into the tenant, which must hold no data yet. Every file's SHA-256 and row count is checked while it streams; the rows keep their ids and go in with one transaction, so a corrupt export or an id still in use writes nothing. Webhook endpoints come back disabled with a new secret, API keys revoked; file contents are copied from the source tenant's prefix. Synchronous, for exports up to 32 MiB (docs/runbooks/disaster-recovery.md).",
    summary: "Restore a tenant's data from an export (into an empty tenant)",
    request: {
      params: TenantIdParamSchema,
      body: { required: true, content: { "application/json": { schema: RestoreTenantSchema } } },
    },
    responses: {
      200: jsonResponse(
        "admin",
        "Restored: rows per table and file contents copied",
        RestoreResultSchema,
      ),
      404: problemFor("admin", "No such tenant, or no completed export with this id (not_found)"),
      409: problemFor(
        "admin",
        "The tenant already holds data (tenant_not_empty), or the export's rows still exist under another tenant (conflict)",
      ),
      422: problemFor(
        "admin",
        "A file does not match the manifest's checksum or row count, or is unreadable (export_corrupt); the export exceeds the route's size cap (export_too_large)",
      ),
      ...operatorBodyErrors,
    },
  }),
} satisfies Record<string, RouteConfig>;

/**
 * /admin/tenants/{id}/offboard, /export and /restore (operator token): a tenant's way out and back
 * in. `/export` shows the tenant's latest export (the offboarding one, as a rule) through the
 * exports feature's service.
 */
export const adminTenantLifecycleRoutes = createRouter()
  .openapi(routes.offboard, async (c) =>
    c.json(
      await offboardTenant({
        ctx: operatorContext(c),
        id: c.req.valid("param").id,
        reason: c.req.valid("json")?.reason,
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
  )
  .openapi(routes.restore, async (c) =>
    c.json(
      await restoreTenant({
        ctx: operatorContext(c),
        bucket: c.env.FILES,
        id: c.req.valid("param").id,
        input: c.req.valid("json"),
      }),
      200,
    ),
  );
