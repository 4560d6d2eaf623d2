import { z } from "@hono/zod-openapi";
import { EVENT_TYPES } from "../../platform/outbox";
import { listEnvelope } from "../../platform/pagination";
import { idString, optionalText, storableString, timestamp } from "../../platform/schemas";

const EventTypesSchema = z
  .array(z.enum(EVENT_TYPES))
  .max(EVENT_TYPES.length)
  .refine((types) => new Set(types).size === types.length, "must not repeat a type")
  .openapi({ description: "Subscribed event types; an empty list means every type." });

const UrlSchema = storableString(2000).openapi({ example: "https://hooks.example.com/shelfwise" });

export const CreateWebhookEndpointSchema = z
  .strictObject({
    url: UrlSchema,
    description: optionalText(500).nullable().optional(),
    event_types: EventTypesSchema.default([]),
    enabled: z.boolean().default(true),
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
