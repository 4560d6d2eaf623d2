import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { decodeJwt } from "jose";
import type { Env } from "../../env";
import { authenticate, bearerToken } from "../../platform/auth/middleware";
import type { AppEnv } from "../../platform/context";
import { AppError, type ErrorCode } from "../../platform/errors";
import { hubOf } from "../../platform/event-log";
import {
  createRouter,
  errorResponses,
  headersFor,
  problemFor,
  tenantSecurity,
} from "../../platform/openapi";
import { rateLimit } from "../../platform/rate-limit/middleware";
import { storableString } from "../../platform/schemas";
import { StreamQuerySchema } from "./feed-schemas";
import {
  CLOSE,
  type ConnectRequest,
  type Credential,
  type TicketRequest,
  ticketTenant,
} from "./hub-protocol";

/** Bytes an SSE response may hold for a client that does not read before it is ended (4008). */
export const SSE_BUFFER_BYTES = 1 << 20;

/** The credential of the request, as the hub rechecks it. */
export function credentialOf(c: Context<AppEnv>): Credential {
  const principal = c.var.principal;
  if (!principal) throw new AppError("unauthenticated");
  let expiresAt: number | undefined;
  if (principal.actor.type !== "api_key") {
    try {
      expiresAt = decodeJwt(bearerToken(c.req.header("authorization")) ?? "").exp;
    } catch {
      expiresAt = undefined;
    }
  }
  return { kind: principal.actor.type, id: principal.actor.id, expiresAt };
}

/** A single-use ticket from the tenant's hub (it is redeemed there, with the socket). */
export async function issueStreamTicket(
  env: Env,
  request: TicketRequest,
): Promise<{ ticket: string; expires_at: string }> {
  const response = await hubOf(env, request.tenantId).fetch("https://hub/tickets", {
    method: "POST",
    body: JSON.stringify(request),
  });
  if (!response.ok) throw new Error(`event hub answered ${response.status} to a ticket`);
  return (await response.json()) as { ticket: string; expires_at: string };
}

/**
 * GET /v2/events/stream. A ticket (`?ticket=`, for browsers) stands in for the credential; any
 * other request authenticates and is rate-limited as every /v2 request is.
 */
export const eventStreamRoutes = createRouter();

eventStreamRoutes.use("*", async (c, next) => {
  if (c.req.query("ticket") !== undefined && !c.req.header("authorization")) {
    await next();
    return;
  }
  await authenticate()(c, async () => {
    await rateLimit()(c, next);
  });
});

const stream = createRoute({
  method: "get",
  path: "/",
  tags: ["events"],
  // A bearer credential, or (browsers) a single-use ticket in the query.
  security: [...tenantSecurity, { streamTicket: [] }],
  operationId: "streamEvents",
  summary: "Receive the change feed live, as a WebSocket or as server-sent events (any role)",
  description:
    'The events of `GET /v2/events/feed`, pushed as they commit, with the same cursors and visibility. Open it as a **WebSocket** (`Upgrade: websocket`; each message is the JSON `{"cursor", "event"}`, heartbeats are `{"type":"heartbeat"}` at least every 30 s, and a text `ping` is answered with one) or with `Accept: text/event-stream` as **SSE** (`id:` = cursor, `event:` = type, `data:` = the same JSON; heartbeats are comments). Resume with `after=<cursor>` or `Last-Event-ID`: per connection the events arrive in cursor order, with no gap and no duplicate across reconnects. A client more than 1,000 events behind is closed (WebSocket 4008, SSE stream ends) after the events it got and resumes from its last cursor; a revoked or expired credential closes it with 4001, a suspended tenant with 4003, within 60 s. Browsers authenticate with `?ticket=` from `POST /v2/stream-tickets` instead of `Authorization`. docs/live-updates.md.',
  request: {
    query: StreamQuerySchema,
    headers: z.object({
      "last-event-id": storableString(64)
        .optional()
        .openapi({ description: "SSE resume: the last cursor received (as `after`)" }),
    }),
  },
  responses: {
    101: { description: "Switched to a WebSocket carrying `{cursor, event}` messages" },
    200: {
      description: "The SSE stream",
      headers: headersFor("v2"),
      content: { "text/event-stream": { schema: z.string() } },
    },
    410: problemFor(
      "v2",
      "The cursor is older than retention (cursor_expired): `oldest_cursor` is where reading can resume",
    ),
    ...errorResponses("v2"),
  },
});

eventStreamRoutes.openapi(stream, async (c) => {
  const query = c.req.valid("query");
  const websocket = streamKind(c) === "websocket";
  const principal = c.var.principal;
  let tenantId: string;
  const connect: ConnectRequest = {
    tenantId: "",
    after: query.after ?? c.req.valid("header")["last-event-id"],
    types: query.types,
  };
  if (principal) {
    tenantId = principal.tenantId;
    connect.principal = { role: principal.role, credential: credentialOf(c) };
  } else {
    const tenant = ticketTenant(query.ticket ?? "");
    if (!tenant) throw new AppError("unauthenticated", "The ticket is unknown, used or expired.");
    tenantId = tenant;
    connect.ticket = query.ticket;
  }
  connect.tenantId = tenantId;
  const answer = await hubOf(c.env, tenantId).fetch("https://hub/connect", {
    headers: { upgrade: "websocket", "x-connect": JSON.stringify(connect) },
  });
  return streamAnswer(answer, websocket) as never;
});

/**
 * How a stream route asks to be answered: a WebSocket upgrade, or `Accept: text/event-stream`;
 * anything else is a 400 (the tenants' stream and the operators' share it).
 */
export function streamKind(c: Context<AppEnv>): "websocket" | "sse" {
  if (c.req.header("upgrade")?.toLowerCase() === "websocket") return "websocket";
  if ((c.req.header("accept") ?? "").includes("text/event-stream")) return "sse";
  throw new AppError(
    "validation_failed",
    "Open the stream as a WebSocket, or with Accept: text/event-stream (SSE).",
    {
      errors: [
        { path: "accept", message: "must be text/event-stream without a WebSocket upgrade" },
      ],
    },
  );
}

/**
 * A hub's answer to a connect, as the client gets it: the platform's 101 (with its socket), the
 * SSE bridge over the hub's socket, or the hub's refusal as a problem.
 */
export async function streamAnswer(answer: Response, websocket: boolean): Promise<Response> {
  const socket = answer.webSocket;
  if (answer.status !== 101 || !socket) {
    const problem = (await answer.json().catch(() => ({}))) as {
      code?: ErrorCode;
      detail?: string;
      extensions?: Record<string, unknown>;
    };
    throw new AppError(problem.code ?? "internal", problem.detail, {
      ...(problem.extensions && { extensions: problem.extensions }),
    });
  }
  // The platform's 101 (with its socket) and the SSE stream are answered as they are.
  if (websocket) return new Response(null, { status: 101, webSocket: socket });
  return sseBridge(socket);
}

/**
 * SSE over the hub's socket: each `{cursor, event}` message becomes `id:`, `event:`, `data:`,
 * (the ops hub's `{id, type, …}` reports likewise), a heartbeat a comment. The response's buffer is bounded: a client that leaves more than
 * SSE_BUFFER_BYTES unread is ended (the hub socket closed 4008), and resumes with Last-Event-ID.
 */
function sseBridge(socket: WebSocket): Response {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(undefined, {
    highWaterMark: SSE_BUFFER_BYTES,
    size: (chunk) => chunk.byteLength,
  });
  const writer = writable.getWriter();
  const encoder = new TextEncoder();
  let open = true;
  const end = (code: number, reason: string) => {
    if (!open) return;
    open = false;
    writer.close().catch(() => {});
    try {
      socket.close(code, reason);
    } catch {
      // Already closed.
    }
  };
  const write = (text: string) => {
    if (!open) return;
    if ((writer.desiredSize ?? 0) <= 0) {
      end(CLOSE.slowConsumer, "Too far behind: resume with Last-Event-ID.");
      return;
    }
    writer.write(encoder.encode(text)).catch(() => end(1000, "The client went away."));
  };
  socket.accept();
  socket.addEventListener("message", (message) => {
    const text = typeof message.data === "string" ? message.data : "";
    const parsed = JSON.parse(text) as {
      type?: string;
      id?: string;
      cursor?: string;
      event?: { type: string };
    };
    if (parsed.type === "heartbeat") write(": heartbeat\n\n");
    else if (parsed.cursor && parsed.event) {
      write(`id: ${parsed.cursor}\nevent: ${parsed.event.type}\ndata: ${text}\n\n`);
    } else if (parsed.id && parsed.type) {
      write(`id: ${parsed.id}\nevent: ${parsed.type}\ndata: ${text}\n\n`);
    }
  });
  socket.addEventListener("close", (event) => {
    if (open) write(`: closed ${event.code} ${event.reason}\n\n`);
    end(1000, "");
  });
  write(": connected\n\n");
  return new Response(readable, {
    status: 200,
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      "x-accel-buffering": "no",
    },
  });
}
