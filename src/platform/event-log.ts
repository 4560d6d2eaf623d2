import { sql } from "drizzle-orm";
import type { Env } from "../env";
import type { Role } from "./context";
import { rowsOf } from "./db/client";
import type { TenantScope } from "./db/tenant-scope";
import { AppError } from "./errors";
import { EVENT_TYPES, type EventType } from "./event-schemas";

/**
 * The tenant's event log as the change feed and the live streams read it: the outbox rows in
 * `position` order, which is commit order (migration 0013). A cursor names a position; it is
 * opaque to clients and stable (the same event always has the same cursor).
 */

/** At most this many events in one read (the feed's `limit`, the hub's pages). */
export const MAX_PAGE = 1000;

const CURSOR_PREFIX = "v1.";

export function encodeCursor(position: number): string {
  return btoa(`${CURSOR_PREFIX}${position}`)
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/** The position a cursor names, or undefined when it is not a cursor this API issued. */
export function decodeCursor(cursor: string): number | undefined {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return undefined;
  let text: string;
  try {
    text = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return undefined;
  }
  const match = /^v1\.(0|[1-9][0-9]{0,15})$/.exec(text);
  if (!match) return undefined;
  const position = Number(match[1]);
  return Number.isSafeInteger(position) ? position : undefined;
}

/** Where a read starts: after a position, after the newest event, or at the oldest retained. */
export type LogStart = { after: number } | "latest" | "oldest";

/** Parses `after` (a cursor, `latest`, or absent); throws 400 for anything else. */
export function parseStart(after: string | undefined, field = "query.after"): LogStart {
  if (after === undefined || after === "") return "oldest";
  if (after === "latest") return "latest";
  const position = decodeCursor(after);
  if (position === undefined) {
    throw new AppError("validation_failed", "The cursor is not one this API issued.", {
      errors: [{ path: field, message: "must be a cursor from this feed, or latest" }],
    });
  }
  return { after: position };
}

/** Types every role sees; the rest (tenant.*, webhook.*) are for admins. */
function visibleTo(role: Role, type: EventType): boolean {
  if (role === "admin") return true;
  return type.startsWith("book.") || type.startsWith("order.") || type === "file.uploaded";
}

/**
 * The event types a reader receives: its role's visibility, narrowed by `types` (a comma list of
 * types and `prefix.*` wildcards). An unknown type or a wildcard matching none is a 400; a filter
 * that only names types the role may not see is a 403.
 */
export function typesFor(
  role: Role,
  types: string | undefined,
  field = "query.types",
): EventType[] {
  const visible = EVENT_TYPES.filter((type) => visibleTo(role, type));
  if (types === undefined || types === "") return visible;
  const wanted = new Set<EventType>();
  for (const item of types.split(",").map((t) => t.trim())) {
    const matches = item.endsWith(".*")
      ? EVENT_TYPES.filter((type) => type.startsWith(item.slice(0, -1)))
      : EVENT_TYPES.filter((type) => type === item);
    if (item === "" || matches.length === 0) {
      throw new AppError("validation_failed", `Unknown event type ${JSON.stringify(item)}.`, {
        errors: [
          {
            path: field,
            message: "must list event types from GET /v2/event-types, or prefixes like order.*",
          },
        ],
      });
    }
    for (const type of matches) wanted.add(type);
  }
  const allowed = visible.filter((type) => wanted.has(type));
  if (allowed.length === 0) {
    throw new AppError("forbidden", "The event types asked for are visible to admins only.");
  }
  return allowed;
}

export interface LogRow {
  position: number;
  type: string;
  /**
   * The item as clients receive it, `{"cursor","event":{"id","type","timestamp","data"}}`, as
   * JSON text built by Postgres: the Worker passes it on without parsing or serializing it.
   */
  item: string;
}

export interface LogPage {
  rows: LogRow[];
  /** The position this read started after. */
  from: number;
  /** The newest position committed when the read ran: every event up to it was visible to it. */
  last: number;
  /** The newest position retention deleted: a start below it has expired. */
  prunedThrough: number;
  /** True when more matching events follow the page's last row. */
  hasMore: boolean;
  /** Where the next read starts: the last row when more follow, else `last` (all was seen). */
  next: number;
}

/**
 * One page of the tenant's log after `start`, of the given types, in one statement (one database
 * flight): the tenant's counter row and the events, from one snapshot. Since positions are
 * handed out under the counter's row lock and in commit order, every event up to the counter's
 * value is visible to that snapshot, so a page that ends early may move the cursor to it.
 * `now() is not null` keeps Hyperdrive's query cache from answering a poll with an old page.
 */
export async function readLog(
  scope: TenantScope,
  start: LogStart,
  types: readonly string[],
  limit: number,
): Promise<LogPage> {
  const after = typeof start === "object" ? start.after : 0;
  const latest = start === "latest";
  const result = await scope.tx.execute(sql`
    select p.last, p.pruned_through, e.position, e.type,
      json_build_object(
        'cursor', rtrim(translate(encode(convert_to('v1.' || e.position, 'UTF8'), 'base64'), '+/', '-_'), '='),
        'event', json_build_object(
          'id', e.id, 'type', e.payload -> 'type', 'timestamp', e.payload -> 'timestamp',
          'data', e.payload -> 'data'
        )
      )::text as item
    from (select ${scope.tenantId}::text as tenant_id) t
    left join event_positions p on p.tenant_id = t.tenant_id
    left join lateral (
      select id, position, type, payload from events
      where tenant_id = t.tenant_id
        and position > (case when ${latest}::boolean then coalesce(p.last, 0) else ${after}::bigint end)
        and type = any(${`{${types.join(",")}}`}::text[])
        and now() is not null
      order by position limit ${limit + 1}
    ) e on true
    order by e.position`);
  const raw = rowsOf<{
    last: string | number | null;
    pruned_through: string | number | null;
    position: string | number | null;
    type: string | null;
    item: string | null;
  }>(result);
  const first = raw[0];
  const last = Number(first?.last ?? 0);
  const prunedThrough = Number(first?.pruned_through ?? 0);
  const from = latest ? last : after;
  const rows: LogRow[] = [];
  for (const row of raw) {
    if (row.position === null || row.type === null || row.item === null) continue;
    rows.push({ position: Number(row.position), type: row.type, item: row.item });
  }
  const hasMore = rows.length > limit;
  if (hasMore) rows.length = limit;
  const next = hasMore ? (rows.at(-1)?.position ?? from) : Math.max(from, last);
  return { rows, from, last, prunedThrough, hasMore, next };
}

/**
 * The 410 of a start older than retention, or the 400 of one this tenant never reached. Reading
 * after `pruned_through` is the oldest start available.
 */
export function checkStart(start: LogStart, page: LogPage, field = "query.after"): void {
  if (typeof start !== "object") return;
  if (start.after < page.prunedThrough) {
    const oldest = encodeCursor(page.prunedThrough);
    throw new AppError(
      "cursor_expired",
      "Events after this cursor are past retention; resume from oldest_cursor (events in between are gone).",
      { extensions: { oldest_cursor: oldest } },
    );
  }
  if (start.after > page.last) {
    throw new AppError("validation_failed", "The cursor is not one this tenant's log issued.", {
      errors: [{ path: field, message: "is ahead of the tenant's log" }],
    });
  }
}

/** A feed page's body: the items' JSON as Postgres built it, in the page envelope. */
export function feedPageBody(page: LogPage): string {
  return `{"data":[${page.rows.map((row) => row.item).join(",")}],"next_cursor":${JSON.stringify(
    encodeCursor(page.next),
  )},"has_more":${page.hasMore}}`;
}

/** The tenant's hub (features/events/hub.ts), by name: one object per tenant. */
export function hubOf(env: Env, tenantId: string) {
  return env.EVENT_HUB.get(env.EVENT_HUB.idFromName(tenantId));
}

/**
 * Tells the tenant's hub that its log grew, right after a commit: it reads the new events and
 * pushes them to its sockets. Best effort: a hub that missed it catches up at its next alarm.
 */
export async function notifyHub(env: Env, tenantId: string): Promise<void> {
  const response = await hubOf(env, tenantId).fetch("https://hub/notify", { method: "POST" });
  await response.body?.cancel();
}
