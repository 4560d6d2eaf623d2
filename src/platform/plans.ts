/** Plans from the API contract, with their default limits. */
export const PLANS = {
  trial: { requestsPerHour: 100, maxFileBytes: 10 * 1024 * 1024, webhookRatePerSecond: 1 },
  standard: { requestsPerHour: 1_000, maxFileBytes: 10 * 1024 * 1024, webhookRatePerSecond: 5 },
  premium: { requestsPerHour: 5_000, maxFileBytes: 50 * 1024 * 1024, webhookRatePerSecond: 20 },
  enterprise: {
    requestsPerHour: 20_000,
    maxFileBytes: 100 * 1024 * 1024,
    webhookRatePerSecond: 50,
  },
} as const;

export type Plan = keyof typeof PLANS;
export const PLAN_NAMES = Object.keys(PLANS) as [Plan, ...Plan[]];

/** Per-credential limit: requests per minute, whatever the plan. */
export const CREDENTIAL_REQUESTS_PER_MINUTE = 100;

/** What a tenant's limits are once its overrides are applied to its plan. */
export interface EffectiveLimits {
  requests_per_hour: number;
  requests_per_minute_per_credential: number;
  max_file_bytes: number;
  webhook_rate_per_second: number;
}

/** Applies a tenant's overrides (null = plan default) to its plan's limits. */
export function effectiveLimits(tenant: {
  plan: Plan;
  rateLimitPerHour: number | null;
  maxFileBytes: number | null;
  webhookRatePerSecond: number | null;
}): EffectiveLimits {
  const plan = PLANS[tenant.plan];
  return {
    requests_per_hour: tenant.rateLimitPerHour ?? plan.requestsPerHour,
    requests_per_minute_per_credential: CREDENTIAL_REQUESTS_PER_MINUTE,
    max_file_bytes: tenant.maxFileBytes ?? plan.maxFileBytes,
    webhook_rate_per_second: tenant.webhookRatePerSecond ?? plan.webhookRatePerSecond,
  };
}
