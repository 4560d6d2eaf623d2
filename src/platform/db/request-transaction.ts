import type { SQL } from "drizzle-orm";
import { type DatabaseHandle, type Transaction, timed } from "./client";
import { checkedTransaction } from "./driver";
import { shareWrites } from "./driver/write-behind";
import {
  type ScopeOptions,
  SYSTEM_SETUP,
  TenantScope,
  tenantSetup,
  withSystem,
  withTenant,
} from "./tenant-scope";

/**
 * How a tenant request's verbs reach the database. The request's middleware builds it and hands it
 * to the verb in its context (`ctx.database`); the verb never guesses which one it got:
 * - {@link transactionPerCall}: each `tenant()`/`system()` call is a transaction of its own,
 *   committed when the call returns (every request that is not idempotent);
 * - {@link withRequestTransaction}: every call is a savepoint of the request's one transaction,
 *   which commits with the idempotency record or rolls back with it (a keyed POST, PATCH, DELETE).
 * `handle` is for the rare write that must commit whatever the request does (the `uploading` row
 * written before a body streams to R2): `withTenant(ctx.database.handle, …)` is its own transaction.
 */
export interface RequestDatabase {
  readonly handle: DatabaseHandle;
  readonly tenantId: string;
  /** Runs `work` scoped to the request's tenant (in WHERE and by RLS). */
  tenant<T>(work: (scope: TenantScope) => Promise<T>, options?: ScopeOptions): Promise<T>;
  /** Runs `work` as `shelfwise_system` (credential and cross-tenant bookkeeping of the request). */
  system<T>(work: (tx: Transaction) => Promise<T>, options?: ScopeOptions): Promise<T>;
}

/** The request's database when each call is a transaction of its own. */
export function transactionPerCall(handle: DatabaseHandle, tenantId: string): RequestDatabase {
  return {
    handle,
    tenantId,
    tenant: (work, options) => withTenant(handle, tenantId, work, options),
    system: (work, options) => withSystem(handle, work, options),
  };
}

/**
 * The same request's database with each call a transaction of its own, committed at once whatever
 * the request does: for bookkeeping that must outlive a rollback of the request's transaction.
 */
export function ownTransactions(database: RequestDatabase): RequestDatabase {
  return transactionPerCall(database.handle, database.tenantId);
}

/** Runs `work` as a savepoint of `tx`; its writes sent behind join the transaction's. */
function inSavepoint<T>(tx: Transaction, work: (savepoint: Transaction) => Promise<T>): Promise<T> {
  return tx.transaction(async (savepoint) => {
    const writes = shareWrites(savepoint, tx);
    try {
      return await work(savepoint);
    } catch (error) {
      writes.discard();
      throw error;
    }
  });
}

/** Thrown into the transaction to roll it back once `work` failed. */
const rollback = Symbol("rollback");

/**
 * One tenant transaction for a whole request. `work` receives the {@link RequestDatabase} whose
 * `tenant()` and `system()` calls run as savepoints of it, to pass on to the verbs in their
 * context, and `open()`, which opens it without a verb. It opens lazily, at the first call, so work
 * before it (streaming a body, outbound HTTP) runs with no transaction open, and runs `begin`
 * first (the idempotency claim); a `begin` failure is what every call, `open()` and this function
 * then reject with. It commits when `work` resolves and rolls back, with every call, when it throws.
 *
 * The calls share one connection, where savepoints must nest: they run one after another, each
 * finished before the next starts, or nested inside one another (a verb's call made inside an
 * earlier call's work). Two calls running side by side would interleave their savepoints, so the
 * second is refused loudly instead (a programming error, never a user's).
 */
export async function withRequestTransaction<T>(
  handle: DatabaseHandle,
  tenantId: string,
  begin: (scope: TenantScope) => Promise<void>,
  work: (database: RequestDatabase, open: () => Promise<TenantScope>) => Promise<T>,
): Promise<T> {
  let settle!: (commit: boolean) => void;
  const settled = new Promise<boolean>((resolve) => {
    settle = resolve;
  });
  let transaction: Promise<void> | undefined;
  let beginFailure: { error: unknown } | undefined;
  let opened: Promise<Transaction> | undefined;
  const open = () => {
    opened ??= new Promise<Transaction>((resolve, reject) => {
      transaction = checkedTransaction(
        handle,
        async (tx) => {
          try {
            await begin(new TenantScope(tenantId, tx));
          } catch (error) {
            beginFailure = { error };
            throw error;
          }
          resolve(tx);
          if (!(await settled)) throw rollback;
        },
        { setup: tenantSetup(tenantId), readOnly: false },
      );
      transaction.catch(reject);
    });
    return opened;
  };

  const calls = new CallNesting();
  // Once `work` is done, a call (after-response work holding the context) is its own transaction.
  let afterwards: RequestDatabase | undefined;
  const join = async <R>(setup: SQL | undefined, run: (savepoint: Transaction) => Promise<R>) => {
    const tx = await open();
    return calls.run(() =>
      timed(handle.stats, () =>
        inSavepoint(tx, async (savepoint) => {
          if (!setup) return run(savepoint);
          await savepoint.execute(setup);
          const result = await run(savepoint);
          // set_config(…, true) outlives RELEASE SAVEPOINT: hand the transaction back as the tenant.
          await savepoint.execute(tenantSetup(tenantId));
          return result;
        }),
      ),
    );
  };
  const database: RequestDatabase = {
    handle,
    tenantId,
    tenant: (run, options) =>
      afterwards
        ? afterwards.tenant(run, options)
        : join(undefined, (savepoint) => run(new TenantScope(tenantId, savepoint))),
    system: (run, options) =>
      afterwards ? afterwards.system(run, options) : join(SYSTEM_SETUP, run),
  };

  let result: { value: T } | { error: unknown };
  try {
    result = { value: await work(database, async () => new TenantScope(tenantId, await open())) };
  } catch (error) {
    result = { error };
  }
  afterwards = transactionPerCall(handle, tenantId);
  // A call still running (e.g. left behind by a failed handler) must not outlive the transaction.
  await calls.idle();
  settle("value" in result && !beginFailure);
  const outcome = await transaction?.then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  if (beginFailure) throw beginFailure.error;
  if (!("value" in result)) throw result.error;
  if (outcome && outcome.error !== rollback) throw outcome.error;
  return result.value;
}

/**
 * The calls in progress on the request's transaction, innermost last. A call may start while
 * others run only as the innermost one's child, so it finishes first; a call that finishes while
 * a later one still runs ran beside it, not inside it, and fails, as does every call after it (so
 * the request fails and rolls back). A later call that finishes first looks like a nested one and
 * passes: its savepoint was released before the earlier call's work went on.
 */
class CallNesting {
  private readonly open: Array<Promise<unknown>> = [];
  private overlapped = false;

  async run<R>(work: () => Promise<R>): Promise<R> {
    const call = work();
    const settledCall = call.then(
      () => {},
      () => {},
    );
    this.open.push(settledCall);
    try {
      return await call;
    } finally {
      if (this.open.at(-1) !== settledCall) this.overlapped = true;
      this.open.splice(this.open.indexOf(settledCall), 1);
      if (this.overlapped) {
        // biome-ignore lint/correctness/noUnsafeFinally: a programming error outranks the result.
        throw new Error("two calls on the request's transaction ran side by side");
      }
    }
  }

  /** Resolves once no call is in progress. */
  async idle(): Promise<void> {
    while (this.open.length > 0) await Promise.all(this.open);
  }
}
