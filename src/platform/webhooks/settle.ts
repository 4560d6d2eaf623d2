import { eq, sql } from "drizzle-orm";
import type { TenantScope } from "../db";
import { webhookDeliveries } from "../db/schema";
import { UNSEEN_LOOKS } from "./config";
import type { Candidate, DeliveryRow, Plans, QueuedDelivery } from "./load";

/** What the settle stage reads: the load's messages and the delivery rows found for them. */
export interface SettleInput {
  messages: readonly QueuedDelivery[];
  rows: ReadonlyMap<string, DeliveryRow>;
}

/** What the settle stage decided, and the messages it leaves to the next stages. */
export interface Settled {
  /** Messages with nothing to send: not visible yet, gone, already delivered, endpoint disabled. */
  plans: Plans;
  /** Deliveries settled as failed here: what waits behind them in order is to be released. */
  finished: string[];
  /** Every other message, in batch order. */
  rest: Candidate[];
}

/**
 * First stage of the load: settles every message that can have no send. A message may have
 * overtaken the commit that sent it (the relay's: no row yet; a resend's: a re-delivery whose
 * delivery still reads as delivered), so it looks again a few times before its row is taken for a
 * deleted endpoint's or the message for a duplicate. A disabled endpoint fails its deliveries
 * whatever the tenant's status: resuming the tenant would not send them either.
 */
export async function settle(scope: TenantScope, input: SettleInput): Promise<Settled> {
  const plans: Plans = new Map();
  const finished: string[] = [];
  const rest: Candidate[] = [];
  for (const message of input.messages) {
    const row = input.rows.get(message.body.delivery_id);
    const uncommitted = !row || (message.body.redelivery && row.delivery.status === "delivered");
    if (uncommitted && (message.body.unseen_looks ?? 0) < UNSEEN_LOOKS) {
      plans.set(message, { kind: "unseen" });
      continue;
    }
    // Gone (endpoint deleted) or already delivered (a duplicate message): nothing to do.
    if (!row || row.delivery.status === "delivered") {
      plans.set(message, { kind: "done" });
      continue;
    }
    if (row.endpoint.status === "disabled") {
      await scope.tx
        .update(webhookDeliveries)
        .set({
          status: "failed",
          failedAt: sql`now()`,
          updatedAt: sql`now()`,
          lastError: row.delivery.lastError ?? "endpoint is disabled",
        })
        .where(scope.where(webhookDeliveries, eq(webhookDeliveries.id, row.delivery.id)));
      finished.push(row.delivery.id);
      plans.set(message, { kind: "done" });
      continue;
    }
    rest.push({ message, row });
  }
  return { plans, finished, rest };
}
