import { and, desc, eq, gte, ne, type SQL, sql } from "drizzle-orm";
import type { OperatorContext } from "../../platform/context";
import { rowsOf, withSystem } from "../../platform/db";
import { cronHeartbeats, jobFailures, tenants } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { cronIntervalSeconds } from "../../scheduled";
import { hubLags } from "../events/ops";
import { OPS_WINDOWS, type OpsWindow } from "./schemas";

type HealthContext = Pick<OperatorContext, "database" | "env">;

/** The cron job whose heartbeat `outbox_sweep_stale` watches (src/index.ts names it). */
export const OUTBOX_SWEEP_JOB = "webhook-outbox-sweep";
/** The alert thresholds (mirrored by ops/grafana/alert-rules.yaml). */
export const THRESHOLDS = {
  /** The sweep has not succeeded for this long. */
  sweepStaleSeconds: 5 * 60,
  /** The oldest undispatched event is older than this. */
  relayLagSeconds: 2 * 60,
  /** A job was dead-lettered within this long. */
  deadLetterSeconds: 60 * 60,
  /** Consecutive failures of an every-minute job (one transient failure does not page). */
  frequentJobFailures: 3,
  /** Consecutive failures of an hourly or daily job. */
  rareJobFailures: 1,
  /**
   * Events a tenant's event hub is behind its log (its furthest-behind live socket). The relay
   * notifies the hub after each commit and the hub's alarm pumps every 25 s, so a hub this far
   * behind is not pushing (its database reads fail, or its pump is stuck); at 1,000 its sockets
   * are closed 4008.
   */
  hubLagEvents: 100,
} as const;
/** Recent job failures listed. */
const RECENT_FAILURES = 10;
/** Dispatched events older than the window by this much are not searched (bounds the scan). */
const LAG_SCAN_SLACK = "1 day";

const iso = (value: Date | string | null | undefined) =>
  value ? new Date(value).toISOString() : null;
const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const round = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

interface RelayRow extends Record<string, unknown> {
  undispatched: string | number;
  oldest: string | number | null;
  dispatched: string | number;
  p50: string | number | null;
  p99: string | number | null;
  exports: string | number;
  imports: string | number;
  failures: string | number;
  recent_dead: string | number;
}

/**
 * The outbox and job figures in one statement: undispatched events and the oldest one's age,
 * relay lag percentiles over the events dispatched in the window, exports and imports in
 * progress, job failures in the window and in the last hour; `tenantId` scopes them to a tenant.
 */
function figuresQuery(minutes: number, tenantId: string | null) {
  const tenant = (column: string): SQL =>
    tenantId ? sql`and ${sql.raw(column)} = ${tenantId}` : sql``;
  const since = sql`now() - make_interval(mins => ${minutes})`;
  return sql`
    select
      (select count(*) from events where dispatched_at is null ${tenant("tenant_id")}) as undispatched,
      (select extract(epoch from now() - min(created_at)) from events
        where dispatched_at is null ${tenant("tenant_id")}) as oldest,
      count(*) as dispatched,
      percentile_cont(0.5) within group (order by extract(epoch from dispatched_at - created_at)) as p50,
      percentile_cont(0.99) within group (order by extract(epoch from dispatched_at - created_at)) as p99,
      (select count(*) from tenant_exports where status in ('pending', 'running')
        ${tenant("tenant_id")}) as exports,
      (select count(*) from book_imports where status in ('queued', 'running')
        ${tenant("tenant_id")}) as imports,
      (select count(*) from job_failures where created_at >= ${since} ${tenant("tenant_id")}) as failures,
      (select count(*) from job_failures
        where created_at >= now() - make_interval(secs => ${THRESHOLDS.deadLetterSeconds})
        ${tenant("tenant_id")}) as recent_dead
    from events
    where dispatched_at >= ${since}
      and created_at >= ${since} - interval '${sql.raw(LAG_SCAN_SLACK)}'
      ${tenant("tenant_id")}`;
}

type Heartbeat = typeof cronHeartbeats.$inferSelect;

function cronHealth(row: Heartbeat, now: number) {
  const interval = cronIntervalSeconds(row.cron);
  const succeeded = row.lastSucceededAt ? new Date(row.lastSucceededAt).getTime() : null;
  const overdue =
    interval !== null && (succeeded === null || now - succeeded > (2 * interval + 60) * 1000);
  return {
    job: row.job,
    cron: row.cron,
    expected_interval_seconds: interval,
    last_started_at: iso(row.lastStartedAt),
    last_succeeded_at: iso(row.lastSucceededAt),
    last_failed_at: iso(row.lastFailedAt),
    last_error: row.lastError,
    last_duration_ms: row.lastDurationMs,
    consecutive_failures: row.consecutiveFailures,
    overdue,
  };
}

type CronHealth = ReturnType<typeof cronHealth>;
type Alert = {
  rule:
    | "outbox_sweep_stale"
    | "relay_lag_high"
    | "job_dead_letters"
    | "cron_job_failing"
    | "event_hub_behind";
  severity: "page" | "ticket";
  summary: string;
  job?: string;
  tenant_id?: string;
  value: number | null;
  threshold: number;
};

/** The firing rules, from the figures (pure, so each rule is tested on its own). */
export function firingAlerts(input: {
  now: number;
  crons: CronHealth[];
  oldestUndispatchedSeconds: number | null;
  deadLettersLastHour: number;
  /** Tenant hubs with open sockets and how far behind their log they are. */
  hubLags?: Array<{ tenant_id: string; lag_events: number }>;
}): Alert[] {
  const alerts: Alert[] = [];
  const sweep = input.crons.find((c) => c.job === OUTBOX_SWEEP_JOB);
  const sweptAt = sweep?.last_succeeded_at ? Date.parse(sweep.last_succeeded_at) : null;
  const sinceSweep = sweptAt === null ? null : Math.round((input.now - sweptAt) / 1000);
  if (sinceSweep === null || sinceSweep > THRESHOLDS.sweepStaleSeconds) {
    alerts.push({
      rule: "outbox_sweep_stale",
      severity: "page",
      summary:
        sinceSweep === null
          ? "The outbox sweep has never succeeded"
          : `The outbox sweep last succeeded ${sinceSweep} s ago`,
      value: sinceSweep,
      threshold: THRESHOLDS.sweepStaleSeconds,
    });
  }
  const oldest = input.oldestUndispatchedSeconds;
  if (oldest !== null && oldest > THRESHOLDS.relayLagSeconds) {
    alerts.push({
      rule: "relay_lag_high",
      severity: "page",
      summary: `The oldest undispatched event is ${Math.round(oldest)} s old`,
      value: Math.round(oldest),
      threshold: THRESHOLDS.relayLagSeconds,
    });
  }
  if (input.deadLettersLastHour > 0) {
    alerts.push({
      rule: "job_dead_letters",
      severity: "ticket",
      summary: `${input.deadLettersLastHour} job(s) failed into the dead-letter queue in the last hour`,
      value: input.deadLettersLastHour,
      threshold: 0,
    });
  }
  for (const cron of input.crons) {
    const limit =
      cron.expected_interval_seconds === 60
        ? THRESHOLDS.frequentJobFailures
        : THRESHOLDS.rareJobFailures;
    if (cron.consecutive_failures >= limit) {
      alerts.push({
        rule: "cron_job_failing",
        severity: cron.job === OUTBOX_SWEEP_JOB ? "page" : "ticket",
        summary: `${cron.job} failed ${cron.consecutive_failures} time(s) in a row: ${cron.last_error ?? "no error recorded"}`,
        job: cron.job,
        value: cron.consecutive_failures,
        threshold: limit,
      });
    }
  }
  for (const hub of input.hubLags ?? []) {
    if (hub.lag_events > THRESHOLDS.hubLagEvents) {
      alerts.push({
        rule: "event_hub_behind",
        severity: "ticket",
        summary: `The event hub of ${hub.tenant_id} is ${hub.lag_events} events behind its log`,
        tenant_id: hub.tenant_id,
        value: hub.lag_events,
        threshold: THRESHOLDS.hubLagEvents,
      });
    }
  }
  return alerts;
}

/**
 * Relay lag, job health, cron heartbeats and the firing alert rules: platform-wide, or for one
 * tenant (its outbox and jobs; the cron jobs are shared by every tenant, so they are the same).
 */
export async function opsHealth({
  ctx,
  tenantId,
  query,
}: {
  ctx: HealthContext;
  tenantId: string | null;
  query: { window: OpsWindow };
}) {
  const minutes = OPS_WINDOWS[query.window];
  const { figures, heartbeats, failures } = await withSystem(
    ctx.database,
    async (tx) => {
      if (tenantId) {
        const [row] = await tx
          .select({ id: tenants.id })
          .from(tenants)
          .where(and(eq(tenants.id, tenantId), ne(tenants.status, "deleted")));
        if (!row) throw new AppError("not_found", "No such tenant.");
      }
      const [figures] = rowsOf<RelayRow>(await tx.execute(figuresQuery(minutes, tenantId)));
      const heartbeats = await tx.select().from(cronHeartbeats).orderBy(cronHeartbeats.job);
      const since = sql`now() - make_interval(mins => ${minutes})`;
      const failures = await tx
        .select()
        .from(jobFailures)
        .where(
          and(
            gte(jobFailures.createdAt, since),
            tenantId ? eq(jobFailures.tenantId, tenantId) : undefined,
          ),
        )
        .orderBy(desc(jobFailures.createdAt), desc(jobFailures.id))
        .limit(RECENT_FAILURES);
      return { figures, heartbeats, failures };
    },
    { readOnly: true },
  );
  // A hub that cannot answer is not behind as far as this check can tell: the rest still reports.
  const lags = await hubLags(ctx, tenantId).catch(() => []);
  const now = Date.now();
  const crons = heartbeats.map((h) => cronHealth(h, now));
  const oldest = round(num(figures?.oldest));
  const exportsInProgress = Number(figures?.exports ?? 0);
  const importsInProgress = Number(figures?.imports ?? 0);
  return {
    generated_at: new Date(now).toISOString(),
    window: query.window,
    tenant_id: tenantId,
    relay: {
      undispatched: Number(figures?.undispatched ?? 0),
      oldest_undispatched_seconds: oldest,
      dispatched: Number(figures?.dispatched ?? 0),
      lag_p50_seconds: round(num(figures?.p50)),
      lag_p99_seconds: round(num(figures?.p99)),
    },
    jobs: {
      exports_in_progress: exportsInProgress,
      imports_in_progress: importsInProgress,
      backlog: exportsInProgress + importsInProgress,
      failures: Number(figures?.failures ?? 0),
      recent_failures: failures.map((f) => ({
        id: f.id,
        tenant_id: f.tenantId,
        queue: f.queue,
        kind: f.kind,
        error: f.error,
        attempts: f.attempts,
        created_at: new Date(f.createdAt).toISOString(),
      })),
    },
    crons,
    alerts: firingAlerts({
      now,
      crons,
      oldestUndispatchedSeconds: oldest,
      deadLettersLastHour: Number(figures?.recent_dead ?? 0),
      hubLags: lags,
    }),
  };
}
