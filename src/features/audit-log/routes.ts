import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { createRouter, errorResponses, jsonResponse, tenantSecurity } from "../../platform/openapi";
import { AuditListSchema, AuditQuerySchema } from "./schemas";
import { listAuditLog } from "./service";

const list = createRoute({
  method: "get",
  path: "/",
  tags: ["audit-log"],
  security: tenantSecurity,
  operationId: "listAuditLog",
  description:
    "Who (credential and role) changed what, newest first, with the request id of each change.",
  summary: "The tenant's audit log (admin)",
  middleware: [requireRole("admin")] as const,
  request: { query: AuditQuerySchema },
  responses: {
    200: jsonResponse("v2", "A page of audit entries", AuditListSchema),
    ...errorResponses("v2"),
  },
});

/** /v2/audit-log */
export const auditLogRoutes = createRouter().openapi(list, async (c) =>
  c.json(await listAuditLog({ ctx: serviceContext(c), query: c.req.valid("query") }), 200),
);
