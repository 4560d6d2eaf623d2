import { concurrencyLimit, type Limiter } from "../concurrency";

/**
 * Deliveries in flight per batch: the platform opens at most six connections per invocation and
 * the batch's database connection is one of them. Beyond that fetches would wait in the runtime's
 * own queue, where their 15 s timeout would already be running.
 */
const PARALLEL_DELIVERIES = 5;

/** One endpoint holds at most three slots: a slow receiver leaves the others room. */
const PARALLEL_PER_ENDPOINT = 3;

/** Runs a delivery attempt in a free slot, or answers undefined once the batch's budget is spent. */
export type Sender = <R>(endpointId: string, attempt: () => Promise<R>) => Promise<R | undefined>;

/** A batch's send slots: shared by its tenant groups, closed to new attempts after `budgetMs`. */
export function batchSender(budgetMs: number): Sender {
  const deadline = Date.now() + budgetMs;
  const slot = concurrencyLimit(PARALLEL_DELIVERIES);
  const endpointSlots = new Map<string, Limiter>();
  return (endpointId, attempt) => {
    const endpointSlot = endpointSlots.get(endpointId) ?? concurrencyLimit(PARALLEL_PER_ENDPOINT);
    endpointSlots.set(endpointId, endpointSlot);
    return endpointSlot(() =>
      slot(() => (Date.now() > deadline ? Promise.resolve(undefined) : attempt())),
    );
  };
}

/** A group's sends, one endpoint's then the next's in turn, so every endpoint starts early. */
export function byEndpointInTurn<T extends { plan: { endpointId: string } }>(sends: T[]): T[] {
  const lanes = new Map<string, T[]>();
  for (const send of sends) {
    const lane = lanes.get(send.plan.endpointId);
    if (lane) lane.push(send);
    else lanes.set(send.plan.endpointId, [send]);
  }
  const ordered: T[] = [];
  for (let i = 0; ordered.length < sends.length; i++) {
    for (const lane of lanes.values()) if (lane[i]) ordered.push(lane[i] as T);
  }
  return ordered;
}
