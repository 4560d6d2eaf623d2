import { eq, lte, sql } from "drizzle-orm";
import type { Env } from "../../env";
import { openSystemDatabase, rowsOf, type TenantScope, uncachedRead, withSystem } from "../db";
import { writeBehind } from "../db/driver";
import { idempotencyRecords } from "../db/schema";
import type { StoredResponse } from "./durable-object";
import { IDEMPOTENCY_TTL_MS } from "./durable-object";

/** The committed record of a key, read back when the Durable Object did not know it. */
export interface ExistingRecord {
  fingerprint: string;
  response: StoredResponse;
  expiresAt: number;
}

/** A key as the records hold it: the tenant comes from the scope, the credential from here. */
export interface RecordKey {
  credentialId: string;
  key: string;
}

/**
 * Claims the credential's `key` inside the request's transaction: inserts the record (or takes
 * over an expired one). A concurrent transaction holding the same key makes this wait on the
 * unique key until it ends; if that one committed, the committed record is returned instead.
 */
export async function claimRecord(
  scope: TenantScope,
  { credentialId, key }: RecordKey,
  fingerprint: string,
): Promise<{ claimed: true; expiresAt: number } | { claimed: false; record: ExistingRecord }> {
  const t = idempotencyRecords;
  const expiresAt = new Date(Date.now() + IDEMPOTENCY_TTL_MS);
  const placeholder = {
    fingerprint,
    responseStatus: 0,
    responseBody: "",
    responseHeaders: {},
    createdAt: new Date(),
    expiresAt,
  };
  const claimed = await scope.tx
    .insert(t)
    .values({ tenantId: scope.tenantId, credentialId, key, ...placeholder })
    .onConflictDoUpdate({
      target: [t.tenantId, t.credentialId, t.key],
      set: placeholder,
      setWhere: lte(t.expiresAt, sql`now()`),
    })
    .returning({ key: t.key });
  if (claimed.length > 0) return { claimed: true, expiresAt: expiresAt.getTime() };
  const [row] = await scope.tx
    .select()
    .from(t)
    .where(scope.where(t, eq(t.credentialId, credentialId), eq(t.key, key), uncachedRead))
    .limit(1);
  if (!row) throw new Error("idempotency record vanished after a conflict");
  return {
    claimed: false,
    record: {
      fingerprint: row.fingerprint,
      response: {
        status: row.responseStatus,
        body: row.responseBody,
        headers: row.responseHeaders,
      },
      expiresAt: row.expiresAt.getTime(),
    },
  };
}

/**
 * Stores the final response in the claimed record (same transaction as the mutation), sent
 * behind: it travels with the COMMIT, which fails if it does (db/driver/write-behind.ts).
 */
export async function finishRecord(
  scope: TenantScope,
  { credentialId, key }: RecordKey,
  response: StoredResponse,
): Promise<void> {
  const t = idempotencyRecords;
  await writeBehind(
    scope.tx,
    scope.tx
      .update(t)
      .set({
        responseStatus: response.status,
        responseBody: response.body,
        responseHeaders: response.headers,
      })
      .where(scope.where(t, eq(t.credentialId, credentialId), eq(t.key, key))),
  );
}

const CLEANUP_BATCH = 5_000;
const CLEANUP_MAX_BATCHES = 50;

/**
 * Cron job: deletes expired records of every tenant, in batches (short transactions that never
 * hold many row locks). Returns how many were deleted.
 */
export async function cleanupIdempotencyRecords(
  env: Env,
  ctx: Pick<ExecutionContext, "waitUntil">,
): Promise<{ deleted: number }> {
  const database = openSystemDatabase(env);
  let deleted = 0;
  try {
    for (let i = 0; i < CLEANUP_MAX_BATCHES; i++) {
      const result = await withSystem(database, (tx) =>
        tx.execute(sql`delete from idempotency_records where ctid in (
            select ctid from idempotency_records where expires_at <= now() limit ${CLEANUP_BATCH}
          ) returning 1 as gone`),
      );
      const n = rowsOf(result).length;
      deleted += n;
      if (n < CLEANUP_BATCH) break;
    }
  } finally {
    ctx.waitUntil(database.close().catch(() => {}));
  }
  return { deleted };
}
