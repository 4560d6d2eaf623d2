import { serviceContext } from "../../platform/context";
import { listRoute } from "../../platform/list-route";
import { createRouter } from "../../platform/openapi";
import { AuditListSchema, AuditQuerySchema } from "./schemas";
import { listAuditLog } from "./service";

const list = listRoute({
  area: "v2",
  tags: ["audit-log"],
  operationId: "listAuditLog",
  description:
    "Who (credential and role) changed what, newest first, with the request id of each change.",
  summary: "The tenant's audit log (admin)",
  role: "admin",
  query: AuditQuerySchema,
  page: AuditListSchema,
  items: "audit entries",
});

/** /v2/audit-log */
export const auditLogRoutes = createRouter().openapi(list, async (c) =>
  c.json(await listAuditLog({ ctx: serviceContext(c), query: c.req.valid("query") }), 200),
);
