import type { Transaction } from "../handle";

/**
 * Writes a transaction sends without waiting for their answers (audit rows, outbox events, the
 * idempotency record): nothing in the work reads their result, so they travel with whatever the
 * work sends next, at the latest with the COMMIT. Waiting for each would cost a round trip to the
 * database per write. They still decide the outcome: `checkedTransaction` reports the first one
 * that failed (and its COMMIT then rolled back), so a request never succeeds without them.
 */
interface Batch {
  writes: Array<Promise<{ error: unknown } | undefined>>;
}

const batches = new WeakMap<object, Batch>();

/** Starts collecting `tx`'s write-behind statements; `settle` reports the first failure. */
export function collectWrites(tx: Transaction): {
  settle(): Promise<{ error: unknown } | undefined>;
} {
  const batch: Batch = { writes: [] };
  batches.set(tx, batch);
  return {
    async settle() {
      for (const outcome of await Promise.all(batch.writes)) if (outcome) return outcome;
      return undefined;
    },
  };
}

/**
 * Lets a savepoint of `parent` write behind into the parent's batch. Returns `discard`, for a
 * savepoint that rolled back: its writes went with it, failed or not.
 */
export function shareWrites(savepoint: Transaction, parent: Transaction): { discard(): void } {
  const batch = batches.get(parent);
  if (!batch) return { discard: () => {} };
  batches.set(savepoint, batch);
  const mark = batch.writes.length;
  return {
    discard: () => {
      batch.writes.length = mark;
    },
  };
}

/**
 * Sends `write` now and returns without its answer when `tx` collects writes (any transaction
 * run by `checkedTransaction`); otherwise waits for it, as a plain write would.
 */
export async function writeBehind(tx: Transaction, write: PromiseLike<unknown>): Promise<void> {
  const batch = batches.get(tx);
  if (!batch) {
    await write;
    return;
  }
  // Called here, not left to a later microtask: drizzle hands the statement to the driver within
  // this `.then`, so it is queued on the connection before anything the work sends next, COMMIT
  // included (and `.then` starts drizzle's lazy query exactly once).
  const sent = write.then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  batch.writes.push(Promise.resolve(sent));
}
