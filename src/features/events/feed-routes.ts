import { createRoute } from "@hono/zod-openapi";
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
import { readFeed } from "./feed";
import { FeedPageSchema, FeedQuerySchema, StreamTicketSchema } from "./feed-schemas";
import { credentialOf, issueStreamTicket } from "./stream";

const tags = ["events"];
const security = tenantSecurity;

const feed = createRoute({
  method: "get",
  path: "/feed",
  tags,
  security,
  operationId: "readEventFeed",
  summary: "Read the change feed: the tenant's events in commit order, oldest first (any role)",
  description:
    "Every event a webhook can carry, in the tenant's commit order: reading from a cursor never skips an event that commits later. Viewers and editors see `book.*`, `order.*` and `file.uploaded`; admins every type. Poll with `after=<next_cursor>`; `after=latest` starts after the newest event. The same events arrive live on `GET /v2/events/stream` (WebSocket or `Accept: text/event-stream`), with the same cursors.",
  middleware: [requireRole("viewer")] as const,
  request: { query: FeedQuerySchema },
  responses: {
    200: jsonResponse("v2", "A page of the feed", FeedPageSchema),
    410: problemFor(
      "v2",
      "The cursor is older than retention (cursor_expired): `oldest_cursor` is where reading can resume",
    ),
    ...errorResponses("v2"),
  },
});

const ticket = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  operationId: "createStreamTicket",
  summary: "Get a single-use ticket to open the event stream from a browser (any role)",
  description:
    "Browsers cannot send `Authorization` on a WebSocket: open `GET /v2/events/stream?ticket=<ticket>` instead, once, within 60 seconds. The stream then runs with this credential's role, and closes (4001/4003) when the credential is revoked or expires or the tenant is suspended.",
  parameters: idempotencyKeyParameter,
  // Keyed like every write: a retry with the same key gets the same ticket (still single use).
  middleware: [requireRole("viewer"), idempotent()] as const,
  responses: {
    201: jsonResponse("v2", "The ticket", StreamTicketSchema, { keyed: true }),
    ...errorResponses("v2", { keyed: true }),
  },
});

/** /v2/events/feed (declared before /v2/events/{id}). */
export const eventFeedRoutes = createRouter().openapi(feed, async (c) => {
  const body = await readFeed({ ctx: serviceContext(c), query: c.req.valid("query") });
  // The page is already JSON (FeedPage): parsing it only to serialize it again cost most of a
  // 1,000-event read (docs/live-updates.md).
  return c.body(body, 200, { "content-type": "application/json" }) as never;
});

/** /v2/stream-tickets */
export const streamTicketRoutes = createRouter().openapi(ticket, async (c) => {
  const ctx = serviceContext(c);
  const issued = await issueStreamTicket(c.env, {
    tenantId: ctx.tenantId,
    role: ctx.role,
    credential: credentialOf(c),
  });
  return c.json(issued, 201);
});
