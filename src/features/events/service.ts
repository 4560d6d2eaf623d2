import { eq } from "drizzle-orm";
import { assertRole } from "../../platform/auth/roles";
import type { ServiceContext } from "../../platform/context";
import { events } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { isId } from "../../platform/ids";
import type { EventPayload } from "../../platform/outbox";
import { cursorClause, toPage } from "../../platform/pagination";
import type { EventListQuery } from "./schemas";

/** The outbox row as the API shows it: the webhook body plus its id and dispatch state. */
export function eventView(row: typeof events.$inferSelect) {
  const payload = row.payload as EventPayload;
  return {
    id: row.id,
    type: payload.type,
    timestamp: payload.timestamp,
    data: payload.data,
    created_at: row.createdAt.toISOString(),
    dispatched_at: row.dispatchedAt ? row.dispatchedAt.toISOString() : null,
  };
}

/** The tenant's events, newest first, optionally of one type (admin: they include operational events). */
export function listEvents({ ctx, query }: { ctx: ServiceContext; query: EventListQuery }) {
  assertRole(ctx.role, "admin");
  return ctx.database.tenant(async (scope) => {
    const page = cursorClause(events.id, query);
    const rows = await scope.tx
      .select()
      .from(events)
      .where(scope.where(events, query.type ? eq(events.type, query.type) : undefined, page.after))
      .orderBy(page.orderBy)
      .limit(page.limit);
    const { data, ...rest } = toPage(rows, query.limit);
    return { data: data.map(eventView), ...rest };
  });
}

export function getEvent({ ctx, id }: { ctx: ServiceContext; id: string }) {
  assertRole(ctx.role, "admin");
  if (!isId("evt", id)) throw new AppError("not_found", "No such event.");
  return ctx.database.tenant(async (scope) => {
    const [row] = await scope.tx
      .select()
      .from(events)
      .where(scope.where(events, eq(events.id, id)));
    if (!row) throw new AppError("not_found", "No such event.");
    return eventView(row);
  });
}
