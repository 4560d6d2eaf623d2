import { and, eq, ne, sql } from "drizzle-orm";
import type { Env } from "../../env";
import type { OperatorContext } from "../../platform/context";
import { rowsOf, withSystem, withTenant } from "../../platform/db";
import { tenants } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { describeError, log } from "../../platform/observability/logger";
import { MINUTE_MS, type TrafficSeries } from "../../platform/observability/traffic";
import type { RateLimiter } from "../../platform/rate-limit/durable-object";

type SeriesContext = Pick<OperatorContext, "database" | "env">;

/** The tenant's per-minute traffic from its RateLimiter object; null if it cannot be reached. */
async function trafficSeries(env: Env, tenantId: string, minutes: number) {
  try {
    const stub = env.RATE_LIMITER.get(
      env.RATE_LIMITER.idFromName(tenantId),
    ) as DurableObjectStub<RateLimiter>;
    return (await stub.trafficSeries(minutes)) as TrafficSeries;
  } catch (error) {
    log("warn", "traffic series unavailable", { tenant_id: tenantId, ...describeError(error) });
    return null;
  }
}

interface MinuteRow extends Record<string, unknown> {
  i: number | string;
  backlog: number | string;
  lag: number | string | null;
}

/**
 * Webhook backlog and relay lag per minute, in one statement. Backlog at the end of minute i:
 * deliveries created by then and not delivered or failed by then (by their current status's
 * timestamp; held ones count). Relay lag of minute i: the median of dispatched_at - created_at
 * over the events dispatched in it (null when none was).
 */
function minuteQuery(tenantId: string, start: string, minutes: number) {
  const from = sql`${start}::timestamptz`;
  const end = sql`${from} + make_interval(mins => ${minutes})`;
  return sql`
    with minutes as (select generate_series(0, ${minutes} - 1) as i),
    d as (
      select created_at,
             case status when 'delivered' then delivered_at when 'failed' then failed_at end as done_at
      from webhook_deliveries
      where tenant_id = ${tenantId} and created_at < ${end}
        and (status in ('pending', 'held')
             or coalesce(delivered_at, failed_at, created_at) >= ${from})
    ),
    backlog as (
      select m.i, count(d.created_at) as n
      from minutes m
      left join d on d.created_at < ${from} + make_interval(mins => m.i + 1)
        and (d.done_at is null or d.done_at >= ${from} + make_interval(mins => m.i + 1))
      group by m.i
    ),
    lag as (
      select floor(extract(epoch from dispatched_at - ${from}) / 60)::int as i,
             percentile_cont(0.5) within group (order by extract(epoch from dispatched_at - created_at)) as p50
      from events
      where tenant_id = ${tenantId} and dispatched_at >= ${from} and dispatched_at < ${end}
        and created_at >= ${from} - interval '1 day'
      group by 1
    )
    select b.i, b.n as backlog, l.p50 as lag
    from backlog b left join lag l on l.i = b.i
    order by b.i`;
}

const rate = (errors: number, requests: number) =>
  requests > 0 ? Math.round((errors / requests) * 10_000) / 10_000 : 0;

/**
 * One tenant's per-minute series over the last `minutes` minutes (the current minute last):
 * traffic from its RateLimiter object, webhook backlog and relay lag from Postgres.
 */
export async function tenantSeries({
  ctx,
  id,
  minutes,
}: {
  ctx: SeriesContext;
  id: string;
  minutes: number;
}) {
  const [row] = await withSystem(ctx.database, (tx) =>
    tx
      .select({ id: tenants.id })
      .from(tenants)
      .where(and(eq(tenants.id, id), ne(tenants.status, "deleted"))),
  );
  if (!row) throw new AppError("not_found", "No such tenant.");
  const fromMinute = Math.floor(Date.now() / MINUTE_MS) - minutes + 1;
  const start = new Date(fromMinute * MINUTE_MS).toISOString();
  // The object answers while the database does.
  const pending = trafficSeries(ctx.env, id, minutes);
  const rows = await withTenant(
    ctx.database,
    id,
    async (scope) => rowsOf<MinuteRow>(await scope.tx.execute(minuteQuery(id, start, minutes))),
    { readOnly: true },
  );
  const traffic = await pending;
  const backlog = new Array<number>(minutes).fill(0);
  const lag = new Array<number | null>(minutes).fill(null);
  for (const r of rows) {
    const i = Number(r.i);
    backlog[i] = Number(r.backlog);
    lag[i] = r.lag === null ? null : Math.round(Number(r.lag) * 1000) / 1000;
  }
  // The object's clock may sit on the other side of a minute boundary: align on our minutes.
  const shift = traffic ? fromMinute - traffic.from_minute : 0;
  const pick = (values: number[] | undefined) =>
    Array.from({ length: minutes }, (_, i) => values?.[i + shift] ?? 0);
  const requests = pick(traffic?.requests);
  const serverErrors = pick(traffic?.server_errors);
  return {
    tenant_id: id,
    minutes,
    step_seconds: 60 as const,
    start,
    source: traffic ? ("durable_object" as const) : ("unavailable" as const),
    series: {
      requests,
      server_errors: serverErrors,
      error_rate: requests.map((n, i) => rate(serverErrors[i] ?? 0, n)),
      rate_limited: pick(traffic?.rate_limited),
      webhook_backlog: backlog,
      relay_lag_seconds: lag,
    },
  };
}
