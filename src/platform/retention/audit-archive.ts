import { sql } from "drizzle-orm";
import { type DatabaseHandle, rowsOf, withSystem } from "../db";

/** One expired audit row, serialized by Postgres itself (see `selectExpired`). */
interface ExpiredRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  /** The row's UTC day, `yyyy/mm/dd`. */
  day: string;
  /** The whole row as one JSON object: every column, `created_at` in UTC with microseconds. */
  line: string;
}

/** The rows of one archive object: one tenant, one UTC day, consecutive in age order. */
interface ArchiveGroup {
  key: string;
  ids: string[];
  lines: string[];
}

/** What one archive batch did. `rows` were archived, verified, then deleted. */
export interface AuditArchiveBatch {
  selected: number;
  deleted: number;
  objects: string[];
}

/** Thrown when an archive object cannot be read back as written: nothing is deleted. */
export class ArchiveNotVerifiedError extends Error {
  constructor(key: string, reason: string) {
    super(`audit archive ${key} not verified: ${reason}`);
    this.name = "ArchiveNotVerifiedError";
  }
}

/** `archives/{tenant_id}/audit/{yyyy}/{mm}/{dd}/{first_id}-{last_id}.ndjson` */
export function archiveKey(tenantId: string, day: string, firstId: string, lastId: string) {
  return `archives/${tenantId}/audit/${day}/${firstId}-${lastId}.ndjson`;
}

/**
 * The oldest `limit` audit rows past the period, oldest first (ties by id, so a repeated run picks
 * the same rows in the same order and writes the same objects). Postgres writes each line from
 * the row (`to_jsonb`): every column, a later one included, with jsonb values exactly as stored
 * (no round trip through JavaScript numbers) and `created_at` at full precision.
 */
async function selectExpired(database: DatabaseHandle, days: number, limit: number) {
  const result = await withSystem(
    database,
    (tx) =>
      tx.execute(sql`
        select a.id, a.tenant_id, to_char(a.created_at at time zone 'UTC', 'YYYY/MM/DD') as day,
          (to_jsonb(a) || jsonb_build_object('created_at',
            to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))::text as line
        from audit_log a
        where a.created_at < now() - make_interval(days => ${days})
        order by a.created_at, a.id
        limit ${limit}`),
    { readOnly: true },
  );
  return rowsOf<ExpiredRow>(result);
}

/** Splits rows (in age order) into one group per tenant and day, first seen first. */
function groupRows(rows: ExpiredRow[]): ArchiveGroup[] {
  const groups = new Map<
    string,
    { tenantId: string; day: string; ids: string[]; lines: string[] }
  >();
  for (const row of rows) {
    const name = `${row.tenant_id}/${row.day}`;
    let group = groups.get(name);
    if (!group) {
      group = { tenantId: row.tenant_id, day: row.day, ids: [], lines: [] };
      groups.set(name, group);
    }
    group.ids.push(row.id);
    group.lines.push(row.line);
  }
  return [...groups.values()].map((g) => ({
    key: archiveKey(g.tenantId, g.day, g.ids[0] as string, g.ids[g.ids.length - 1] as string),
    ids: g.ids,
    lines: g.lines,
  }));
}

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * Writes one group as an NDJSON object and reads its metadata back. R2 checks the body against
 * `sha256` on upload; the head proves the object is there with that size and digest. An object
 * already at the key with the same digest is a run that stopped before its deletes: it is kept as
 * is (a bucket lock refuses overwrites). One with other content is never replaced.
 */
async function writeVerified(bucket: R2Bucket, group: ArchiveGroup): Promise<void> {
  const body = new TextEncoder().encode(`${group.lines.join("\n")}\n`);
  const sha256 = hex(await crypto.subtle.digest("SHA-256", body));
  const existing = await bucket.head(group.key);
  if (existing) {
    if (existing.customMetadata?.sha256 === sha256 && existing.size === body.byteLength) return;
    throw new ArchiveNotVerifiedError(group.key, "an object with other content is at this key");
  }
  await bucket.put(group.key, body, {
    sha256,
    httpMetadata: { contentType: "application/x-ndjson" },
    customMetadata: {
      sha256,
      rows: String(group.ids.length),
      first_id: group.ids[0] as string,
      last_id: group.ids[group.ids.length - 1] as string,
    },
  });
  const head = await bucket.head(group.key);
  if (!head) throw new ArchiveNotVerifiedError(group.key, "missing after write");
  if (head.size !== body.byteLength) {
    throw new ArchiveNotVerifiedError(group.key, `size ${head.size}, wrote ${body.byteLength}`);
  }
  if (head.customMetadata?.sha256 !== sha256) {
    throw new ArchiveNotVerifiedError(group.key, "sha256 metadata differs");
  }
}

/**
 * Archives then deletes one batch of expired audit rows: at most `limit` rows in at most
 * `maxObjects` objects (the rest of the batch is left for the next batch). Every object is written
 * and verified before any row is deleted, and exactly the archived rows are deleted. A failure
 * (R2 or verification) throws with nothing deleted; a crash after the writes leaves the rows, which
 * the next run archives again under the same keys with the same bytes.
 */
export async function archiveAuditBatch(
  database: DatabaseHandle,
  bucket: R2Bucket,
  days: number,
  limit: number,
  maxObjects: number,
): Promise<AuditArchiveBatch> {
  const rows = await selectExpired(database, days, limit);
  const groups = groupRows(rows).slice(0, Math.max(0, maxObjects));
  for (const group of groups) await writeVerified(bucket, group);
  const ids = groups.flatMap((g) => g.ids);
  if (ids.length === 0) return { selected: rows.length, deleted: 0, objects: [] };
  const idList = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const deleted = await withSystem(database, (tx) =>
    tx.execute(sql`delete from audit_log where id in (${idList}) returning 1 as gone`),
  );
  return {
    selected: rows.length,
    deleted: rowsOf(deleted).length,
    objects: groups.map((g) => g.key),
  };
}
