import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type DatabaseHandle, type Transaction, timed } from "./client";
import { checkedTransaction } from "./driver";

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
 * Timeouts of every transaction, set in the statement that switches role (no extra round trip).
 * The runtime roles carry the same values (migration 0006), but `ALTER ROLE … SET` applies only at
 * login and requests switch role inside the transaction. Values: docs/database.md.
 */
const TIMEOUTS = sql.raw(
  "set_config('statement_timeout', '10s', true), set_config('lock_timeout', '5s', true), " +
    "set_config('idle_in_transaction_session_timeout', '15s', true)",
);

/** What a tenant transaction runs first: the RLS-bound role, the tenant, the timeouts. */
export const tenantSetup = (tenantId: string) =>
  sql`select set_config('role', 'shelfwise_app', true), set_config('app.tenant_id', ${tenantId}, true), ${TIMEOUTS}`;

/** What a system transaction runs first. */
export const SYSTEM_SETUP = sql`select set_config('role', 'shelfwise_system', true), ${TIMEOUTS}`;

/**
 * Options of a transaction. `readOnly`: the work only reads; Postgres refuses a write in it, and
 * the request does not wait for its COMMIT (transaction.ts). Ignored by a call that joins
 * the request's transaction (request-transaction.ts), which runs as a savepoint of it.
 */
export interface ScopeOptions {
  readOnly?: boolean;
}

/** For a verb that only reads. */
export const READ_ONLY: ScopeOptions = { readOnly: true };

/**
 * Runs `work` in a transaction of its own, scoped to `tenantId` (both in WHERE and by RLS), and
 * commits it. A tenant request's verb calls `ctx.database.tenant` instead (request-transaction.ts),
 * and this only for what must commit whatever the request does.
 */
export function withTenant<T>(
  handle: DatabaseHandle,
  tenantId: string,
  work: (scope: TenantScope) => Promise<T>,
  options: ScopeOptions = {},
): Promise<T> {
  return timed(handle.stats, () =>
    checkedTransaction(handle, (tx) => work(new TenantScope(tenantId, tx)), {
      setup: tenantSetup(tenantId),
      readOnly: options.readOnly ?? false,
    }),
  );
}

/**
 * Runs `work` in one transaction as `shelfwise_system`: for code that spans tenants by design
 * (operator routes, credential lookup, queue consumers, cron jobs). Never for a tenant request's data.
 * A tenant request's verb that needs it calls `ctx.database.system` instead, which joins the
 * request's transaction when the request has one (request-transaction.ts).
 */
export function withSystem<T>(
  handle: DatabaseHandle,
  work: (tx: Transaction) => Promise<T>,
  options: ScopeOptions = {},
): Promise<T> {
  return timed(handle.stats, () =>
    checkedTransaction(handle, work, {
      setup: SYSTEM_SETUP,
      readOnly: options.readOnly ?? false,
    }),
  );
}
