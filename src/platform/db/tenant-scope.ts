import { AsyncLocalStorage } from "node:async_hooks";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type DatabaseHandle, type Transaction, timed } from "./client";
import { checkedTransaction } from "./transaction";
import { shareWrites } from "./write-behind";

/** A table that carries `tenant_id`. */
export interface TenantTable {
  tenantId: PgColumn;
}

/**
 * The one way tenant data is reached: a transaction running as the RLS-bound `shelfwise_app`
 * role with `app.tenant_id` set, plus `where()`, which binds `tenant_id` into every query's WHERE
 * (Hyperdrive caches by SQL text and parameters, so RLS alone must never be what filters).
 */
export class TenantScope {
  constructor(
    readonly tenantId: string,
    readonly tx: Transaction,
  ) {}

  /** `tenant_id = <this tenant>` AND every given condition. */
  where(table: TenantTable, ...conditions: Array<SQL | undefined>): SQL {
    return and(eq(table.tenantId, this.tenantId), ...conditions) as SQL;
  }
}

/**
 * The transaction an idempotent request runs in (see `withTenantTransaction`): `withTenant` for
 * the same tenant and `withSystem` join it as savepoints, so the request's effects and its
 * idempotency record commit or roll back together. It opens at the first joined call, so work
 * before it (streaming a body, outbound HTTP) runs with no transaction open. Joined calls are
 * serialized: one connection runs one statement at a time, and savepoints must nest.
 */
interface Ambient {
  tenantId: string;
  /** The transaction, opened (with its `begin` step) on first use; memoized, failure included. */
  open: () => Promise<Transaction>;
  queue: Promise<unknown>;
}

const ambients = new WeakMap<DatabaseHandle, Ambient>();

/**
 * Timeouts of every transaction, set in the statement that switches role (no extra round trip).
 * The runtime roles carry the same values (migration 0006), but `ALTER ROLE … SET` applies only at
 * login and requests switch role inside the transaction. Values: docs/database.md.
 */
const TIMEOUTS = sql.raw(
  "set_config('statement_timeout', '10s', true), set_config('lock_timeout', '5s', true), " +
    "set_config('idle_in_transaction_session_timeout', '15s', true)",
);

/** What a tenant transaction runs first: the RLS-bound role, the tenant, the timeouts. */
const tenantSetup = (tenantId: string) =>
  sql`select set_config('role', 'shelfwise_app', true), set_config('app.tenant_id', ${tenantId}, true), ${TIMEOUTS}`;

/** What a system transaction runs first. */
const SYSTEM_SETUP = sql`select set_config('role', 'shelfwise_system', true), ${TIMEOUTS}`;

const enterTenant = (tx: Transaction, tenantId: string) => tx.execute(tenantSetup(tenantId));

const enterSystem = (tx: Transaction) => tx.execute(SYSTEM_SETUP);

/** Set while a joined call runs, so a call nested inside it is not queued behind itself. */
const insideJoinedCall = new AsyncLocalStorage<true>();

/** Runs `work` after every earlier joined call of the ambient transaction has finished. */
function joinAmbient<T>(ambient: Ambient, work: () => Promise<T>): Promise<T> {
  if (insideJoinedCall.getStore()) return work();
  const start = () => insideJoinedCall.run(true, work);
  const run = ambient.queue.then(start, start);
  ambient.queue = run.catch(() => {});
  return run;
}

/** Set while a call that must not join the request's transaction runs. */
const detached = new AsyncLocalStorage<true>();

/**
 * Runs `work` with its `withTenant`/`withSystem` calls in transactions of their own, committed at
 * once, even inside `withTenantTransaction`: for bookkeeping that must outlive the request's
 * transaction, such as the `uploading` row written before a body streams to R2.
 */
export function outsideRequestTransaction<T>(work: () => Promise<T>): Promise<T> {
  return detached.run(true, work);
}

const ambientOf = (handle: DatabaseHandle) =>
  detached.getStore() ? undefined : ambients.get(handle);

/** Thrown into the transaction to roll it back once `work` failed. */
const rollback = Symbol("rollback");

/**
 * One tenant transaction that every `withTenant(handle, tenantId, …)` and `withSystem(handle, …)`
 * made while `work` runs joins (as a savepoint) instead of opening its own. It opens lazily, at
 * the first joined call or when `work` calls `open()`, and runs `begin` first (the idempotency
 * claim); a `begin` failure is what every joined call, `open()` and this function then reject
 * with. It commits when `work` resolves and rolls back, with everything joined, when it throws.
 * Used by the idempotency middleware, so a mutation and its record are one commit.
 */
export async function withTenantTransaction<T>(
  handle: DatabaseHandle,
  tenantId: string,
  begin: (scope: TenantScope) => Promise<void>,
  work: (open: () => Promise<TenantScope>) => Promise<T>,
): Promise<T> {
  if (ambients.has(handle)) throw new Error("a tenant transaction is already open on this handle");
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
        handle.db,
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
        { setup: tenantSetup(tenantId) },
      );
      transaction.catch(reject);
    });
    return opened;
  };
  const ambient: Ambient = { tenantId, open, queue: Promise.resolve() };
  ambients.set(handle, ambient);
  let result: { value: T } | { error: unknown };
  try {
    result = { value: await work(async () => new TenantScope(tenantId, await open())) };
  } catch (error) {
    result = { error };
  } finally {
    ambients.delete(handle);
    // A joined call still running (e.g. left behind by a failed handler) must not outlive it.
    await ambient.queue;
  }
  settle("value" in result && !beginFailure);
  const ended = await transaction?.then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  if (beginFailure) throw beginFailure.error;
  if (!("value" in result)) throw result.error;
  if (ended && ended.error !== rollback) throw ended.error;
  return result.value;
}

/**
 * Options of a transaction. `readOnly`: the work only reads; Postgres refuses a write in it, and
 * the request does not wait for its COMMIT (transaction.ts). Ignored inside the request's
 * transaction, which the work joins as a savepoint.
 */
export interface ScopeOptions {
  readOnly?: boolean;
}

/** For a verb that only reads. */
export const READ_ONLY: ScopeOptions = { readOnly: true };

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

/** Runs `work` in one transaction scoped to `tenantId` (both in WHERE and by RLS). */
export function withTenant<T>(
  handle: DatabaseHandle,
  tenantId: string,
  work: (scope: TenantScope) => Promise<T>,
  options: ScopeOptions = {},
): Promise<T> {
  const ambient = ambientOf(handle);
  if (ambient?.tenantId === tenantId) {
    return joinAmbient(ambient, async () => {
      const tx = await ambient.open();
      return timed(handle.stats, () =>
        inSavepoint(tx, (savepoint) => work(new TenantScope(tenantId, savepoint))),
      );
    });
  }
  return timed(handle.stats, () =>
    checkedTransaction(handle.db, (tx) => work(new TenantScope(tenantId, tx)), {
      setup: tenantSetup(tenantId),
      readOnly: options.readOnly,
    }),
  );
}

/**
 * Runs `work` in one transaction as `shelfwise_system`: for code that spans tenants by design
 * (operator routes, credential lookup, queue consumers, cron jobs). Never for a tenant request's data.
 * Inside an ambient tenant transaction it runs as a savepoint of it (so its writes share the
 * request's fate) and restores the tenant role afterwards.
 */
export function withSystem<T>(
  handle: DatabaseHandle,
  work: (tx: Transaction) => Promise<T>,
  options: ScopeOptions = {},
): Promise<T> {
  const ambient = ambientOf(handle);
  if (ambient) {
    return joinAmbient(ambient, async () => {
      const tx = await ambient.open();
      return timed(handle.stats, () =>
        inSavepoint(tx, async (savepoint) => {
          await enterSystem(savepoint);
          const result = await work(savepoint);
          // set_config(…, true) outlives RELEASE SAVEPOINT: hand the transaction back as the tenant.
          await enterTenant(savepoint, ambient.tenantId);
          return result;
        }),
      );
    });
  }
  return timed(handle.stats, () =>
    checkedTransaction(handle.db, work, { setup: SYSTEM_SETUP, readOnly: options.readOnly }),
  );
}
