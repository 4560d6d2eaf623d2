import { inArray, ne, sql } from "drizzle-orm";
import type { TenantScope } from "../db";
import { webhookDeliveries, webhookEndpoints } from "../db/schema";
import type { Candidate, Plans } from "./load";

/** What the hold stage reads. */
export interface HoldInput {
  candidates: readonly Candidate[];
  /** False when the tenant is suspended, offboarding or deleted, or its webhooks are paused. */
  tenantActive: boolean;
}

/** What the hold stage decided, and the messages it leaves to the next stages. */
export interface Held {
  /** Held deliveries' messages (acked: the hold's release queues them again), or deferred. */
  plans: Plans;
  /** Messages of active endpoints of an active tenant, in batch order. */
  rest: Candidate[];
}

/**
 * Holds, with their attempts intact, the deliveries of a suspended endpoint or of a tenant that is
 * sent nothing: the endpoint's recovery or the tenant's resume releases them. Held deliveries stay
 * open, so per-resource order survives the hold. One statement for every delivery held in the
 * load (a suspended tenant's batch is all holds).
 */
export async function hold(scope: TenantScope, input: HoldInput): Promise<Held> {
  const plans: Plans = new Map();
  const rest: Candidate[] = [];
  const toHold: Candidate[] = [];
  for (const candidate of input.candidates) {
    if (candidate.row.endpoint.status === "active" && input.tenantActive) {
      rest.push(candidate);
      continue;
    }
    if (candidate.row.delivery.status !== "held") toHold.push(candidate);
    plans.set(candidate.message, { kind: "done" });
  }
  if (toHold.length > 0) {
    const heldNow = await holdDeliveries(
      scope,
      toHold.map((c) => c.row.delivery.id),
      input.tenantActive,
    );
    // Left unheld, its endpoint went active meanwhile: deferred briefly, not dropped.
    for (const { message, row } of toHold) {
      if (!heldNow.has(row.delivery.id)) plans.set(message, { kind: "defer", waitSeconds: 1 });
    }
  }
  return { plans, rest };
}

/**
 * Sets the deliveries held; answers those it held. The endpoints were read without a lock, so a
 * recovery may have committed since: for an active tenant only deliveries whose endpoint is
 * still not active are held, under a key-share lock on the endpoint row, which a recovery
 * (`FOR UPDATE`, then release of the holds) either waits for or has already released.
 */
async function holdDeliveries(
  scope: TenantScope,
  ids: string[],
  tenantActive: boolean,
): Promise<Set<string>> {
  const stillSuspended = scope.tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(scope.where(webhookEndpoints, ne(webhookEndpoints.status, "active")))
    .for("key share");
  const rows = await scope.tx
    .update(webhookDeliveries)
    .set({ status: "held", updatedAt: sql`now()` })
    .where(
      scope.where(
        webhookDeliveries,
        inArray(webhookDeliveries.id, ids),
        tenantActive ? inArray(webhookDeliveries.endpointId, stillSuspended) : undefined,
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return new Set(rows.map((row) => row.id));
}
