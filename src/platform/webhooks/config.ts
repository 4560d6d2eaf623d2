import { type Env, getConfig } from "../../env";
import { resolverFor } from "../net/resolver";
import type { Resolver, UrlPolicyOptions } from "../net/url-policy";

declare global {
  namespace Cloudflare {
    interface Env {
      /** Producer of the webhooks dead-letter queue: deliveries that exhausted their schedule. */
      WEBHOOKS_DLQ: Queue;
      /** Development/test only: JSON `{"host": ["address", …]}` replacing DNS-over-HTTPS. */
      WEBHOOK_DNS_TABLE?: string;
      /** Development/test only: delivery timeout in ms (production: always 15 s). */
      WEBHOOK_TIMEOUT_MS?: string;
      /** Development/test only: a consumer batch's send budget in ms (production: 30 s). */
      WEBHOOK_SEND_BUDGET_MS?: string;
    }
  }
}

/** The delivery timeout from the API contract. */
export const DELIVERY_TIMEOUT_MS = 15_000;
/**
 * A consumer batch starts no delivery after this long (the ones left wait a second for another
 * batch), so a batch never runs for minutes behind receivers that time out.
 */
export const SEND_BUDGET_MS = 30_000;
/** Response bytes kept per attempt (never shown to anyone but the tenant's own attempts list). */
export const RESPONSE_SNIPPET_BYTES = 1024;
/** Retry delays in seconds after attempts 1..7 (API.md); the 8th failure exhausts the delivery. */
export const RETRY_SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18000, 36000, 36000] as const;
export const MAX_ATTEMPTS = RETRY_SCHEDULE_SECONDS.length + 1;
/** Consecutive failed attempts that suspend an endpoint (circuit breaker). */
export const SUSPEND_AFTER_FAILURES = 10;
/** The platform's longest retry or send delay (12 h). */
export const MAX_DELAY_SECONDS = 43_200;
/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;
/**
 * A message can overtake the relay's commit (the relay sends before committing, so a failed send
 * rolls back): a delivery row not found is looked for again this many times, UNSEEN_DELAY_SECONDS
 * apart, before the message is taken for a deleted endpoint's and dropped.
 */
export const UNSEEN_LOOKS = 3;
export const UNSEEN_DELAY_SECONDS = 2;
/** An undispatched outbox event older than this is the sweep's to relay. */
export const SWEEP_AFTER_SECONDS = 30;

const LOCAL_ENVIRONMENTS = new Set(["development", "test"]);

/** What delivery needs from the Worker's configuration. */
export interface WebhookSettings {
  policy: UrlPolicyOptions;
  resolve: Resolver;
  timeoutMs: number;
  sendBudgetMs: number;
  secretKey: string;
}

/** Reads the webhook settings from the validated config (test knobs honoured only locally). */
export function webhookSettings(env: Env): WebhookSettings {
  const config = getConfig(env);
  const local = LOCAL_ENVIRONMENTS.has(config.ENVIRONMENT);
  const timeout = Number(env.WEBHOOK_TIMEOUT_MS);
  const budget = Number(env.WEBHOOK_SEND_BUDGET_MS);
  return {
    policy: { allowLoopbackHttp: config.ALLOW_LOOPBACK_HTTP },
    resolve: resolverFor(env),
    timeoutMs: local && timeout > 0 ? timeout : DELIVERY_TIMEOUT_MS,
    sendBudgetMs: local && budget > 0 ? budget : SEND_BUDGET_MS,
    secretKey: config.WEBHOOK_SECRET_KEY,
  };
}
