// Rows and helpers the retention suites share: backdated seeds, presence checks, R2 archive reads.
import { env } from "cloudflare:test";
import { afterEach, beforeEach } from "vitest";
import { type DatabaseHandle, openSystemDatabase } from "../../../src/platform/db";
import { newId } from "../../../src/platform/ids";
import { type ownerSql, withOwnerSql } from "../../helpers/db";

export type OwnerSql = ReturnType<typeof ownerSql>;

// Seeding: rows backdated as the owner (RLS bypassed), `ageDays` old plus `extraMicros`.

export async function seedEndpoint(sql: OwnerSql, tenantId: string): Promise<string> {
  const id = newId("whep");
  await sql`insert into webhook_endpoints (id, tenant_id, url, event_types, secret_ciphertext)
    values (${id}, ${tenantId}, 'https://hooks.example.com/r', ${sql.json([])}, 'c')`;
  return id;
}

export async function seedEvent(
  sql: OwnerSql,
  tenantId: string,
  ageDays: number,
  dispatched = true,
) {
  const id = newId("evt");
  await sql`insert into events (id, tenant_id, type, payload, created_at, dispatched_at)
    values (${id}, ${tenantId}, 'book.created', ${sql.json({ type: "book.created" })},
      now() - make_interval(days => ${ageDays}),
      ${dispatched ? sql`now() - make_interval(days => ${ageDays})` : null})`;
  return id;
}

export async function seedDelivery(
  sql: OwnerSql,
  tenantId: string,
  endpointId: string,
  eventId: string,
  ageDays: number,
  status: "pending" | "delivered" | "failed" | "held",
) {
  const id = newId("dlv");
  await sql`insert into webhook_deliveries (id, tenant_id, endpoint_id, event_id, status, created_at)
    values (${id}, ${tenantId}, ${endpointId}, ${eventId}, ${status},
      now() - make_interval(days => ${ageDays}))`;
  return id;
}

export async function seedAttempt(
  sql: OwnerSql,
  tenantId: string,
  delivery: { id: string; endpointId: string; eventId: string },
  ageDays: number,
) {
  const id = newId("att");
  await sql`insert into webhook_attempts
      (id, tenant_id, delivery_id, endpoint_id, event_id, attempt_number, latency_ms, created_at)
    values (${id}, ${tenantId}, ${delivery.id}, ${delivery.endpointId}, ${delivery.eventId}, 1, 9,
      now() - make_interval(days => ${ageDays}))`;
  return id;
}

export async function seedJobFailure(sql: OwnerSql, tenantId: string, ageDays: number) {
  const id = newId("jobfail");
  await sql`insert into job_failures (id, tenant_id, queue, kind, body, attempts, created_at)
    values (${id}, ${tenantId}, 'shelfwise-jobs', 'tenant-export', ${sql.json({ n: 1 })}, 6,
      now() - make_interval(days => ${ageDays}))`;
  return id;
}

export interface AuditSeed {
  ageDays: number;
  extraMicros?: number;
  before?: unknown;
  /** `before` as raw JSON text, for values JavaScript cannot hold exactly. */
  beforeJson?: string;
  after?: unknown;
  requestId?: string | null;
}

export async function seedAudit(sql: OwnerSql, tenantId: string, seed: AuditSeed) {
  const id = newId("aud");
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  await sql`insert into audit_log (id, tenant_id, actor_type, actor_id, action, target_type,
      target_id, request_id, before, after, created_at)
    values (${id}, ${tenantId}, 'api_key', 'key_x', 'book.updated', 'book', ${newId("book")},
      ${seed.requestId ?? null}, ${seed.beforeJson ?? json(seed.before)}::jsonb, ${json(seed.after)}::jsonb,
      now() - make_interval(days => ${seed.ageDays})
        - make_interval(secs => ${(seed.extraMicros ?? 0) / 1_000_000}))`;
  return id;
}

/** Which of `ids` are still in `table`. */
export async function present(table: string, ids: string[]): Promise<string[]> {
  const rows = await withOwnerSql(
    (sql) => sql`select id from ${sql(table)} where id in ${sql(ids)} order by id`,
  );
  return rows.map((r) => r.id as string);
}

/** Every archive object of a tenant's audit log: key, metadata and body. */
export async function archivesOf(bucket: R2Bucket, tenantId: string) {
  const listed = await bucket.list({
    prefix: `archives/${tenantId}/audit/`,
    include: ["customMetadata"],
  });
  return Promise.all(
    listed.objects.map(async (o) => ({
      key: o.key,
      metadata: o.customMetadata ?? {},
      body: (await (await bucket.get(o.key))?.text()) ?? "",
    })),
  );
}

export async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** An R2 bucket that fails (or silently drops) every write, reading through to the real one. */
export function brokenBucket(mode: "throws" | "drops"): R2Bucket {
  return new Proxy(env.FILES, {
    get(target, prop) {
      if (prop === "put") {
        return async () => {
          if (mode === "throws") throw new Error("R2 put failed (simulated)");
          return null;
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * Periods far shorter than the defaults, and rows aged between the two: other test files fire
 * the hourly cron (default periods) against the same database, and must never prune the
 * retention suites' rows. Nothing else in the suite is older than a day.
 */
export const periods = {
  webhook_attempts: 2,
  webhook_deliveries: 4,
  events: 4,
  job_failures: 4,
  audit_log: 6,
};

/** The current test's database handle (a live binding: set by useRequestDatabase's hooks). */
export let database: DatabaseHandle;

/** Opens `database` before each test of the calling file and closes it after. */
export function useRequestDatabase(): void {
  beforeEach(() => {
    database = openSystemDatabase(env);
  });
  afterEach(async () => {
    await database.close();
  });
}
