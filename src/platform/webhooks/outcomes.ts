import { withTenant } from "../db";
import { recordWebhookAttempt } from "../observability/analytics";
import type { AttemptOutcome } from "./attempt";
import type { GroupContext } from "./batch-context";
import type { QueuedDelivery, SendPlan } from "./load";
import { notifyAttempts } from "./notify-attempts";
import { releaseWaiting } from "./ordering";
import { record, recordDelivered, type Verdict } from "./record";
import { relayTenant } from "./relay";

/** A message to send and how. */
export interface Send {
  message: QueuedDelivery;
  plan: SendPlan;
}

/** A send that was attempted, with its outcome. */
export interface Attempted extends Send {
  outcome: AttemptOutcome;
}

/**
 * Records a group's attempts: one analytics data point each, then one transaction for every
 * outcome (successes together, failures one by one for their breaker and schedule), then each
 * message acked, retried on its schedule, or sent to the dead-letter queue.
 */
export async function recordOutcomes(ctx: GroupContext, attempted: Attempted[]): Promise<void> {
  const { env, tenantId } = ctx;
  for (const { message, plan, outcome } of attempted) {
    recordWebhookAttempt(env, {
      tenantId,
      endpointId: plan.endpointId,
      outcome: outcome.kind,
      errorClass: outcome.errorClass,
      statusCode: outcome.statusCode,
      latencyMs: outcome.latencyMs,
      attempt: message.attempts,
    });
  }
  const verdicts = await withTenant(ctx.handle, tenantId, async (scope) => {
    // Successes (the common case) are recorded together: three statements for the whole group.
    await recordDelivered(
      scope,
      attempted.filter((a) => a.outcome.kind === "delivered"),
    );
    const out: Verdict[] = [];
    for (const { message, plan, outcome } of attempted) {
      out.push(
        outcome.kind === "delivered"
          ? { kind: "ack" }
          : await record(scope, message.body.delivery_id, plan.endpointId, plan.eventId, outcome),
      );
    }
    // Ordered endpoints: a delivered (or 410-failed) delivery lets the next one of its resource go.
    await releaseWaiting(
      scope,
      env,
      attempted
        .filter(({ plan, outcome }) => plan.ordered && outcome.kind !== "failed")
        .map(({ message }) => message.body.delivery_id),
    );
    return out;
  });
  // Committed: the portal's open pages hear of these attempts (fire and forget, never fails).
  notifyAttempts(env, ctx.execution, tenantId, attempted);
  let suspended = false;
  for (const [i, { message }] of attempted.entries()) {
    const verdict = verdicts[i] as Verdict;
    if (verdict.kind === "retry") message.retry({ delaySeconds: verdict.delaySeconds });
    else if (verdict.kind === "exhausted") {
      await env.WEBHOOKS_DLQ.send(message.body);
      message.ack();
    } else {
      suspended ||= verdict.suspended === true;
      message.ack();
    }
  }
  // The suspension's operational event is in the outbox: relay it now rather than at the sweep.
  if (suspended) ctx.execution.waitUntil(relayTenant(env, tenantId).catch(() => {}));
}
