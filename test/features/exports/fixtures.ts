import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import type { TransactionSql } from "postgres";
import worker from "../../../src/index";
import { withOwnerSql } from "../../helpers/db";
import { call } from "../../helpers/http";
import { bearer } from "../../helpers/tenant";

let counter = 0;

/** Runs jobs-queue messages through the Worker's real queue handler; returns the acked ids. */
export async function runJobs(bodies: unknown[]) {
  const batch = createMessageBatch(
    "shelfwise-jobs",
    bodies.map((body) => ({
      id: `job-${++counter}`,
      timestamp: new Date(),
      attempts: 1,
      body,
    })),
  );
  const ctx = createExecutionContext();
  await worker.queue?.(batch as MessageBatch, env, ctx);
  const result = await getQueueResult(batch, ctx);
  await waitOnExecutionContext(ctx);
  return result;
}

/** Runs the export job for an export id (as the queue would deliver it) and waits for it to complete. */
export async function runExportJob(exportId: string) {
  const result = await runJobs([{ kind: "tenant-export", export_id: exportId }]);
  if (result.retryMessages.length > 0) throw new Error("the export job asked for a retry");
  // The local queue delivers the request's own message to the Worker too: when that run holds
  // the export, this delivery did nothing, and the export completes in the background.
  for (let waited = 0; ; waited += 50) {
    const [row] = await ownerTx(
      (sql) => sql<{ status: string }[]>`select status from tenant_exports where id = ${exportId}`,
    );
    if (row?.status === "completed") return;
    if (waited >= 20_000) throw new Error(`export ${exportId} is ${row?.status}, not completed`);
    await scheduler.wait(50);
  }
}

/** Requests an export with its job kept from the local queue, so only the test runs it. */
export async function requestExportUnqueued(adminKey: string) {
  const jobs = { send: async () => {} } as unknown as Queue;
  const response = await call(
    "/v2/tenant/export",
    { method: "POST", headers: bearer(adminKey) },
    { JOBS: jobs },
  );
  if (response.status !== 202) throw new Error(`export request answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** Fires a cron trigger through the Worker's real scheduled handler. */
export async function fireCron(cron: string) {
  const controller = createScheduledController({ cron, scheduledTime: Date.now() });
  const ctx = createExecutionContext();
  await worker.scheduled?.(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

/** The path and query of a signed URL, to call the Worker in-process without a credential. */
export function local(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname + parsed.search;
}

/** Fetches a signed URL's content as text. */
export async function fetchSigned(url: string): Promise<{ status: number; text: string }> {
  const response = await call(local(url));
  return { status: response.status, text: await response.text() };
}

/**
 * Runs owner queries inside one transaction. The embedded Postgres serializes statements across
 * connections only inside transactions; outside, a job the local queue runs in the background can
 * interleave with a test's query ("portal does not exist").
 */
export function ownerTx<T>(work: (sql: TransactionSql) => Promise<T>): Promise<T> {
  return withOwnerSql((sql) => sql.begin((tx) => work(tx)) as Promise<T>);
}

/** Row counts of a tenant in the given tables (as the owner, past RLS), in one statement. */
export function countRows(tenantId: string, tables: string[]) {
  return ownerTx(async (sql) => {
    // Table names come from this file's constants only; the tenant id is a bound parameter.
    const union = tables
      .map((t) => `select '${t}' as name, count(*)::int as n from "${t}" where tenant_id = $1`)
      .join(" union all ");
    const rows = await sql.unsafe<Array<{ name: string; n: number }>>(union, [tenantId]);
    const counts: Record<string, number> = {};
    for (const table of tables) counts[table] = rows.find((r) => r.name === table)?.n ?? 0;
    return counts;
  });
}

export const EXPORTED_TABLES = [
  "books",
  "orders",
  "order_lines",
  "events",
  "webhook_endpoints",
  "webhook_deliveries",
  "files",
  "api_keys",
  "audit_log",
];
