import { z } from "@hono/zod-openapi";
import { MAX_PAGE } from "../../platform/event-log";
import { EVENT_TYPES } from "../../platform/event-schemas";
import { storableString, timestamp } from "../../platform/schemas";

const cursorParam = storableString(64).optional().openapi({
  description:
    "A cursor from this feed (an item's `cursor` or `next_cursor`), or `latest` to start after the newest event. Without it the feed starts at the oldest retained event.",
  example: "djEuNDI",
});

const typesParam = storableString(1000).optional().openapi({
  description:
    "Comma-separated event types; `order.*` matches every type under `order.`. Only the types the credential's role may see are returned.",
  example: "order.*,book.created",
});

export const FeedQuerySchema = z.strictObject({
  after: cursorParam,
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(100).openapi({ example: 100 }),
  types: typesParam,
});
export type FeedQuery = z.infer<typeof FeedQuerySchema>;

export const StreamQuerySchema = z.strictObject({
  after: cursorParam,
  types: typesParam,
  ticket: storableString(200)
    .optional()
    .openapi({ description: "A ticket from POST /v2/stream-tickets (browsers' WebSockets)" }),
});

export const FeedEventSchema = z
  .object({
    cursor: z.string().openapi({
      description: "Opaque and stable: resume after this event with `after=<cursor>`",
      example: "djEuNDI",
    }),
    event: z.object({
      id: z.string().openapi({ example: "evt_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
      type: z.enum(EVENT_TYPES),
      timestamp: timestamp(),
      data: z.unknown().openapi({ description: "The resource as it was after the change" }),
    }),
  })
  .openapi("FeedEvent");

export const FeedPageSchema = z
  .object({
    data: z.array(FeedEventSchema),
    next_cursor: z.string().openapi({
      description:
        "Where the next read starts (after the last item, or after every event committed when this page was read)",
      example: "djEuNDI",
    }),
    has_more: z.boolean(),
  })
  .openapi("FeedPage");

export const StreamTicketSchema = z
  .object({
    ticket: z.string().openapi({ description: "Use once, as `?ticket=` on GET /v2/events/stream" }),
    expires_at: timestamp(),
  })
  .openapi("StreamTicket");
