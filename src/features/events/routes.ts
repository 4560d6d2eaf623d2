import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import {
  createRouter,
  errorResponses,
  jsonResponse,
  problemFor,
  tenantSecurity,
} from "../../platform/openapi";
import { EventIdParamSchema, EventListQuerySchema, EventListSchema, EventSchema } from "./schemas";
import { getEvent, listEvents } from "./service";

const tags = ["events"];
const security = tenantSecurity;

const list = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  operationId: "listEvents",
  description:
    "The tenant's events (the outbox behind webhooks), newest first, optionally filtered by type.",
  summary: "List the tenant's events (the outbox), newest first (admin)",
  middleware: [requireRole("admin")] as const,
  request: { query: EventListQuerySchema },
  responses: {
    200: jsonResponse("v2", "A page of events", EventListSchema),
    ...errorResponses("v2"),
  },
});

const get = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security,
  operationId: "getEvent",
  description:
    "One event with the resource as it was after the change, and when it was handed to webhook delivery.",
  summary: "Get one event (admin)",
  middleware: [requireRole("admin")] as const,
  request: { params: EventIdParamSchema },
  responses: {
    200: jsonResponse("v2", "The event", EventSchema),
    404: problemFor("v2", "No such event in this tenant (not_found)"),
    ...errorResponses("v2"),
  },
});

/** /v2/events (resend lives with the webhook delivery feature). */
export const eventRoutes = createRouter()
  .openapi(list, async (c) =>
    c.json(await listEvents({ ctx: serviceContext(c), query: c.req.valid("query") }), 200),
  )
  .openapi(get, async (c) =>
    c.json(await getEvent({ ctx: serviceContext(c), id: c.req.valid("param").id }), 200),
  );
