import { eq, ne, sql } from "drizzle-orm";
import type { Env } from "../../env";
import { type DatabaseHandle, openRequestDatabase, withTenant } from "../db";
import { webhookDeliveries } from "../db/schema";
import { recordWebhookAttempt, recordWebhookDeadLetter } from "../observability/analytics";
import { describeError, log } from "../observability/logger";
import { attemptDelivery } from "./attempt";
import {
  type DeliveryMessage,
  UNSEEN_DELAY_SECONDS,
  type WebhookSettings,
  webhookSettings,
} from "./config";
import { enqueueDeliveries } from "./enqueue";
import { type Loaded, loadGroup } from "./load";
import { deliveryMessages } from "./malformed";
import { releaseWaiting } from "./ordering";
import { deliveryTenant } from "./rate";
import { record, recordDelivered, type Verdict } from "./record";
import { relayTenant } from "./relay";
import { batchSender, byEndpointInTurn, type Sender } from "./send-slots";

export { retryDelaySeconds } from "./record";

/**
 * Messages per load/send/record pipeline step. A tenant's messages of a batch are split into
 * chunks processed concurrently, so one chunk's load and record transactions (which take turns
 * on the batch's connection) can run while another chunk's deliveries are in flight. Set to the
 * batch size (one chunk, as before): 20 showed no clear gain in the local benchmark (bench/README)
 * and made the send-budget test (delivery.test.ts) start fewer deliveries within its budget.
 */
const CHUNK = 100;

function chunked<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Processes one tenant's messages of a batch: one transaction to load them and take rate tokens,
 * the HTTP attempts a few at a time (the batch's send slots), one transaction to record every
 * outcome (no lock contention on the endpoint row between messages of the same batch).
 */
async function processGroup(
  tenantId: string,
  messages: Array<Message<DeliveryMessage>>,
  env: Env,
  handle: DatabaseHandle,
  settings: WebhookSettings,
  ctx: ExecutionContext,
  sender: Sender,
  tenant: { rate: number; active: boolean },
): Promise<void> {
  // Deliveries the load settled as failed (disabled endpoint): their waiters go next.
  const finished: string[] = [];
  const loaded = await withTenant(handle, tenantId, (scope) =>
    loadGroup(scope, messages, tenant, settings, finished),
  );
  if (finished.length > 0) {
    await withTenant(handle, tenantId, (scope) => releaseWaiting(scope, env, finished));
  }
  const deferred: Array<{ body: DeliveryMessage; delaySeconds: number }> = [];
  const sends: Array<{
    message: Message<DeliveryMessage>;
    plan: Extract<Loaded, { kind: "send" }>;
  }> = [];
  for (const message of messages) {
    const plan = loaded.get(message) ?? { kind: "done" };
    if (plan.kind === "send") sends.push({ message, plan });
    else if (plan.kind === "defer") {
      deferred.push({ body: message.body, delaySeconds: Math.ceil(plan.waitSeconds) });
    } else if (plan.kind === "unseen") {
      const body = { ...message.body, u: (message.body.u ?? 0) + 1 };
      deferred.push({ body, delaySeconds: UNSEEN_DELAY_SECONDS });
    }
  }
  // Over the endpoint's rate, or not committed yet: a fresh copy later, so waiting never spends
  // the message's retries.
  if (deferred.length > 0) await enqueueDeliveries(env, deferred);
  for (const message of messages) {
    if (loaded.get(message)?.kind !== "send") message.ack();
  }
  if (sends.length === 0) return;
  const tried = await Promise.all(
    byEndpointInTurn(sends).map(async (send) => ({
      ...send,
      outcome: await sender(send.plan.endpointId, () =>
        attemptDelivery({ ...send.plan, settings }),
      ),
    })),
  );
  // Not started within the batch's budget (slow receivers held every slot): a fresh copy soon,
  // no attempt spent, so one slow endpoint cannot hold the others' deliveries for long.
  const late = tried.filter((t) => t.outcome === undefined);
  if (late.length > 0) {
    await enqueueDeliveries(
      env,
      late.map(({ message }) => ({ body: message.body, delaySeconds: 1 })),
    );
    for (const { message } of late) message.ack();
  }
  const attempted = tried.flatMap((t) => (t.outcome ? [{ ...t, outcome: t.outcome }] : []));
  if (attempted.length === 0) return;
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
  const verdicts = await withTenant(handle, tenantId, async (scope) => {
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
          : await record(scope, message.body.d, plan.endpointId, plan.eventId, outcome),
      );
    }
    // Ordered endpoints: a delivered (or 410-failed) delivery lets the next one of its resource go.
    await releaseWaiting(
      scope,
      env,
      attempted
        .filter(({ plan, outcome }) => plan.ordered && outcome.kind !== "failed")
        .map(({ message }) => message.body.d),
    );
    return out;
  });
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
  if (suspended) ctx.waitUntil(relayTenant(env, tenantId).catch(() => {}));
}

/**
 * Consumer of the webhooks queue: each message is one delivery, attempted and recorded
 * independently (one failing message never fails its batch). An unexpected error (database down)
 * retries the message; the queue's own retry limit then moves it to the dead-letter queue.
 */
export async function consumeWebhooks(
  batch: MessageBatch<DeliveryMessage>,
  env: Env,
  ctx: ExecutionContext,
): Promise<void> {
  const settings = webhookSettings(env);
  // One database connection for the whole batch (its tenants' transactions take turns): with the
  // send slots that makes 6, the sockets an invocation may have open at once, so no delivery's
  // fetch waits in the runtime's queue while its timeout runs.
  const handle = openRequestDatabase(env, 1);
  const sender = batchSender(settings.sendBudgetMs);
  try {
    const groups = new Map<string, Array<Message<DeliveryMessage>>>();
    for (const message of deliveryMessages(batch)) {
      const group = groups.get(message.body.t);
      if (group) group.push(message);
      else groups.set(message.body.t, [message]);
    }
    await Promise.all(
      [...groups].map(async ([tenantId, messages]) => {
        const crashed = (chunk: Array<Message<DeliveryMessage>>) => (error: unknown) => {
          log("error", "webhook delivery crashed; retrying", {
            tenant_id: tenantId,
            ...describeError(error),
          });
          // Messages already acked or retried keep that outcome (the platform ignores a second call).
          for (const message of chunk) message.retry({ delaySeconds: 30 });
        };
        // A suspended, offboarding or deleted tenant is sent nothing: loadGroup holds its
        // deliveries and every message is acked, so no retry is spent while it cannot be delivered.
        const tenant = await deliveryTenant(handle, tenantId).catch(crashed(messages));
        if (!tenant) return;
        // Chunks overlap: the first chunk's sends start once it is loaded, while the next chunks
        // load and the finished ones record on the batch's connection (sends need none).
        await Promise.all(
          chunked(messages, CHUNK).map((chunk) =>
            processGroup(tenantId, chunk, env, handle, settings, ctx, sender, tenant).catch(
              crashed(chunk),
            ),
          ),
        );
      }),
    );
  } finally {
    await handle.close().catch(() => {});
  }
}

/**
 * Consumer of the dead-letter queue: the delivery is recorded as `failed`, keeping its last
 * error, where the tenant can see it and `recover`/`resend` can bring it back. A message whose
 * recording fails is retried alone, so it cannot hold back the batch's others.
 */
export async function consumeWebhookDeadLetters(
  batch: MessageBatch<DeliveryMessage>,
  env: Env,
): Promise<void> {
  const handle = openRequestDatabase(env);
  try {
    for (const message of deliveryMessages(batch)) {
      try {
        await recordDeadLetter(handle, env, message.body);
        message.ack();
      } catch (error) {
        log("error", "webhook dead letter not recorded; retrying", {
          queue: batch.queue,
          message_id: message.id,
          ...describeError(error),
        });
        message.retry({ delaySeconds: 60 });
      }
    }
  } finally {
    await handle.close().catch(() => {});
  }
}

/** Records one dead-lettered delivery as `failed` and releases what waited behind it. */
async function recordDeadLetter(handle: DatabaseHandle, env: Env, body: DeliveryMessage) {
  await withTenant(handle, body.t, async (scope) => {
    const failed = await scope.tx
      .update(webhookDeliveries)
      .set({
        status: "failed",
        failedAt: sql`now()`,
        updatedAt: sql`now()`,
        lastError: sql`coalesce(${webhookDeliveries.lastError}, 'delivery could not be attempted')`,
      })
      .where(
        scope.where(
          webhookDeliveries,
          eq(webhookDeliveries.id, body.d),
          ne(webhookDeliveries.status, "delivered"),
          ne(webhookDeliveries.status, "held"),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    // A dead-lettered delivery never blocks its resource: the next one of it goes now.
    await releaseWaiting(
      scope,
      env,
      failed.map((row) => row.id),
    );
  });
  // Counted once recorded: a retried message is not counted twice.
  recordWebhookDeadLetter(env, {
    tenantId: body.t,
    deliveryId: body.d,
    reason: "dead_lettered",
  });
}
