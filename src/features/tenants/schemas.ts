import { z } from "@hono/zod-openapi";
import { PLAN_NAMES } from "../../platform/plans";
import {
  isStorableText,
  safeText,
  storableString,
  timestamp,
  UNSTORABLE_TEXT_MESSAGE,
} from "../../platform/schemas";

export const PlanSchema = z.enum(PLAN_NAMES).openapi({ example: "standard" });

const nullablePositiveInt = (max: number) => z.number().int().positive().max(max).nullable();

export const LimitOverridesSchema = z.strictObject({
  requests_per_hour: nullablePositiveInt(10_000_000).optional(),
  max_file_bytes: nullablePositiveInt(5 * 1024 * 1024 * 1024).optional(),
  webhook_rate_per_second: nullablePositiveInt(1_000).optional(),
});

export const IdpSettingsSchema = z
  .strictObject({
    issuer: storableString(500).min(1),
    jwks_uri: z.url().max(2000).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE),
    audience: storableString(500).min(1),
    roles_claim: z
      .string()
      .regex(/^[A-Za-z0-9_:\-/]+(\.[A-Za-z0-9_:\-/]+)*$/, "a claim name or dotted path")
      .max(200)
      .default("roles"),
  })
  // Inline, not a named component: generated clients (openapi-typescript) make a member with a
  // default required in a shared schema, but keep it optional in a request body.
  .openapi({ title: "IdpSettings" });

export const ProvisionTenantSchema = z
  .strictObject({
    name: safeText(200),
    plan: PlanSchema.default("trial"),
    limits: LimitOverridesSchema.optional(),
    idp: IdpSettingsSchema.optional(),
  })
  // Inline, not a named component: generated clients (openapi-typescript) make a member with a
  // default required in a shared schema, but keep it optional in a request body.
  .openapi({ title: "ProvisionTenant" });

export const UpdateTenantSchema = z
  .strictObject({
    name: safeText(200).optional(),
    plan: PlanSchema.optional(),
    limits: LimitOverridesSchema.optional(),
    idp: IdpSettingsSchema.nullable().optional(),
  })
  .openapi("UpdateTenant");

export const LimitsSchema = z.object({
  requests_per_hour: z.number().int(),
  requests_per_minute_per_credential: z.number().int(),
  max_file_bytes: z.number().int(),
  webhook_rate_per_second: z.number().int(),
});

/** Why an operator acts on a tenant: recorded on the tenant and in its audit log. */
export const OperatorReasonSchema = safeText(500).openapi({
  description: "Why (1 to 500 characters, trimmed); recorded in the audit log",
  example: "Unpaid invoice INV-2026-0113",
});

/** Body of suspend and offboard: the reason is optional for existing callers, but recommended. */
export const OptionalReasonBodySchema = z
  .strictObject({ reason: OperatorReasonSchema.optional() })
  .openapi("OperatorActionReason");

/** Body of pausing a tenant's webhooks: the reason is required. */
export const PauseWebhooksSchema = z
  .strictObject({ reason: OperatorReasonSchema })
  .openapi("PauseTenantWebhooks");

export const WebhooksPausedSchema = z
  .object({
    since: timestamp(),
    reason: z.string(),
  })
  .openapi("TenantWebhooksPaused");

export const TenantSchema = z
  .object({
    id: z.string().openapi({ example: "ten_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
    name: z.string(),
    plan: PlanSchema,
    status: z.enum(["active", "suspended", "offboarding", "deleted"]),
    limits: LimitsSchema,
    overrides: z.object({
      requests_per_hour: z.number().int().nullable(),
      max_file_bytes: z.number().int().nullable(),
      webhook_rate_per_second: z.number().int().nullable(),
      reservation_hold_minutes: z
        .number()
        .int()
        .nullable()
        .openapi({ description: "Minutes a pending order holds its stock; null: 30" }),
    }),
    idp: z
      .object({
        issuer: z.string(),
        jwks_uri: z.string(),
        audience: z.string(),
        roles_claim: z.string(),
      })
      .nullable(),
    created_at: timestamp(),
    updated_at: timestamp(),
    suspended_at: timestamp().nullable(),
    delete_after: z.string().nullable(),
    status_reason: z.string().nullable().openapi({
      description:
        "The operator's reason for the current suspension or offboarding (null while active); `(no reason given)` when none was sent",
      example: "Unpaid invoice INV-2026-0113",
    }),
    webhooks_paused: WebhooksPausedSchema.nullable().openapi({
      description:
        "Set while an operator has paused the tenant's webhook deliveries (they are held, not lost)",
    }),
  })
  .openapi("Tenant");

export const TenantIdParamSchema = z.object({
  id: z
    .string()
    .max(64)
    .regex(/^ten_[0-9a-z]{26}$/, "must be a tenant id")
    .openapi({ param: { in: "path" }, example: "ten_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
});
