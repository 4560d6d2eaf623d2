import { z } from "@hono/zod-openapi";
import { timestamp } from "../../platform/schemas";
import { PlanSchema, TenantSchema } from "../tenants/schemas";

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
      status_reason: TenantSchema.shape.status_reason,
      webhooks_paused: TenantSchema.shape.webhooks_paused,
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

/**
 * Alert rules the health endpoints evaluate (also in ops/grafana/alert-rules.yaml, except
 * event_hub_behind: its figure lives in the hubs, not in Postgres or Analytics Engine).
 */
export const ALERT_RULES = [
  "outbox_sweep_stale",
  "relay_lag_high",
  "job_dead_letters",
  "cron_job_failing",
  "event_hub_behind",
] as const;

const seconds = (description: string) => z.number().nullable().openapi({ description });

const RelayHealthSchema = z.object({
  undispatched: z.number().int().openapi({ description: "Outbox events not yet dispatched" }),
  oldest_undispatched_seconds: seconds(
    "Age of the oldest undispatched event in seconds; null when none is waiting",
  ),
  dispatched: z
    .number()
    .int()
    .openapi({ description: "Events dispatched in the window (the lag figures' sample)" }),
  lag_p50_seconds: seconds(
    "Median of dispatched_at - created_at over events dispatched in the window; null without any",
  ),
  lag_p99_seconds: seconds("99th percentile of the same; null without any"),
});

const JobFailureSchema = z.object({
  id: z.string(),
  tenant_id: z.string(),
  queue: z.string(),
  kind: z
    .string()
    .openapi({ description: "The job message's kind (tenant-export, book-import, …)" }),
  error: z.string().nullable().openapi({ description: "What is known of the failure" }),
  attempts: z.number().int(),
  created_at: timestamp(),
});

const JobsHealthSchema = z.object({
  exports_in_progress: z.number().int().openapi({ description: "Exports pending or running" }),
  imports_in_progress: z.number().int().openapi({ description: "Book imports queued or running" }),
  backlog: z.number().int().openapi({ description: "exports_in_progress + imports_in_progress" }),
  failures: z
    .number()
    .int()
    .openapi({ description: "Jobs dead-lettered into job_failures within the window" }),
  recent_failures: z.array(JobFailureSchema).openapi({ description: "The 10 most recent" }),
});

const CronHealthSchema = z.object({
  job: z.string(),
  cron: z.string(),
  expected_interval_seconds: z
    .number()
    .int()
    .nullable()
    .openapi({ description: "Seconds between two runs of its cron expression" }),
  last_started_at: timestamp().nullable(),
  last_succeeded_at: timestamp().nullable(),
  last_failed_at: timestamp().nullable(),
  last_error: z
    .string()
    .nullable()
    .openapi({ description: "Short error text of the last failure" }),
  last_duration_ms: z.number().int().nullable(),
  consecutive_failures: z.number().int(),
  overdue: z.boolean().openapi({
    description: "No success for more than twice its interval (plus a minute of slack)",
  }),
});

const AlertSchema = z.object({
  rule: z.enum(ALERT_RULES),
  severity: z.enum(["page", "ticket"]),
  summary: z.string(),
  job: z.string().optional().openapi({ description: "The cron job, for cron_job_failing" }),
  tenant_id: z
    .string()
    .optional()
    .openapi({ description: "The tenant, for event_hub_behind (its hub's lag is the value)" }),
  value: z.number().nullable().openapi({ description: "The figure that fired the rule" }),
  threshold: z.number(),
});

export const OpsHealthSchema = z
  .object({
    generated_at: timestamp(),
    window: z.string(),
    tenant_id: z.string().nullable().openapi({
      description: "The tenant the relay and job figures cover; null for every tenant",
    }),
    relay: RelayHealthSchema,
    jobs: JobsHealthSchema,
    crons: z
      .array(CronHealthSchema)
      .openapi({ description: "Every cron job that has run at least once (platform-wide)" }),
    alerts: z.array(AlertSchema).openapi({ description: "Rules firing now; empty when healthy" }),
  })
  .openapi("OpsHealth");

export const SeriesQuerySchema = z.object({
  minutes: z.coerce
    .number()
    .int()
    .min(5)
    .max(360)
    .default(60)
    .openapi({ description: "Minutes covered, one point per minute (5 to 360)", example: 60 }),
});

const series = (description: string) => z.array(z.number().nullable()).openapi({ description });

export const TenantSeriesSchema = z
  .object({
    tenant_id: z.string(),
    minutes: z.number().int(),
    step_seconds: z.literal(60),
    start: timestamp().openapi({ description: "Start of the first minute (oldest point first)" }),
    source: z
      .enum(["durable_object", "unavailable"])
      .openapi({ description: "Where the traffic series come from; unavailable: zeros" }),
    series: z.object({
      requests: series("Requests per minute"),
      server_errors: series("5xx responses per minute"),
      error_rate: series("5xx / requests per minute (0..1; 0 without requests)"),
      rate_limited: series("429 rate_limited responses per minute"),
      webhook_backlog: series(
        "Deliveries created but neither delivered nor failed at the end of each minute",
      ),
      relay_lag_seconds: series(
        "Median dispatched_at - created_at of the events dispatched in each minute; null without any",
      ),
    }),
  })
  .openapi("TenantOpsSeries");
