import { createRoute, z } from "@hono/zod-openapi";
import { authenticate } from "../../platform/auth/middleware";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { anyOf, READ_ONLY } from "../../platform/db";
import { webhookEndpoints } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { hubOf } from "../../platform/event-log";
import { isId } from "../../platform/ids";
import {
  createRouter,
  errorResponses,
  headersFor,
  problemFor,
  tenantSecurity,
} from "../../platform/openapi";
import { rateLimit } from "../../platform/rate-limit/middleware";
import { storableString } from "../../platform/schemas";
import { ATTEMPT_SOCKET_ENDPOINTS, type AttemptConnectRequest } from "../events/hub-protocol";
import { credentialOf, streamAnswer, streamKind } from "../events/stream";

/**
 * The webhook portal's live attempts: the delivery consumer tells the tenant's event hub of each
 * batch's attempts after it committed them (platform/webhooks/notify-attempts.ts), and the hub
 * pushes `attempt` messages to the sockets opened here for those endpoints. Not events of the
 * log: no cursor, no replay (a page that was away reloads the attempts). docs/webhook-portal.md.
 */

const PortalStreamQuerySchema = z.strictObject({
  endpoints: storableString(ATTEMPT_SOCKET_ENDPOINTS * 32).openapi({
    description: `The webhook endpoints to follow, comma-separated (1 to ${ATTEMPT_SOCKET_ENDPOINTS}); each must be the tenant's, or the answer is 404`,
    example: "whep_01jd8x3m5c7v9b1n3q5s7t9w2y,whep_01jd8x3m5c7v9b1n3q5s7t9w3z",
  }),
});

const stream = createRoute({
  method: "get",
  path: "/",
  tags: ["webhooks"],
  security: tenantSecurity,
  operationId: "streamWebhookAttempts",
  summary: "Receive webhook delivery attempts live (the delivery portal; admin or portal token)",
  description:
    'What the webhook delivery portal listens to instead of polling: each delivery attempt to one of `endpoints`, as it is recorded, as `{"id", "type": "attempt", "endpoint_id", "delivery_id", "event_id", "status" (delivered, failed or gone), "status_code", "at"}`: no payload, no response excerpt (read those with `GET /v2/webhook-endpoints/{id}/attempts`). Open it as a **WebSocket** (`Upgrade: websocket`) or with `Accept: text/event-stream` (**SSE**: `id:` = the message id, `event: attempt`, `data:` = the JSON). Heartbeats `{"type":"heartbeat"}` (SSE: comments) every 25 s; a text `ping` is answered with one. Nothing is replayed across a reconnect: reload the attempts, then listen. An expired portal token, or a revoked key that minted it, closes the stream with 4001 and a suspended tenant with 4003, within 60 s. The one stream a portal token may open (never `GET /v2/events/stream`).',
  middleware: [requireRole("admin")] as const,
  request: { query: PortalStreamQuerySchema },
  responses: {
    101: { description: "Switched to a WebSocket carrying `attempt` messages" },
    200: {
      description: "The SSE stream",
      headers: headersFor("v2"),
      content: { "text/event-stream": { schema: z.string() } },
    },
    404: problemFor("v2", "An endpoint that is not the tenant's (not_found)"),
    ...errorResponses("v2"),
  },
});

/** The endpoint ids of `?endpoints=`, or a 400. */
function endpointIds(value: string): string[] {
  const ids = [...new Set(value.split(",").map((id) => id.trim()))].filter(Boolean);
  if (ids.length === 0 || ids.length > ATTEMPT_SOCKET_ENDPOINTS) {
    throw new AppError(
      "validation_failed",
      `Name 1 to ${ATTEMPT_SOCKET_ENDPOINTS} webhook endpoints.`,
      {
        errors: [
          { path: "query.endpoints", message: `1 to ${ATTEMPT_SOCKET_ENDPOINTS} endpoint ids` },
        ],
      },
    );
  }
  return ids;
}

/** GET /portal/stream: authenticated and rate-limited as every /v2 request is. */
export const portalStreamRoutes = createRouter();

portalStreamRoutes.use("*", async (c, next) => {
  await authenticate()(c, async () => {
    await rateLimit()(c, next);
  });
});

portalStreamRoutes.openapi(stream, async (c) => {
  const websocket = streamKind(c) === "websocket";
  const ids = endpointIds(c.req.valid("query").endpoints);
  const ctx = serviceContext(c);
  const found = ids.every((id) => isId("whep", id))
    ? await ctx.database.tenant(
        (scope) =>
          scope.tx
            .select({ id: webhookEndpoints.id })
            .from(webhookEndpoints)
            .where(scope.where(webhookEndpoints, anyOf(webhookEndpoints.id, ids))),
        READ_ONLY,
      )
    : [];
  if (found.length !== ids.length) throw new AppError("not_found", "No such webhook endpoint.");
  const connect: AttemptConnectRequest = {
    tenantId: ctx.tenantId,
    endpoints: ids,
    credential: credentialOf(c),
  };
  const answer = await hubOf(c.env, ctx.tenantId).fetch("https://hub/attempts/connect", {
    headers: { upgrade: "websocket", "x-connect": JSON.stringify(connect) },
  });
  return (await streamAnswer(answer, websocket)) as never;
});
