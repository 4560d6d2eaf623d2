import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Env } from "../../env";
import type { TenantScope } from "../db";
import { events, webhookDeliveries, webhookEndpoints } from "../db/schema";
import { enqueueDeliveries } from "./enqueue";
import type { Candidate, Plans } from "./load";
import { deliveryMessage } from "./messages";

/**
 * Ordered delivery (`ordering: "per_resource"` endpoints): a delivery is sent only when no earlier
 * delivery of the same resource to the same endpoint is still open (pending or held). Commit
 * order is the events' sequence number: one resource's writers hold its row lock from before the
 * event's insert to their commit, so for one resource sequence order is commit order.
 *
 * A delivery that must wait records the one it waits for (`waiting_for`, status stays pending,
 * no attempt spent) and its message is acked; when that one is delivered or failed, the waiter is
 * queued again (`releaseWaiting`). No wake-up is lost: the check locks the open predecessors
 * (`FOR SHARE`), so a concurrent recording of one of them either commits first (the check no
 * longer sees it open) or waits for the check's commit (and then finds the waiter).
 */

export interface OrderedCandidate {
  deliveryId: string;
  endpointId: string;
  resourceKey: string;
  seq: number;
}

/** Why a candidate cannot be sent yet. */
export type Wait =
  /** An earlier delivery of the resource is open: wait for it (woken when it finishes). */
  | { kind: "delivery"; id: string }
  /** An earlier event of the resource is committed but not fanned out yet: look again shortly. */
  | { kind: "event" };

/**
 * Decides, for the candidates of one load, which must wait: two statements for all of them.
 * Candidates of the same resource in one load wait for each other like any earlier delivery.
 */
export async function orderedWaits(
  scope: TenantScope,
  candidates: OrderedCandidate[],
): Promise<Map<string, Wait>> {
  const waits = new Map<string, Wait>();
  if (candidates.length === 0) return waits;
  const keys = [...new Set(candidates.map((c) => c.resourceKey))];
  const endpointIds = [...new Set(candidates.map((c) => c.endpointId))];
  const maxSeq = Math.max(...candidates.map((c) => c.seq));
  const [open, undispatched] = await Promise.all([
    scope.tx
      .select({
        id: webhookDeliveries.id,
        endpointId: webhookDeliveries.endpointId,
        resourceKey: webhookDeliveries.resourceKey,
        seq: webhookDeliveries.seq,
      })
      .from(webhookDeliveries)
      .where(
        scope.where(
          webhookDeliveries,
          inArray(webhookDeliveries.endpointId, endpointIds),
          inArray(webhookDeliveries.resourceKey, keys),
          inArray(webhookDeliveries.status, ["pending", "held"]),
          lt(webhookDeliveries.seq, maxSeq),
        ),
      )
      .orderBy(asc(webhookDeliveries.id))
      .for("share"),
    scope.tx
      .select({ resourceKey: events.resourceKey, seq: events.seq })
      .from(events)
      .where(
        scope.where(
          events,
          isNull(events.dispatchedAt),
          inArray(events.resourceKey, keys),
          lt(events.seq, maxSeq),
        ),
      ),
  ]);
  for (const candidate of candidates) {
    let previous: { id: string; seq: number } | undefined;
    for (const row of open) {
      if (
        row.endpointId === candidate.endpointId &&
        row.resourceKey === candidate.resourceKey &&
        row.seq !== null &&
        row.seq < candidate.seq &&
        (!previous || row.seq > previous.seq)
      ) {
        previous = { id: row.id, seq: row.seq };
      }
    }
    if (previous) waits.set(candidate.deliveryId, { kind: "delivery", id: previous.id });
    else if (
      undispatched.some((e) => e.resourceKey === candidate.resourceKey && e.seq < candidate.seq)
    ) {
      waits.set(candidate.deliveryId, { kind: "event" });
    }
  }
  return waits;
}

/** What the order stage decided, and the messages it leaves to take tokens. */
export interface Ordered {
  /** Messages that wait for an earlier delivery (acked, woken later) or event (deferred). */
  plans: Plans;
  /** Unordered endpoints' messages, then ordered ones free to go, each in batch order. */
  ready: Candidate[];
}

/**
 * The order stage of the load: an ordered endpoint's delivery with an earlier one of its resource
 * still open waits for it (recorded in `waiting_for`, no attempt spent); one whose resource has an
 * earlier event not fanned out yet comes back after 2 s. Other messages pass through.
 */
export async function order(
  scope: TenantScope,
  candidates: readonly Candidate[],
): Promise<Ordered> {
  const plans: Plans = new Map();
  const ready: Candidate[] = [];
  const ordered: Array<{ candidate: Candidate; check: OrderedCandidate }> = [];
  for (const candidate of candidates) {
    const { delivery, endpoint } = candidate.row;
    if (endpoint.ordering === "per_resource" && delivery.resourceKey && delivery.seq !== null) {
      ordered.push({
        candidate,
        check: {
          deliveryId: delivery.id,
          endpointId: endpoint.id,
          resourceKey: delivery.resourceKey,
          seq: delivery.seq,
        },
      });
    } else ready.push(candidate);
  }
  const waits = await orderedWaits(
    scope,
    ordered.map((o) => o.check),
  );
  const waiting: Array<{ deliveryId: string; waitingFor: string }> = [];
  for (const { candidate, check } of ordered) {
    const wait = waits.get(check.deliveryId);
    if (!wait) ready.push(candidate);
    else if (wait.kind === "event") plans.set(candidate.message, { kind: "defer", waitSeconds: 2 });
    else {
      waiting.push({ deliveryId: check.deliveryId, waitingFor: wait.id });
      plans.set(candidate.message, { kind: "done" });
    }
  }
  if (waiting.length > 0) await markWaiting(scope, waiting);
  return { plans, ready };
}

/** Records what each waiting delivery waits for (shown by the deliveries' API). */
export async function markWaiting(
  scope: TenantScope,
  waiting: Array<{ deliveryId: string; waitingFor: string }>,
): Promise<void> {
  await Promise.all(
    waiting.map(({ deliveryId, waitingFor }) =>
      scope.tx
        .update(webhookDeliveries)
        .set({ waitingFor, updatedAt: sql`now()` })
        .where(scope.where(webhookDeliveries, eq(webhookDeliveries.id, deliveryId))),
    ),
  );
}

/**
 * Queues the deliveries that waited for `finished` (delivered or failed), inside the caller's
 * transaction and before its commit: if the commit fails the message finds the delivery still
 * waiting, checks again and waits again or goes, so a spurious wake-up is harmless.
 */
export async function releaseWaiting(
  scope: TenantScope,
  env: Env,
  finished: string[],
): Promise<void> {
  if (finished.length === 0) return;
  const woken = await scope.tx
    .update(webhookDeliveries)
    .set({ waitingFor: null, updatedAt: sql`now()` })
    .where(
      scope.where(
        webhookDeliveries,
        and(
          inArray(webhookDeliveries.waitingFor, finished),
          eq(webhookDeliveries.status, "pending"),
        ),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  await enqueueDeliveries(
    env,
    woken.map((row) => ({ body: deliveryMessage(row.id, scope.tenantId) })),
  );
}

/** Sets an endpoint's ordering; false when the tenant has no such endpoint. */
export async function setEndpointOrdering(
  scope: TenantScope,
  endpointId: string,
  ordering: "unordered" | "per_resource",
): Promise<boolean> {
  const updated = await scope.tx
    .update(webhookEndpoints)
    .set({ ordering, updatedAt: sql`now()` })
    .where(scope.where(webhookEndpoints, eq(webhookEndpoints.id, endpointId)))
    .returning({ id: webhookEndpoints.id });
  return updated.length > 0;
}
