import { and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { type DatabaseHandle, type Transaction, timed } from "./client";

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

/** Runs `work` in one transaction scoped to `tenantId` (both in WHERE and by RLS). */
export function withTenant<T>(
  handle: DatabaseHandle,
  tenantId: string,
  work: (scope: TenantScope) => Promise<T>,
): Promise<T> {
  return timed(handle.stats, () =>
    handle.db.transaction(async (tx) => {
      await tx.execute(
        sql`select set_config('role', 'shelfwise_app', true), set_config('app.tenant_id', ${tenantId}, true)`,
      );
      return work(new TenantScope(tenantId, tx));
    }),
  );
}

/**
 * Runs `work` in one transaction as `shelfwise_system`: for code that spans tenants by design
 * (operator routes, credential lookup, queue consumers, cron jobs). Never for a tenant request's data.
 */
export function withSystem<T>(
  handle: DatabaseHandle,
  work: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return timed(handle.stats, () =>
    handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('role', 'shelfwise_system', true)`);
      return work(tx);
    }),
  );
}
