import { z } from "@hono/zod-openapi";
import { timestamp } from "../../platform/schemas";
import { PlanSchema } from "../tenants/schemas";

/** Windows the ops figures can cover; up to 1 h they come live from the tenants' own objects. */
export const OPS_WINDOWS = { "5m": 5, "15m": 15, "1h": 60, "6h": 360, "24h": 1440 } as const;
export type OpsWindow = keyof typeof OPS_WINDOWS;

export const OpsQuerySchema = z.object({
  window: z
    .enum(Object.keys(OPS_WINDOWS) as [OpsWindow, ...OpsWindow[]])
    .default("1h")
    .openapi({
      description:
        "Window of the traffic figures. Longer than 1h is read from Analytics Engine when its credentials are configured.",
    }),
});

export const OpsTenantQuerySchema = OpsQuerySchema;

export const EndpointIdParamSchema = z.object({
  id: z
    .string()
    .max(64)
    .regex(/^ten_[0-9a-z]{26}$/, "must be a tenant id")
    .openapi({ param: { in: "path" }, example: "ten_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
  endpointId: z
    .string()
    .max(64)
    .regex(/^whep_[0-9a-z]{26}$/, "must be a webhook endpoint id")
    .openapi({ param: { in: "path" }, example: "whep_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
});

export const OperatorRecoverSchema = z
  .strictObject({
    since: z.iso
      .datetime({ offset: true })
      .max(64)
      .optional()
      .openapi({ description: "Re-deliver what failed since then (default: everything failed)" }),
  })
  .openapi("OperatorRecover");

const WebhookFiguresSchema = z.object({
  pending: z.number().int(),
  held: z.number().int(),
  failed: z.number().int(),
  backlog: z.number().int().openapi({ description: "pending + held" }),
});

export const TenantFiguresSchema = z
  .object({
    tenant: z.object({
      id: z.string(),
      name: z.string(),
      status: z.string(),
      plan: PlanSchema,
    }),
    window: z.string(),
    source: z.enum(["durable_object", "analytics_engine", "unavailable"]),
    requests: z.number().int(),
    requests_per_minute: z.number(),
    server_errors: z.number().int(),
    client_errors: z.number().int(),
    error_rate: z.number().openapi({ description: "5xx / requests (0..1)" }),
    rate_limited: z.number().int().openapi({ description: "429 rate_limited responses" }),
    webhooks: WebhookFiguresSchema,
  })
  .openapi("TenantOpsFigures");

export const OpsTenantListSchema = z
  .object({
    window: z.string(),
    source: z.enum(["durable_object", "analytics_engine"]),
    generated_at: timestamp(),
    data: z.array(TenantFiguresSchema),
    truncated: z.boolean(),
  })
  .openapi("TenantOpsList");

export const TenantOpsDetailSchema = TenantFiguresSchema.extend({
  rate_limit: z
    .object({ limit: z.number().int(), used: z.number().int(), reset_seconds: z.number().int() })
    .nullable(),
  endpoints: z.array(
    z.object({
      id: z.string(),
      url: z.string(),
      status: z.string(),
      status_reason: z.string().nullable(),
      consecutive_failures: z.number().int(),
      pending: z.number().int(),
      held: z.number().int(),
      failed: z.number().int(),
    }),
  ),
}).openapi("TenantOpsDetail");

export const RecoverResultSchema = z
  .object({ redelivered: z.number().int(), has_more: z.boolean() })
  .openapi("OperatorRecoverResult");
