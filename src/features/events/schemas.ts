import { z } from "@hono/zod-openapi";
import { EVENT_TYPES } from "../../platform/outbox";
import { ListQuerySchema, listEnvelope } from "../../platform/pagination";
import { idString, timestamp } from "../../platform/schemas";

export const EventListQuerySchema = ListQuerySchema.extend({
  type: z.enum(EVENT_TYPES).optional().openapi({ example: "order.created" }),
});
export type EventListQuery = z.infer<typeof EventListQuerySchema>;

export const EventSchema = z
  .object({
    id: z.string().openapi({ example: "evt_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
    type: z.enum(EVENT_TYPES),
    timestamp: timestamp().openapi({ description: "As in the webhook body" }),
    data: z.unknown().openapi({ description: "The resource as it was after the change" }),
    created_at: timestamp(),
    dispatched_at: timestamp()
      .nullable()
      .openapi({ description: "When the event was handed to webhook delivery" }),
  })
  .openapi("Event");

export const EventListSchema = listEnvelope(EventSchema).openapi("EventList");

export const EventIdParamSchema = z.object({
  id: idString().openapi({ param: { in: "path" }, example: "evt_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
});
