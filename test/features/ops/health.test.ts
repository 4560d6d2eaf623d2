import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { firingAlerts, OUTBOX_SWEEP_JOB } from "../../../src/features/ops/health";
import { sealSecret } from "../../../src/platform/crypto/secret-box";
import { newId } from "../../../src/platform/ids";
import { insertTenant, withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { bearer, operator, provisionTenant } from "../../helpers/tenant";

interface Health {
  window: string;
  tenant_id: string | null;
  relay: {
    undispatched: number;
    oldest_undispatched_seconds: number | null;
    dispatched: number;
    lag_p50_seconds: number | null;
    lag_p99_seconds: number | null;
  };
  jobs: {
    exports_in_progress: number;
    imports_in_progress: number;
    backlog: number;
    failures: number;
    recent_failures: unknown[];
  };
  crons: unknown[];
  alerts: Array<{ rule: string; value: number | null; threshold: number }>;
}
interface Series {
  tenant_id: string;
  minutes: number;
  step_seconds: number;
  start: string;
  source: string;
  series: Record<
    | "requests"
    | "server_errors"
    | "error_rate"
    | "rate_limited"
    | "webhook_backlog"
    | "relay_lag_seconds",
    Array<number | null>
  >;
}

const getJson = async <T>(path: string) => {
  const response = await call(path, { headers: operator() });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};

/**
 * A bare tenant (no provisioning events) with a backdated outbox: five events dispatched five
 * minutes ago after 10, 20, 30, 40 and 100 s; an export and an import in progress; an endpoint
 * with one delivery pending for 30 minutes and one created 20 minutes ago and delivered 10
 * minutes ago. The waiting event (three minutes old) is seeded apart, in its own tenant: any
 * test's every-minute cron may relay it, which must not move these figures.
 */
async function seededTenant() {
  const endpointId = newId("whep");
  const secret = await sealSecret(env.WEBHOOK_SECRET_KEY, "whsec_aGVhbHRoLXRlc3Q", endpointId);
  return withOwnerSql(async (sql) => {
    const id = await insertTenant(sql);
    const payload = sql.json({ type: "book.created", timestamp: "", data: {} });
    for (const lag of [10, 20, 30, 40, 100]) {
      await sql`insert into events (id, tenant_id, type, payload, created_at, dispatched_at)
        values (${newId("evt")}, ${id}, 'book.created', ${payload},
                now() - interval '5 minutes' - make_interval(secs => ${lag}), now() - interval '5 minutes')`;
    }
    const exportId = newId("exp");
    await sql`insert into tenant_exports (id, tenant_id, status, reason, requested_by, r2_prefix)
      values (${exportId}, ${id}, 'running', 'requested', 'operator', ${`exports/${id}/${exportId}/`})`;
    await sql`insert into book_imports (id, tenant_id, status, format, r2_key, size_bytes, requested_by)
      values (${newId("imp")}, ${id}, 'queued', 'ndjson', 'imports/x', 10, 'api_key:key_x')`;
    await sql`insert into webhook_endpoints (id, tenant_id, url, event_types, secret_ciphertext)
      values (${endpointId}, ${id}, 'https://hooks.example.com/in', '[]'::jsonb, ${secret})`;
    const evts = await sql<{ id: string }[]>`select id from events where tenant_id = ${id} limit 2`;
    await sql`insert into webhook_deliveries (id, tenant_id, endpoint_id, event_id, status, created_at)
      values (${newId("dlv")}, ${id}, ${endpointId}, ${evts[0]?.id ?? ""}, 'pending', now() - interval '30 minutes')`;
    await sql`insert into webhook_deliveries (id, tenant_id, endpoint_id, event_id, status, created_at, delivered_at)
      values (${newId("dlv")}, ${id}, ${endpointId}, ${evts[1]?.id ?? ""}, 'delivered',
              now() - interval '20 minutes', now() - interval '10 minutes')`;
    return id;
  });
}

/** A bare tenant whose one outbox event has waited for three minutes. */
const waitingTenant = () =>
  withOwnerSql(async (sql) => {
    const id = await insertTenant(sql);
    await sql`insert into events (id, tenant_id, type, payload, created_at)
      values (${newId("evt")}, ${id}, 'book.created', ${sql.json({ type: "book.created", timestamp: "", data: {} })},
              now() - interval '3 minutes')`;
    return id;
  });

describe("ops health", () => {
  it("reports a tenant's relay lag from backdated rows, its jobs in progress, and relay_lag_high for a waiting event", async () => {
    const id = await seededTenant();
    const health = await getJson<Health>(`/admin/ops/tenants/${id}/health?window=1h`);
    expect(health).toMatchObject({
      window: "1h",
      tenant_id: id,
      relay: {
        undispatched: 0,
        oldest_undispatched_seconds: null,
        dispatched: 5,
        lag_p50_seconds: 30,
      },
      jobs: { exports_in_progress: 1, imports_in_progress: 1, backlog: 2, failures: 0 },
    });
    // percentile_cont(0.99) over 10, 20, 30, 40, 100: 40 + 0.96 * 60.
    expect(health.relay.lag_p99_seconds).toBeCloseTo(97.6, 3);
    expect(health.alerts.map((a) => a.rule)).not.toContain("relay_lag_high");
    expect(health.alerts.map((a) => a.rule)).not.toContain("job_dead_letters");

    // A window that ended before the dispatches has no lag sample.
    const short = await getJson<Health>(`/admin/ops/tenants/${id}/health?window=5m`);
    expect(short.relay).toMatchObject({ dispatched: 0, lag_p50_seconds: null });

    // An event waiting for three minutes fires relay_lag_high for its tenant.
    const waiting = await waitingTenant();
    const late = await getJson<Health>(`/admin/ops/tenants/${waiting}/health`);
    expect(late.relay.undispatched).toBe(1);
    expect(late.relay.oldest_undispatched_seconds).toBeGreaterThanOrEqual(179);
    expect(late.relay.oldest_undispatched_seconds).toBeLessThan(240);
    expect(late.alerts).toContainEqual(
      expect.objectContaining({ rule: "relay_lag_high", threshold: 120 }),
    );

    // The platform-wide view includes this tenant's waiting event.
    const all = await getJson<Health>("/admin/ops/health");
    expect(all.tenant_id).toBeNull();
    expect(all.relay.undispatched).toBeGreaterThanOrEqual(1);
    expect(all.relay.oldest_undispatched_seconds).toBeGreaterThanOrEqual(179);
    expect(all.jobs.backlog).toBeGreaterThanOrEqual(2);
  });

  it("draws a tenant's per-minute series: traffic from its object, backlog and lag from the database", async () => {
    const id = await seededTenant();
    const body = await getJson<Series>(`/admin/ops/tenants/${id}/series?minutes=60`);
    expect(body).toMatchObject({ tenant_id: id, minutes: 60, step_seconds: 60 });
    for (const [name, values] of Object.entries(body.series)) {
      expect(values, name).toHaveLength(60);
    }
    const { webhook_backlog: backlog, relay_lag_seconds: lag } = body.series;
    // Pending since 30 min ago; the other one waited from 20 to 10 minutes ago.
    expect(backlog[10]).toBe(0);
    expect(backlog[45]).toBe(2);
    expect(backlog[59]).toBe(1);
    // The five events were dispatched in one minute, five minutes ago, with a median lag of 30 s.
    const minutesWithLag = lag.flatMap((v, i) => (v === null ? [] : [i]));
    expect(minutesWithLag).toHaveLength(1);
    expect(minutesWithLag[0]).toBeGreaterThanOrEqual(53);
    expect(minutesWithLag[0]).toBeLessThanOrEqual(55);
    expect(lag[minutesWithLag[0] ?? 0]).toBe(30);
    expect(new Date(body.start).getTime() % 60_000).toBe(0);

    // A tenant with traffic: its requests and 429s land in the last minutes.
    const busy = await provisionTenant();
    const patched = await call(`/admin/tenants/${busy.id}`, {
      method: "PATCH",
      headers: { ...operator(), "content-type": "application/json" },
      body: JSON.stringify({ limits: { requests_per_hour: 2 } }),
    });
    expect(patched.status).toBe(200);
    for (let i = 0; i < 3; i++)
      await call("/v2/api-keys?limit=1", { headers: bearer(busy.adminKey) });
    const traffic = await getJson<Series>(`/admin/ops/tenants/${busy.id}/series?minutes=15`);
    const sum = (xs: Array<number | null>) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
    expect(traffic.source).toBe("durable_object");
    expect(traffic.series.requests).toHaveLength(15);
    expect(sum(traffic.series.requests)).toBe(3);
    expect(sum(traffic.series.rate_limited)).toBe(1);
    expect(sum(traffic.series.requests.slice(0, 13))).toBe(0);
    expect(traffic.series.error_rate.every((r) => r === 0)).toBe(true);
  });

  it("validates the window, minutes and tenant id (400), and answers 404 for an unknown tenant", async () => {
    const tenant = await provisionTenant();
    for (const path of [
      "/admin/ops/health?window=2d",
      `/admin/ops/tenants/${tenant.id}/health?window=1y`,
      `/admin/ops/tenants/${tenant.id}/series?minutes=2`,
      `/admin/ops/tenants/${tenant.id}/series?minutes=100000`,
      `/admin/ops/tenants/${tenant.id}/series?minutes=ten`,
      `/admin/ops/tenants/${tenant.id}/series?minutes=1.5`,
      "/admin/ops/tenants/not-a-tenant/health",
      "/admin/ops/tenants/not-a-tenant/series",
    ]) {
      const response = await call(path, { headers: operator() });
      expect(response.status, path).toBe(400);
      expect((await readProblem(response)).code, path).toBe("validation_failed");
    }
    const unknown = newId("ten");
    for (const path of [
      `/admin/ops/tenants/${unknown}/health`,
      `/admin/ops/tenants/${unknown}/series`,
    ]) {
      const response = await call(path, { headers: operator() });
      expect(response.status, path).toBe(404);
      expect((await readProblem(response)).code, path).toBe("not_found");
    }
  });

  it("requires the operator token (401); a tenant key is not one", async () => {
    const tenant = await provisionTenant();
    for (const path of [
      "/admin/ops/health",
      `/admin/ops/tenants/${tenant.id}/health`,
      `/admin/ops/tenants/${tenant.id}/series`,
    ]) {
      for (const headers of [{}, bearer("wrong-token"), bearer(tenant.adminKey)]) {
        const response = await call(path, { headers });
        expect(response.status, path).toBe(401);
        expect((await readProblem(response)).code).toBe("unauthenticated");
      }
    }
  });
});

describe("alert rules", () => {
  const now = Date.parse("2026-11-29T12:00:00Z");
  const cron = (
    job: string,
    interval: number,
    succeededSecondsAgo: number | null,
    failures = 0,
  ) => ({
    job,
    cron: interval === 60 ? "* * * * *" : "0 * * * *",
    expected_interval_seconds: interval,
    last_started_at: null,
    last_succeeded_at:
      succeededSecondsAgo === null
        ? null
        : new Date(now - succeededSecondsAgo * 1000).toISOString(),
    last_failed_at: null,
    last_error: failures > 0 ? "Error: boom" : null,
    last_duration_ms: 5,
    consecutive_failures: failures,
    overdue: false,
  });
  const rules = (input: Partial<Parameters<typeof firingAlerts>[0]>) =>
    firingAlerts({
      now,
      crons: [],
      oldestUndispatchedSeconds: null,
      deadLettersLastHour: 0,
      ...input,
    }).map((a) => `${a.rule}${a.job ? `:${a.job}` : ""}`);

  it("fire outbox_sweep_stale when the sweep never succeeded or not for 5 minutes", () => {
    expect(rules({})).toEqual(["outbox_sweep_stale"]);
    expect(rules({ crons: [cron(OUTBOX_SWEEP_JOB, 60, 301)] })).toEqual(["outbox_sweep_stale"]);
    expect(rules({ crons: [cron(OUTBOX_SWEEP_JOB, 60, 299)] })).toEqual([]);
  });

  it("fire relay_lag_high past 2 minutes, job_dead_letters on any, cron_job_failing by interval", () => {
    const swept = cron(OUTBOX_SWEEP_JOB, 60, 30);
    expect(rules({ crons: [swept], oldestUndispatchedSeconds: 120 })).toEqual([]);
    expect(rules({ crons: [swept], oldestUndispatchedSeconds: 121 })).toEqual(["relay_lag_high"]);
    expect(rules({ crons: [swept], deadLettersLastHour: 2 })).toEqual(["job_dead_letters"]);
    // An every-minute job pages after three failures in a row; an hourly one after one.
    expect(rules({ crons: [swept, cron("order-expiry", 60, 200, 2)] })).toEqual([]);
    expect(rules({ crons: [swept, cron("order-expiry", 60, 200, 3)] })).toEqual([
      "cron_job_failing:order-expiry",
    ]);
    expect(rules({ crons: [swept, cron("file-sweep", 3600, 7200, 1)] })).toEqual([
      "cron_job_failing:file-sweep",
    ]);
  });
});
