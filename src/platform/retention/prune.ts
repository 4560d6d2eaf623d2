import { type SQL, sql } from "drizzle-orm";
import { type DatabaseHandle, rowsOf, withSystem } from "../db";
import type { PrunedTable } from "./policy";

/** Tables pruned by a plain age delete (audit_log is archived first: audit-archive.ts). */
export type PlainTable = Exclude<PrunedTable, "audit_log">;

const cutoff = (days: number) => sql`now() - make_interval(days => ${days})`;

/**
 * One bounded delete per table: the oldest `limit` rows past the period, found through the
 * table's `created_at` index. `id = any(array(subquery))`, not `id in (subquery)`: the array is
 * computed first and the rows are then fetched by primary key; with `in`, Postgres plans a hash
 * semi-join over a sequential scan of the whole table (docs/retention.md has both plans). The outer WHERE repeats the conditions that protect a row: Postgres
 * re-checks it against a row changed while the statement waited on its lock (a delivery turned
 * back to `pending` by a resend is not deleted), not the subquery.
 */
const STATEMENTS: Record<PlainTable, (days: number, limit: number) => SQL> = {
  webhook_attempts: (days, limit) => sql`
    delete from webhook_attempts where id = any(array(
      select id from webhook_attempts where created_at < ${cutoff(days)}
      order by created_at limit ${limit}
    )) returning 1 as gone`,
  // Only finished deliveries (pending and held ones are work still owed to the tenant), and none
  // that still has attempts: those go first (webhook_attempts.delivery_id references them).
  webhook_deliveries: (days, limit) => sql`
    delete from webhook_deliveries where id = any(array(
      select d.id from webhook_deliveries d
      where d.created_at < ${cutoff(days)} and d.status in ('delivered', 'failed')
        and not exists (select 1 from webhook_attempts a where a.delivery_id = d.id)
      order by d.created_at limit ${limit}
    )) and status in ('delivered', 'failed') returning 1 as gone`,
  // Only events the relay has dispatched and whose deliveries are all gone. Each tenant's
  // `pruned_through` keeps the newest position deleted: a change feed cursor below it has expired.
  events: (days, limit) => sql`
    with gone as (
      delete from events where id = any(array(
        select e.id from events e
        where e.created_at < ${cutoff(days)} and e.dispatched_at is not null
          and not exists (select 1 from webhook_deliveries d where d.event_id = e.id)
        order by e.created_at limit ${limit}
      )) and dispatched_at is not null returning tenant_id, position
    ), marked as (
      update event_positions p set pruned_through = greatest(p.pruned_through, g.top)
      from (select tenant_id, max(position) as top from gone group by tenant_id) g
      where p.tenant_id = g.tenant_id
    )
    select 1 as gone from gone`,
  job_failures: (days, limit) => sql`
    delete from job_failures where id = any(array(
      select id from job_failures where created_at < ${cutoff(days)}
      order by created_at limit ${limit}
    )) returning 1 as gone`,
};

/** The statement that prunes one batch of `table` (exported for the EXPLAIN evidence test). */
export function pruneStatement(table: PlainTable, days: number, limit: number): SQL {
  return STATEMENTS[table](days, limit);
}

/** Deletes one batch of `table`'s expired rows as the system role; returns how many went. */
export async function pruneBatch(
  database: DatabaseHandle,
  table: PlainTable,
  days: number,
  limit: number,
): Promise<number> {
  const result = await withSystem(database, (tx) => tx.execute(pruneStatement(table, days, limit)));
  return rowsOf(result).length;
}
