import type { Env } from "../../env";
import { hubOf } from "../event-log";
import { describeError, log } from "../observability/logger";
import type { AttemptOutcome } from "./attempt";

/**
 * What the webhook delivery consumer tells the tenant's hub after it committed a batch's
 * attempts (GET /portal/stream carries it as `attempt`): no payload, no response, no secret.
 */
export interface AttemptNotice {
  endpoint_id: string;
  delivery_id: string;
  event_id: string;
  /** delivered (2xx), failed, or gone (410: the endpoint is disabled). */
  status: "delivered" | "failed" | "gone";
  status_code: number | null;
  at: string;
}

/** How long the consumer's one call per tenant and batch may take before it is given up. */
export const ATTEMPT_NOTICE_TIMEOUT_MS = 2000;

/**
 * Tells the tenant's event hub of a batch's recorded attempts, after their transaction committed,
 * so the webhook portal's open pages (GET /portal/stream) show them as they happen. One call per
 * tenant and batch, handed to `waitUntil`: it never delays or fails a delivery (every error is
 * caught and logged, and it is abandoned after ATTEMPT_NOTICE_TIMEOUT_MS). The message names the
 * endpoint, delivery, event, outcome and status code only: no payload, response or secret.
 */
export function notifyAttempts(
  env: Env,
  execution: ExecutionContext,
  tenantId: string,
  attempted: ReadonlyArray<{
    message: { body: { delivery_id: string } };
    plan: { endpointId: string; eventId: string };
    outcome: AttemptOutcome;
  }>,
): void {
  try {
    if (attempted.length === 0) return;
    const at = new Date().toISOString();
    const notices: AttemptNotice[] = attempted.map(({ message, plan, outcome }) => ({
      endpoint_id: plan.endpointId,
      delivery_id: message.body.delivery_id,
      event_id: plan.eventId,
      status: outcome.kind,
      status_code: outcome.statusCode,
      at,
    }));
    execution.waitUntil(
      hubOf(env, tenantId)
        .fetch("https://hub/attempts", {
          method: "POST",
          body: JSON.stringify(notices),
          signal: AbortSignal.timeout(ATTEMPT_NOTICE_TIMEOUT_MS),
        })
        .then((response) => response.body?.cancel())
        .catch((error) =>
          log("warn", "webhook attempts not told to the event hub (portal pages miss them live)", {
            tenant_id: tenantId,
            ...describeError(error),
          }),
        ),
    );
  } catch (error) {
    log("warn", "webhook attempts not told to the event hub (portal pages miss them live)", {
      tenant_id: tenantId,
      ...describeError(error),
    });
  }
}
