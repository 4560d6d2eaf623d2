import type { Env } from "../../env";
import { openSystemDatabase, withTenant } from "../db";
import { describeError, log } from "../observability/logger";
import { attemptDelivery } from "./attempt";
import type { BatchContext, GroupContext } from "./batch-context";
import { buildSends } from "./build-sends";
import { UNSEEN_DELAY_SECONDS, webhookSettings } from "./config";
import { enqueueDeliveries } from "./enqueue";
import { hold } from "./hold";
import { type Plans, type QueuedDelivery, readDeliveries } from "./load";
import { type DeliveryMessage, deliveryMessages } from "./messages";
import { order, releaseWaiting } from "./ordering";
import { type Attempted, recordOutcomes, type Send } from "./outcomes";
import { deliveryTenant } from "./rate";
import { receiverHeadersOfBatch } from "./receiver-headers";
import { batchSender, byEndpointInTurn } from "./send-slots";
import { settle } from "./settle";
import { takeTokens } from "./tokens";

/**
 * Messages per load/send/record pipeline step. A tenant's messages of a batch are split into
 * chunks processed concurrently, so one chunk's load and record transactions (which take turns
 * on the batch's connection) can run while another chunk's deliveries are in flight. Set to the
 * batch size (one chunk, as before): 20 showed no clear gain in the local benchmark (bench/README)
 * and made the send-budget test (delivery.test.ts) start fewer deliveries within its budget.
 */
const CHUNK = 100;

/** What the load decided for each message, and the deliveries it settled as failed. */
interface Loaded {
  plans: Plans;
  finished: string[];
}

/**
 * Loads a tenant's messages in one transaction, stage by stage, each stage deciding some of the
 * messages and passing the others on: settle what can have no send, hold what may not be sent
 * now, keep each resource's order, take rate tokens, and build the sends of those with a token.
 */
function load(ctx: GroupContext, messages: QueuedDelivery[]): Promise<Loaded> {
  return withTenant(ctx.handle, ctx.tenantId, async (scope) => {
    const rows = await readDeliveries(scope, messages);
    const settled = await settle(scope, { messages, rows });
    const held = await hold(scope, { candidates: settled.rest, tenantActive: ctx.tenant.active });
    const ordered = await order(scope, held.rest);
    const tokens = await takeTokens(scope, {
      candidates: ordered.ready,
      tenantRate: ctx.tenant.rate,
    });
    const sends = await buildSends({
      granted: tokens.granted,
      settings: ctx.settings,
      receiverHeadersOf: ctx.receiverHeadersOf,
      now: ctx.now,
    });
    const plans: Plans = new Map([
      ...settled.plans,
      ...held.plans,
      ...ordered.plans,
      ...tokens.plans,
      ...sends,
    ]);
    return { plans, finished: settled.finished };
  });
}

/**
 * Acts on every message that is not sent: over the rate or not committed yet, a fresh copy later
 * (waiting never spends the message's retries); the others are acked. Answers the sends.
 */
async function dispose(
  ctx: GroupContext,
  messages: QueuedDelivery[],
  plans: Plans,
): Promise<Send[]> {
  const deferred: Array<{ body: DeliveryMessage; delaySeconds: number }> = [];
  const sends: Send[] = [];
  for (const message of messages) {
    const plan = plans.get(message) ?? { kind: "done" };
    if (plan.kind === "send") sends.push({ message, plan });
    else if (plan.kind === "defer") {
      deferred.push({ body: message.body, delaySeconds: Math.ceil(plan.waitSeconds) });
    } else if (plan.kind === "unseen") {
      const body = { ...message.body, unseen_looks: (message.body.unseen_looks ?? 0) + 1 };
      deferred.push({ body, delaySeconds: UNSEEN_DELAY_SECONDS });
    }
  }
  if (deferred.length > 0) await enqueueDeliveries(ctx.env, deferred);
  for (const message of messages) {
    if (plans.get(message)?.kind !== "send") message.ack();
  }
  return sends;
}

/**
 * Attempts the sends a few at a time (the batch's send slots, endpoints in turn). A send not
 * started within the batch's budget (slow receivers held every slot) gets a fresh copy a second
 * later, no attempt spent, so one slow endpoint cannot hold the others' deliveries for long.
 */
async function attempt(ctx: GroupContext, sends: Send[]): Promise<Attempted[]> {
  const tried = await Promise.all(
    byEndpointInTurn(sends).map(async (send) => ({
      ...send,
      outcome: await ctx.sender(send.plan.endpointId, () =>
        attemptDelivery({ ...send.plan, settings: ctx.settings }),
      ),
    })),
  );
  const late = tried.filter((t) => t.outcome === undefined);
  if (late.length > 0) {
    await enqueueDeliveries(
      ctx.env,
      late.map(({ message }) => ({ body: message.body, delaySeconds: 1 })),
    );
    for (const { message } of late) message.ack();
  }
  return tried.flatMap((t) => (t.outcome ? [{ ...t, outcome: t.outcome }] : []));
}

/**
 * Processes one chunk of a tenant's messages: one transaction to load them (and take rate
 * tokens), the HTTP attempts, one transaction to record every outcome (no lock contention on the
 * endpoint row between messages of the same batch).
 */
async function processGroup(ctx: GroupContext, messages: QueuedDelivery[]): Promise<void> {
  const { plans, finished } = await load(ctx, messages);
  // Deliveries the load settled as failed (disabled endpoint): their waiters go next.
  if (finished.length > 0) {
    await withTenant(ctx.handle, ctx.tenantId, (scope) => releaseWaiting(scope, ctx.env, finished));
  }
  const sends = await dispose(ctx, messages, plans);
  if (sends.length === 0) return;
  const attempted = await attempt(ctx, sends);
  if (attempted.length > 0) await recordOutcomes(ctx, attempted);
}

function chunked<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** The batch's delivery messages by tenant, in batch order. */
function byTenant(messages: QueuedDelivery[]): Map<string, QueuedDelivery[]> {
  const groups = new Map<string, QueuedDelivery[]>();
  for (const message of messages) {
    const group = groups.get(message.body.tenant_id);
    if (group) group.push(message);
    else groups.set(message.body.tenant_id, [message]);
  }
  return groups;
}

/**
 * Consumer of the webhooks queue: each message is one delivery, attempted and recorded
 * independently (one failing message never fails its batch). An unexpected error (database down)
 * retries the message; the queue's own retry limit then moves it to the dead-letter queue.
 * Messages of both shapes are read (messages.ts).
 */
export async function consumeWebhooks(
  batch: MessageBatch<unknown>,
  env: Env,
  execution: ExecutionContext,
): Promise<void> {
  const settings = webhookSettings(env);
  // One database connection for the whole batch (its tenants' transactions take turns): with the
  // send slots that makes 6, the sockets an invocation may have open at once, so no delivery's
  // fetch waits in the runtime's queue while its timeout runs.
  const batchContext: BatchContext = {
    env,
    handle: openSystemDatabase(env, 1),
    settings,
    execution,
    sender: batchSender(settings.sendBudgetMs),
    receiverHeadersOf: receiverHeadersOfBatch(settings.secretKey),
    now: () => Date.now(),
    logFields: { queue: batch.queue },
  };
  try {
    const groups = byTenant(deliveryMessages(batch));
    await Promise.all(
      [...groups].map(async ([tenantId, messages]) => {
        const crashed = (chunk: QueuedDelivery[]) => (error: unknown) => {
          log("error", "webhook delivery crashed; retrying", {
            ...batchContext.logFields,
            tenant_id: tenantId,
            ...describeError(error),
          });
          // Messages already acked or retried keep that outcome (the platform ignores a second call).
          for (const message of chunk) message.retry({ delaySeconds: 30 });
        };
        // A suspended, offboarding or deleted tenant is sent nothing: the hold stage holds its
        // deliveries and every message is acked, so no retry is spent while it cannot be delivered.
        const tenant = await deliveryTenant(batchContext.handle, tenantId).catch(crashed(messages));
        if (!tenant) return;
        const ctx: GroupContext = { ...batchContext, tenantId, tenant };
        // Chunks overlap: the first chunk's sends start once it is loaded, while the next chunks
        // load and the finished ones record on the batch's connection (sends need none).
        await Promise.all(
          chunked(messages, CHUNK).map((chunk) => processGroup(ctx, chunk).catch(crashed(chunk))),
        );
      }),
    );
  } finally {
    await batchContext.handle.close().catch(() => {});
  }
}
