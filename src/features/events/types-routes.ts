import { createRoute, z } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { EVENT_TYPES, eventTypeCatalog } from "../../platform/event-schemas";
import { createRouter, errorResponses, jsonResponse, tenantSecurity } from "../../platform/openapi";
import { timestamp } from "../../platform/schemas";

const EventTypeSchema = z
  .object({
    type: z.enum(EVENT_TYPES),
    description: z.string(),
    schema: z.record(z.string(), z.unknown()).openapi({
      description:
        "JSON Schema (2020-12) of the webhook body `{type, timestamp, data}` of this type",
    }),
    example: z
      .object({ type: z.enum(EVENT_TYPES), timestamp: timestamp(), data: z.unknown() })
      .openapi({ description: "An example webhook body of this type" }),
  })
  .openapi("EventType");

const EventTypeListSchema = z.object({ data: z.array(EventTypeSchema) }).openapi("EventTypeList");

const list = createRoute({
  method: "get",
  path: "/",
  tags: ["events"],
  security: tenantSecurity,
  middleware: [requireRole("viewer")] as const,
  operationId: "listEventTypes",
  description:
    "Every event type a webhook can receive, with its meaning, the JSON Schema of its body and an example. The same for every tenant (no tenant data); the OpenAPI document declares the same schemas under `webhooks`.",
  summary: "List the event types with their JSON Schemas (any role)",
  responses: {
    200: jsonResponse("v2", "The event catalog", EventTypeListSchema),
    ...errorResponses("v2"),
  },
});

/** Built once per isolate: the catalog is static. */
let catalog: ReturnType<typeof eventTypeCatalog> | undefined;

/** /v2/event-types */
export const eventTypeRoutes = createRouter().openapi(list, (c) => {
  catalog ??= eventTypeCatalog();
  return c.json({ data: catalog }, 200);
});
