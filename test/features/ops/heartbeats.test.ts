import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { afterAll, describe, expect, it, vi } from "vitest";
import worker from "../../../src/index";
import { cronIntervalSeconds, runJobs, shortError } from "../../../src/scheduled";
import { withOwnerSql } from "../../helpers/db";
import { call } from "../../helpers/http";
import { createTestTenant, operator } from "../../helpers/tenant";

interface HeartbeatRow {
  job: string;
  cron: string;
  last_started_at: Date | null;
  last_succeeded_at: Date | null;
  last_failed_at: Date | null;
  last_error: string | null;
  last_duration_ms: number | null;
  consecutive_failures: number;
}

const heartbeat = async (job: string) =>
  (
    await withOwnerSql(
      (sql) => sql<HeartbeatRow[]>`select * from cron_heartbeats where job = ${job}`,
    )
  )[0];

/** Job names only these tests use (heartbeats are platform-wide rows). */
const FLAKY = `test-flaky-${crypto.randomUUID().slice(0, 8)}`;
const UNRECORDED = `test-unrecorded-${crypto.randomUUID().slice(0, 8)}`;

afterAll(async () => {
  await withOwnerSql(
    (sql) => sql`delete from cron_heartbeats where job in (${FLAKY}, ${UNRECORDED})`,
  );
});

describe("cron heartbeats", () => {
  it("are written by the every-minute trigger for each of its jobs", async () => {
    const before = Date.now();
    const controller = createScheduledController({ cron: "* * * * *", scheduledTime: before });
    const ctx = createExecutionContext();
    await worker.scheduled(controller, env, ctx);
    await waitOnExecutionContext(ctx);
    for (const job of ["webhook-outbox-sweep", "order-expiry"]) {
      const row = await heartbeat(job);
      expect(row, job).toMatchObject({ cron: "* * * * *", consecutive_failures: 0 });
      expect(row?.last_succeeded_at?.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(row?.last_started_at?.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(row?.last_duration_ms).toBeGreaterThanOrEqual(0);
    }
    // The ops API shows them with their expected interval, and the sweep is not stale.
    const health = (await (await call("/admin/ops/health", { headers: operator() })).json()) as {
      crons: Array<{ job: string; expected_interval_seconds: number | null; overdue: boolean }>;
      alerts: Array<{ rule: string }>;
    };
    expect(health.crons.find((c) => c.job === "webhook-outbox-sweep")).toMatchObject({
      expected_interval_seconds: 60,
      overdue: false,
    });
    expect(health.alerts.map((a) => a.rule)).not.toContain("outbox_sweep_stale");
  });

  it("count consecutive failures with a short, redacted error, and a success resets the count", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const failing = () =>
      Promise.reject(
        new Error(
          "connect failed: postgres://shelfwise:hunter2@db.internal:5432/prod\nstack and more",
        ),
      );
    for (let i = 0; i < 2; i++) {
      await expect(runJobs(env, "0 * * * *", { [FLAKY]: failing })).rejects.toThrow(
        "a scheduled job failed",
      );
    }
    const failed = await heartbeat(FLAKY);
    expect(failed).toMatchObject({ cron: "0 * * * *", consecutive_failures: 2 });
    expect(failed?.last_succeeded_at).toBeNull();
    expect(failed?.last_error).toBe("Error: connect failed: <url>");
    expect(failed?.last_error).not.toContain("hunter2");

    // An hourly job failing once already fires cron_job_failing.
    const health = (await (await call("/admin/ops/health", { headers: operator() })).json()) as {
      alerts: Array<{ rule: string; job?: string; value: number }>;
    };
    expect(health.alerts).toContainEqual(
      expect.objectContaining({ rule: "cron_job_failing", job: FLAKY, value: 2 }),
    );

    await runJobs(env, "0 * * * *", { [FLAKY]: async () => "fine" });
    const recovered = await heartbeat(FLAKY);
    expect(recovered).toMatchObject({ consecutive_failures: 0 });
    expect(recovered?.last_succeeded_at).not.toBeNull();
    // The last failure stays visible next to the success.
    expect(recovered?.last_failed_at?.getTime()).toBe(failed?.last_failed_at?.getTime());
    expect(recovered?.last_error).toBe("Error: connect failed: <url>");
    vi.restoreAllMocks();
  });

  it("never fail the job when the heartbeat cannot be written", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const unreachable = { ...env, HYPERDRIVE: env.HYPERDRIVE_UNREACHABLE };
    let ran = false;
    await expect(
      runJobs(unreachable, "0 * * * *", {
        [UNRECORDED]: async () => {
          ran = true;
        },
      }),
    ).resolves.toBeUndefined();
    expect(ran).toBe(true);
    expect(await heartbeat(UNRECORDED)).toBeUndefined();
    vi.restoreAllMocks();
  });

  it("know the interval of each cron shape wrangler.toml uses, and redact URLs from errors", () => {
    expect(cronIntervalSeconds("* * * * *")).toBe(60);
    expect(cronIntervalSeconds("0 * * * *")).toBe(3600);
    expect(cronIntervalSeconds("30 3 * * *")).toBe(86_400);
    expect(cronIntervalSeconds("*/5 * * * *")).toBeNull();
    expect(cronIntervalSeconds("0 0 * * 1")).toBeNull();
    expect(shortError(new TypeError("x".repeat(500))).length).toBe(200);
    expect(shortError("https://user:pw@example.com/x failed")).toBe("Error: <url> failed");
  });
});

/** The failing R2 bucket of an export job: every write throws. */
function bucketFailingWrites(): R2Bucket {
  return new Proxy(env.FILES, {
    get(target, prop) {
      if (prop === "put" || prop === "createMultipartUpload") {
        return async () => {
          throw new Error("R2 is down");
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Hands one message to the Worker's queue handler as `queue` would deliver it. */
async function deliver(
  queue: string,
  body: unknown,
  attempts: number,
  bindings: Partial<typeof env> = {},
) {
  const batch = createMessageBatch(queue, [
    { id: `dlq-${crypto.randomUUID()}`, timestamp: new Date(), attempts, body },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch, { ...env, ...bindings }, ctx);
  const result = await getQueueResult(batch, ctx);
  await waitOnExecutionContext(ctx);
  return result;
}

describe("the jobs dead-letter queue", () => {
  it("records a job whose handler always throws in job_failures, visible in the ops API", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const logged: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: unknown) => {
      logged.push(String(line));
    });
    const tenant = await createTestTenant();
    const exportId = `exp_${crypto.randomUUID().replaceAll("-", "").slice(0, 26)}`;
    await withOwnerSql(
      (
        sql,
      ) => sql`insert into tenant_exports (id, tenant_id, status, reason, requested_by, r2_prefix)
        values (${exportId}, ${tenant.id}, 'pending', 'requested', 'operator',
                ${`exports/${tenant.id}/${exportId}/`})`,
    );
    const body = { kind: "tenant-export", export_id: exportId };
    // Its last attempt (max_retries 5) still fails: the consumer asks for a retry, which the
    // platform turns into a dead letter (wrangler.toml: dead_letter_queue).
    const last = await deliver("shelfwise-jobs", body, 6, { FILES: bucketFailingWrites() });
    expect(last.retryMessages).toHaveLength(1);
    expect(last.explicitAcks).toEqual([]);

    const dead = await deliver("shelfwise-jobs-dlq", body, 1);
    expect(dead.explicitAcks).toHaveLength(1);
    const rows = await withOwnerSql(
      (sql) => sql`select tenant_id, queue, kind, body, error, attempts from job_failures
        where tenant_id = ${tenant.id}`,
    );
    expect(rows).toEqual([
      {
        tenant_id: tenant.id,
        queue: "shelfwise-jobs-dlq",
        kind: "tenant-export",
        body,
        error: "export_failed",
        attempts: 6,
      },
    ]);
    const line = logged
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.message === "job dead-lettered");
    expect(line).toMatchObject({ level: "error", kind: "tenant-export", tenant_id: tenant.id });

    const health = (await (
      await call(`/admin/ops/tenants/${tenant.id}/health`, { headers: operator() })
    ).json()) as {
      jobs: { failures: number; recent_failures: Array<Record<string, unknown>> };
      alerts: Array<{ rule: string; value: number }>;
    };
    expect(health.jobs.failures).toBe(1);
    expect(health.jobs.recent_failures[0]).toMatchObject({
      tenant_id: tenant.id,
      kind: "tenant-export",
      error: "export_failed",
      attempts: 6,
    });
    expect(health.alerts).toContainEqual(
      expect.objectContaining({ rule: "job_dead_letters", value: 1 }),
    );
    vi.restoreAllMocks();
  });

  it("takes the tenant of a deletion step from the message, and the staging queue's name too", async () => {
    const tenant = await createTestTenant();
    const body = { kind: "tenant-deletion", tenant_id: tenant.id };
    const dead = await deliver("shelfwise-jobs-dlq-staging", body, 1);
    expect(dead.explicitAcks).toHaveLength(1);
    const rows = await withOwnerSql(
      (sql) => sql`select kind, queue, error from job_failures where tenant_id = ${tenant.id}`,
    );
    expect(rows).toEqual([
      { kind: "tenant-deletion", queue: "shelfwise-jobs-dlq-staging", error: "retries exhausted" },
    ]);
  });

  it("acknowledges a dead letter naming no known tenant after logging it, storing nothing", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const before = await withOwnerSql((sql) => sql`select count(*)::int as n from job_failures`);
    const dead = await deliver(
      "shelfwise-jobs-dlq",
      { kind: "book-import", import_id: "imp_x" },
      1,
    );
    expect(dead.explicitAcks).toHaveLength(1);
    const after = await withOwnerSql((sql) => sql`select count(*)::int as n from job_failures`);
    expect(after[0]?.n).toBe(before[0]?.n);
    vi.restoreAllMocks();
  });
});
