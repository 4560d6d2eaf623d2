import { createRoute, z } from "@hono/zod-openapi";
import { bearerToken } from "../../platform/auth/middleware";
import { operatorAuth } from "../../platform/auth/operator";
import { AppError } from "../../platform/errors";
import { hubOf } from "../../platform/event-log";
import {
  createRouter,
  errorResponses,
  headersFor,
  jsonResponse,
  operatorSecurity,
} from "../../platform/openapi";
import { storableString, timestamp } from "../../platform/schemas";
import {
  type Credential,
  isOperatorTicket,
  OPS_HUB,
  type OperatorConnectRequest,
  operatorFingerprint,
} from "../events/hub-protocol";
import { issueStreamTicket, streamAnswer, streamKind } from "../events/stream";

/**
 * The operators' live stream (the /ops console's push): the tenant hubs report to the ops hub
 * (features/events/hub.ts, OPS_HUB) after each notification, connect and close, and the ops hub
 * pushes each report to the operators' sockets. docs/live-updates.md, "The ops console".
 */

export const OperatorStreamTicketSchema = z
  .object({
    ticket: z.string().openapi({ description: "Use once, as `?ticket=` on GET /ops/stream" }),
    expires_at: timestamp(),
  })
  .openapi("OperatorStreamTicket");

const OpsStreamQuerySchema = z.strictObject({
  after: storableString(64).optional().openapi({
    description:
      "The `id` of the last report received: what followed is replayed if the ops hub still holds it, otherwise the stream starts with `reset`",
    example: "3f9a61c2.42",
  }),
  ticket: storableString(200)
    .optional()
    .openapi({ description: "A ticket from POST /admin/ops/stream-tickets (browsers)" }),
});

/** The operator credential of a request that passed operatorAuth: its token's fingerprint. */
async function operatorCredential(authorization: string | undefined): Promise<Credential> {
  return { kind: "operator", id: await operatorFingerprint(bearerToken(authorization) ?? "") };
}

export const operatorTicketRoute = createRoute({
  method: "post",
  path: "/stream-tickets",
  tags: ["ops"],
  security: operatorSecurity,
  operationId: "createOperatorStreamTicket",
  summary: "Get a single-use ticket to open the operators' live stream from a browser",
  description:
    "Browsers cannot send `Authorization` on an EventSource or a WebSocket: open `GET /ops/stream?ticket=<ticket>` instead, once, within 60 seconds. The stream closes (4001) when the operator token it was issued with is rotated.",
  responses: {
    201: jsonResponse("admin", "The ticket", OperatorStreamTicketSchema),
    ...errorResponses("admin"),
  },
});

/** POST /admin/ops/stream-tickets (behind operatorAuth, in routes.ts). */
export async function issueOperatorTicket(
  env: Parameters<typeof hubOf>[0],
  authorization?: string,
) {
  return issueStreamTicket(env, {
    tenantId: OPS_HUB,
    role: "admin",
    credential: await operatorCredential(authorization),
    operator: true,
  });
}

const stream = createRoute({
  method: "get",
  path: "/",
  tags: ["ops"],
  security: [...operatorSecurity, { streamTicket: [] }],
  operationId: "streamOperatorReports",
  summary: "Receive every tenant's activity live (operators; WebSocket or server-sent events)",
  description:
    'What the /ops console listens to instead of polling. Each time a tenant\'s event hub is notified of a commit, or a live socket opens or closes, a report `{"id", "type": "tenant.activity", "at", "tenant_id", "open_connections", "connections", "messages_pushed", "slow_consumer_closes", "wake_ups"}` is pushed; the console reloads that tenant\'s figures. Open it as a **WebSocket** (`Upgrade: websocket`) or with `Accept: text/event-stream` (**SSE**: `id:` = the report\'s id, `event:` = its type, `data:` = the JSON). The first message is `{"id", "type": "reset"}` (load every figure, then apply the reports that follow) unless `after` (or `Last-Event-ID`) names a report the ops hub still holds, in which case what followed it is replayed. Heartbeats `{"type":"heartbeat"}` (SSE: comments) every 25 s; a text `ping` is answered with one. A rotated operator token closes the stream with 4001. Browsers authenticate with `?ticket=` from `POST /admin/ops/stream-tickets`.',
  request: {
    query: OpsStreamQuerySchema,
    headers: z.object({
      "last-event-id": storableString(64)
        .optional()
        .openapi({ description: "SSE resume: the last report's id (as `after`)" }),
    }),
  },
  responses: {
    101: { description: "Switched to a WebSocket carrying the reports" },
    200: {
      description: "The SSE stream",
      headers: headersFor("admin"),
      content: { "text/event-stream": { schema: z.string() } },
    },
    ...errorResponses("admin"),
  },
});

/** GET /ops/stream: a ticket, or the operator token in Authorization (then checked here). */
export const opsStreamRoutes = createRouter();

opsStreamRoutes.use("*", async (c, next) => {
  if (c.req.query("ticket") !== undefined && !c.req.header("authorization")) {
    await next();
    return;
  }
  await operatorAuth()(c, next);
});

opsStreamRoutes.openapi(stream, async (c) => {
  const query = c.req.valid("query");
  const websocket = streamKind(c) === "websocket";
  const connect: OperatorConnectRequest = {
    after: query.after ?? c.req.valid("header")["last-event-id"],
  };
  const authorization = c.req.header("authorization");
  if (authorization) {
    // operatorAuth() let it through: the configured token.
    connect.credential = await operatorCredential(authorization);
  } else if (query.ticket && isOperatorTicket(query.ticket)) {
    connect.ticket = query.ticket;
  } else {
    throw new AppError("unauthenticated", "The ticket is unknown, used or expired.");
  }
  const answer = await hubOf(c.env, OPS_HUB).fetch("https://hub/ops/connect", {
    headers: { upgrade: "websocket", "x-connect": JSON.stringify(connect) },
  });
  return (await streamAnswer(answer, websocket)) as never;
});
