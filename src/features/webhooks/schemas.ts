import { z } from "@hono/zod-openapi";
import { EVENT_TYPES } from "../../platform/outbox";
import { ListQuerySchema, listEnvelope } from "../../platform/pagination";
import {
  idString,
  optionalText,
  storableRecord,
  storableString,
  timestamp,
} from "../../platform/schemas";

const EventTypesSchema = z
  .array(z.enum(EVENT_TYPES))
  .max(EVENT_TYPES.length)
  .refine((types) => new Set(types).size === types.length, "must not repeat a type")
  .openapi({ description: "Subscribed event types; an empty list means every type." });

/** Bounds of receiver-authentication headers (docs/webhooks.md, "Receiver authentication"). */
export const RECEIVER_HEADER_LIMITS = {
  count: 5,
  nameLength: 64,
  valueLength: 1024,
  /** Names and values together, in bytes (all ASCII). */
  totalLength: 4096,
} as const;

/** An RFC 9110 (7230) token. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Visible ASCII, with inner spaces (`Bearer abc`); no leading or trailing space, no control. */
const VISIBLE_VALUE = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;
/**
 * Names the sender sets or the transport owns: Standard Webhooks (`webhook-*`), the body's
 * framing (`content-*`, `content-length`, `transfer-encoding`), routing (`host`) and hop-by-hop
 * headers (RFC 9110 7.6.1), the user agent, and Cloudflare's own `cf-*`.
 */
const RESERVED_NAMES = new Set([
  "host",
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "user-agent",
]);
const RESERVED_PREFIXES = ["webhook-", "content-", "cf-"];

function reservedReason(name: string): string | null {
  const lower = name.toLowerCase();
  const prefix = RESERVED_PREFIXES.find((p) => lower.startsWith(p));
  if (prefix) return `"${name}": ${prefix}* headers are set by the platform`;
  if (RESERVED_NAMES.has(lower)) return `"${name}" is set by the platform or the transport`;
  return null;
}

/** Checks one headers object; each problem names the offending header. */
function checkReceiverHeaders(headers: Record<string, string>, ctx: z.RefinementCtx): void {
  const names = Object.keys(headers);
  const limits = RECEIVER_HEADER_LIMITS;
  if (names.length > limits.count) {
    ctx.addIssue({ code: "custom", message: `at most ${limits.count} headers` });
  }
  const seen = new Set<string>();
  let total = 0;
  for (const [name, value] of Object.entries(headers)) {
    const issue = (message: string) => ctx.addIssue({ code: "custom", path: [name], message });
    total += name.length + value.length;
    if (name.length === 0 || name.length > limits.nameLength || !TOKEN.test(name)) {
      issue(
        `"${name.slice(0, limits.nameLength)}" is not a header name (an RFC 7230 token, 1-${limits.nameLength} characters)`,
      );
      continue;
    }
    const reserved = reservedReason(name);
    if (reserved) issue(reserved);
    if (seen.has(name.toLowerCase())) issue(`"${name}" is repeated (names are case-insensitive)`);
    seen.add(name.toLowerCase());
    if (value.length > limits.valueLength || !VISIBLE_VALUE.test(value)) {
      issue(`the value of "${name}" must be 1-${limits.valueLength} visible ASCII characters`);
    }
  }
  if (total > limits.totalLength) {
    ctx.addIssue({
      code: "custom",
      message: `names and values exceed ${limits.totalLength} characters in total`,
    });
  }
}

const ReceiverHeadersSchema = storableRecord(
  z
    .record(z.string().max(256), z.string().max(RECEIVER_HEADER_LIMITS.valueLength * 2))
    .superRefine(checkReceiverHeaders),
).openapi({
  description:
    "Headers sent with every delivery to authenticate to the receiver (e.g. `Authorization`), up to 5; stored encrypted and shown back only masked. Not allowed: webhook-*, content-*, cf-*, host, user-agent and hop-by-hop headers.",
  maxProperties: RECEIVER_HEADER_LIMITS.count,
  example: { Authorization: "Bearer 3q2+7w==" },
});

const OrderingSchema = z.enum(["unordered", "per_resource"]).openapi({
  description:
    "unordered (default): fastest; per_resource: one resource's events are delivered in commit order",
});

const UrlSchema = storableString(2000).openapi({ example: "https://hooks.example.com/shelfwise" });

export const CreateWebhookEndpointSchema = z
  .strictObject({
    url: UrlSchema,
    description: optionalText(500).nullable().optional(),
    event_types: EventTypesSchema.default([]),
    enabled: z.boolean().default(true),
    headers: ReceiverHeadersSchema.optional(),
    ordering: OrderingSchema.default("unordered"),
  })
  // Inline, not a named component: generated clients (openapi-typescript) make a member with a
  // default required in a shared schema, but keep it optional in a request body.
  .openapi({ title: "CreateWebhookEndpoint" });

export const UpdateWebhookEndpointSchema = z
  .strictObject({
    url: UrlSchema.optional(),
    description: optionalText(500).nullable().optional(),
    event_types: EventTypesSchema.optional(),
    enabled: z
      .boolean()
      .optional()
      .openapi({ description: "true re-activates a disabled or suspended endpoint" }),
    headers: ReceiverHeadersSchema.nullable()
      .optional()
      .openapi({ description: "Replaces every receiver header; null removes them all" }),
    ordering: OrderingSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "at least one field is required")
  .openapi("UpdateWebhookEndpoint");

export const WebhookEndpointSchema = z
  .object({
    id: z.string().openapi({ example: "whep_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
    url: z.string(),
    description: z.string().nullable(),
    event_types: z.array(z.string()),
    enabled: z.boolean(),
    status: z.enum(["active", "disabled", "suspended"]).openapi({
      description: "disabled: by the tenant or a 410; suspended: by the circuit breaker",
    }),
    status_reason: z.string().nullable(),
    consecutive_failures: z.number().int(),
    ordering: OrderingSchema,
    headers: z.record(z.string(), z.string()).openapi({
      description: "The receiver headers' names with masked values; never a value",
      example: { Authorization: "Bear…(redacted, 43 chars)" },
    }),
    previous_secret_expires_at: timestamp()
      .nullable()
      .openapi({ description: "Until then, deliveries are also signed with the previous secret" }),
    created_at: timestamp(),
    updated_at: timestamp(),
  })
  .openapi("WebhookEndpoint");

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().openapi({
    description: "The signing secret (whsec_…). Shown only in this response.",
    example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  }),
}).openapi("WebhookEndpointWithSecret");

export const WebhookEndpointListSchema =
  listEnvelope(WebhookEndpointSchema).openapi("WebhookEndpointList");

export const DeletedWebhookEndpointSchema = z
  .object({ id: z.string(), deleted: z.literal(true) })
  .openapi("DeletedWebhookEndpoint");

export const WebhookAttemptSchema = z
  .object({
    id: z.string(),
    delivery_id: z.string(),
    event_id: z.string(),
    attempt_number: z.number().int(),
    status_code: z.number().int().nullable(),
    latency_ms: z.number().int(),
    error_class: z.string().nullable().openapi({
      description: "http_error, redirect, timeout, connection_error, blocked_destination",
    }),
    response_snippet: z
      .string()
      .nullable()
      .openapi({ description: "The first 1 KB of the endpoint's response" }),
    created_at: timestamp(),
  })
  .openapi("WebhookAttempt");

export const WebhookAttemptListSchema =
  listEnvelope(WebhookAttemptSchema).openapi("WebhookAttemptList");

/** What `?status=` filters on; `waiting` is a pending delivery that waits for an earlier one. */
export const DELIVERY_LIST_STATUSES = [
  "pending",
  "waiting",
  "held",
  "delivered",
  "failed",
] as const;
export type DeliveryListStatus = (typeof DELIVERY_LIST_STATUSES)[number];

export const DeliveryListQuerySchema = ListQuerySchema.extend({
  status: z.enum(DELIVERY_LIST_STATUSES).optional().openapi({
    example: "waiting",
    description: "Only deliveries in this state; `pending` excludes the waiting ones",
  }),
});
export type DeliveryListQuery = z.infer<typeof DeliveryListQuerySchema>;

export const WebhookDeliverySchema = z
  .object({
    id: z.string().openapi({ example: "dlv_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
    event_id: z.string(),
    event_type: z.string().openapi({ example: "order.confirmed" }),
    status: z.enum(DELIVERY_LIST_STATUSES).openapi({
      description:
        "pending (queued or retrying), waiting (ordered endpoint: an earlier delivery of the same resource is open), held (tenant or endpoint paused), delivered, failed",
    }),
    attempts: z.number().int().openapi({ description: "Attempts spent so far" }),
    last_error: z.string().nullable(),
    resource: z
      .string()
      .nullable()
      .openapi({ description: "The resource key, e.g. order:ord_…; null when none" }),
    waiting_for: z
      .string()
      .nullable()
      .openapi({ description: "The delivery this one waits for (ordered endpoints)" }),
    created_at: timestamp(),
    delivered_at: timestamp().nullable(),
    failed_at: timestamp().nullable(),
  })
  .openapi("WebhookDelivery");

export const WebhookDeliveryListSchema =
  listEnvelope(WebhookDeliverySchema).openapi("WebhookDeliveryList");

export const RecoverSchema = z
  .strictObject({
    since: z.iso
      .datetime({ offset: true })
      .max(64)
      .openapi({ example: "2026-11-21T00:00:00Z", description: "RFC 3339" }),
  })
  .openapi("RecoverWebhookEndpoint");

export const RedeliveryResultSchema = z
  .object({
    redelivered: z.number().int().openapi({ description: "Deliveries queued again" }),
    has_more: z
      .boolean()
      .openapi({ description: "More remain: call again (at most 1,000 per call)" }),
  })
  .openapi("Redelivery");

export const WebhookEndpointIdParamSchema = z.object({
  id: idString().openapi({ param: { in: "path" }, example: "whep_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
});

export const EventIdParamSchema = z.object({
  id: idString().openapi({ param: { in: "path" }, example: "evt_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
});

export const WebhookBacklogSchema = z
  .object({
    pending: z.number().int().openapi({ description: "Deliveries not yet delivered" }),
    held: z.number().int().openapi({ description: "Held for suspended endpoints" }),
    failed: z.number().int().openapi({ description: "Failed (recover or resend them)" }),
  })
  .openapi("WebhookBacklog");
