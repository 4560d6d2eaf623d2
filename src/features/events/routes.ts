import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { authErrorResponses, createRouter, problemResponse } from "../../platform/openapi";
import { EventIdParamSchema, EventListQuerySchema, EventListSchema, EventSchema } from "./schemas";
import { getEvent, listEvents } from "./service";

const tags = ["events"];
const security = [{ bearer: [] }];

const list = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  summary: "List the tenant's events (the outbox), newest first (admin)",
  middleware: [requireRole("admin")] as const,
  request: { query: EventListQuerySchema },
  responses: {
    200: {
      description: "A page of events",
      content: { "application/json": { schema: EventListSchema } },
    },
    ...authErrorResponses,
  },
});

const get = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security,
  summary: "Get one event (admin)",
  middleware: [requireRole("admin")] as const,
  request: { params: EventIdParamSchema },
  responses: {
    200: { description: "The event", content: { "application/json": { schema: EventSchema } } },
    404: problemResponse("No such event in this tenant"),
    ...authErrorResponses,
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
