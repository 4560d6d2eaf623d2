import { eq } from "drizzle-orm";
import type { Env } from "../../env";
import { type DatabaseHandle, openSystemDatabase, type Transaction, withSystem } from "../db";
import { bookImports, jobFailures, tenantExports, tenants } from "../db/schema";
import { recordEachDeadLetter } from "../dead-letter-records";
import { newId } from "../ids";
import { recordJobDeadLetter } from "../observability/analytics";
import { log } from "../observability/logger";
import { JOBS_MAX_ATTEMPTS } from "./policy";

/** Longest `kind` kept from a message body (bodies come from our own producers, but stay bounded). */
const KIND_CHARS = 64;

/** What the message tells about its job: its kind, tenant and any stored failure reason. */
interface Known {
  kind: string;
  tenantId: string | null;
  error: string | null;
}

const text = (value: unknown): string | null =>
  typeof value === "string" && value.length > 0 && value.length <= 64 ? value : null;

/**
 * The job's tenant from the message body: `tenant_id` itself (a deletion step), or the tenant of
 * the export or import the message names, with the reason its row recorded (if any).
 */
async function known(tx: Transaction, body: Record<string, unknown>): Promise<Known> {
  const kind = typeof body.kind === "string" ? body.kind.slice(0, KIND_CHARS) : "unknown";
  const tenantId = text(body.tenant_id);
  const exportId = text(body.export_id);
  const importId = text(body.import_id);
  if (exportId) {
    const [row] = await tx
      .select({ tenantId: tenantExports.tenantId, error: tenantExports.error })
      .from(tenantExports)
      .where(eq(tenantExports.id, exportId));
    return { kind, tenantId: row?.tenantId ?? null, error: row?.error ?? null };
  }
  if (importId) {
    const [row] = await tx
      .select({ tenantId: bookImports.tenantId, error: bookImports.error })
      .from(bookImports)
      .where(eq(bookImports.id, importId));
    return { kind, tenantId: row?.tenantId ?? null, error: row?.error ?? null };
  }
  if (tenantId) {
    const [row] = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenantId));
    return { kind, tenantId: row?.id ?? null, error: null };
  }
  return { kind, tenantId: null, error: null };
}

/** A body as jsonb can hold it: a plain object as is, anything else wrapped. */
function storableBody(body: unknown): Record<string, unknown> {
  if (body && typeof body === "object" && !Array.isArray(body)) {
    try {
      return JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
    } catch {
      return { value: String(body) };
    }
  }
  return { value: body === undefined ? null : String(body) };
}

/** Records one dead-lettered job in `job_failures` (when its tenant is known); returns what was known. */
async function recordOne(handle: DatabaseHandle, queue: string, message: Message) {
  const body = storableBody(message.body);
  return withSystem(handle, async (tx) => {
    const job = await known(tx, body);
    if (job.tenantId) {
      await tx.insert(jobFailures).values({
        id: newId("jobfail"),
        tenantId: job.tenantId,
        queue,
        kind: job.kind,
        body,
        error: job.error ?? "retries exhausted",
        // The dead letter's own `attempts` counts deliveries to this consumer, not to the jobs one.
        attempts: JOBS_MAX_ATTEMPTS,
      });
    }
    return job;
  });
}

/**
 * Consumer of the jobs dead-letter queue: each job that exhausted its retries is recorded in
 * `job_failures` (the ops API lists them, `job_dead_letters` alerts on them), logged at error
 * level and written as a `job_dead_letter` analytics data point (the Grafana alert's signal).
 * A message whose tenant cannot be found is logged and counted but not stored (the table is per
 * tenant). A database error retries the message.
 */
export async function consumeJobDeadLetters(batch: MessageBatch, env: Env): Promise<void> {
  const handle = openSystemDatabase(env, 1);
  try {
    await recordEachDeadLetter(
      batch.queue,
      batch.messages,
      "dead-lettered job not recorded; retrying",
      async (message) => {
        const job = await recordOne(handle, batch.queue, message);
        log("error", "job dead-lettered", {
          queue: batch.queue,
          message_id: message.id,
          kind: job.kind,
          tenant_id: job.tenantId,
          stored: job.tenantId !== null,
        });
        recordJobDeadLetter(env, {
          tenantId: job.tenantId,
          kind: job.kind,
          queue: batch.queue,
          messageId: message.id,
          attempts: JOBS_MAX_ATTEMPTS,
        });
      },
    );
  } finally {
    await handle.close().catch(() => {});
  }
}
