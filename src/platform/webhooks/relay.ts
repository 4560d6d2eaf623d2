import { and, asc, isNull, lt, sql } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { Env } from "../../env";
import type { AppEnv } from "../context";
import {
  anyOf,
  type DatabaseHandle,
  openSystemDatabase,
  rowsOf,
  type TenantScope,
  uncachedRead,
  unnestRows,
  withSystem,
  withTenant,
} from "../db";
import { events, webhookDeliveries } from "../db/schema";
import { notifyHub } from "../event-log";
import { newId } from "../ids";
import { describeError, log } from "../observability/logger";
import { SWEEP_AFTER_SECONDS } from "./config";
import { enqueueDeliveries } from "./enqueue";
import { fanOutEndpoints, subscribes } from "./fan-out";
import { deliveryMessage } from "./messages";

const EVENTS_PER_ROUND = 100;
const MAX_ROUNDS = 20;
const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const SWEEP_CONCURRENCY = 4;
/** The sweep stops starting tenants after this; the next minute's run picks up the rest. */
const SWEEP_BUDGET_MS = 40_000;

type DeliveryRow = {
  id: string;
  endpointId: string;
  eventId: string;
  status: string;
  resourceKey: string | null;
  seq: number | null;
};

/**
 * A round's delivery rows in one statement with one array parameter per column (unnest): 100
 * events to 5 endpoints would otherwise be 3,000 parameters to build. An existing (event,
 * endpoint) pair is skipped, as before; the rows created come back.
 */
async function insertDeliveries(
  scope: TenantScope,
  rows: DeliveryRow[],
): Promise<Array<{ id: string; status: string }>> {
  const columns = unnestRows(rows, [
    ["id", "text[]"],
    ["endpointId", "text[]"],
    ["eventId", "text[]"],
    ["status", "text[]"],
    ["resourceKey", "text[]"],
    ["seq", "bigint[]"],
  ]);
  const result = await scope.tx.execute(sql`
    insert into ${webhookDeliveries} (id, tenant_id, endpoint_id, event_id, status, resource_key, seq)
    select id, ${scope.tenantId}, endpoint_id, event_id, status, resource_key, seq
    from ${columns} as delivery(id, endpoint_id, event_id, status, resource_key, seq)
    on conflict do nothing
    returning id, status`);
  return rowsOf<{ id: string; status: string }>(result);
}

/**
 * Relays a tenant's undispatched outbox events: one delivery row and one queue message per event
 * and subscribed endpoint, then marks the events dispatched, all in one transaction. The queue
 * send happens before the commit, so a failed send rolls everything back for the sweep to retry;
 * a message whose commit was lost finds no row and is dropped after a few looks, while the sweep
 * relays its event again.
 * Events are locked with SKIP LOCKED: the post-commit relay and the sweep never relay one twice.
 */
export async function relayTenant(env: Env, tenantId: string): Promise<number> {
  const handle = openSystemDatabase(env);
  try {
    const relayed = await relayWith(handle, env, tenantId);
    if (relayed > 0) await notifyHub(env, tenantId).catch(() => {});
    return relayed;
  } finally {
    await handle.close().catch(() => {});
  }
}

async function relayWith(handle: DatabaseHandle, env: Env, tenantId: string): Promise<number> {
  let relayed = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const count = await withTenant(handle, tenantId, async (scope) => {
      // The events and the endpoints are read together (one round trip to the database).
      const [pending, endpoints] = await Promise.all([
        scope.tx
          .select({
            id: events.id,
            type: events.type,
            seq: events.seq,
            resourceKey: events.resourceKey,
          })
          .from(events)
          .where(scope.where(events, isNull(events.dispatchedAt), uncachedRead))
          // Commit order per resource (the sequence), so ordered deliveries are created in it.
          .orderBy(asc(events.seq))
          .limit(EVENTS_PER_ROUND)
          .for("update", { skipLocked: true }),
        fanOutEndpoints(scope),
      ]);
      if (pending.length === 0) return 0;
      const rows = pending.flatMap((event) =>
        endpoints
          .filter((endpoint) => subscribes(endpoint.eventTypes, event.type))
          .map((endpoint) => ({
            id: newId("dlv"),
            endpointId: endpoint.id,
            eventId: event.id,
            status: endpoint.deliveryStatus,
            resourceKey: event.resourceKey,
            seq: event.seq,
          })),
      );
      // Both writes leave together; the deliveries' ids are needed for the messages below.
      const [inserted] = await Promise.all([
        rows.length === 0 ? [] : insertDeliveries(scope, rows),
        scope.tx
          .update(events)
          .set({ dispatchedAt: sql`now()` })
          .where(
            scope.where(
              events,
              anyOf(
                events.id,
                pending.map((e) => e.id),
              ),
            ),
          ),
      ]);
      // Sent last, right before the commit: a message rarely overtakes it, and one that does
      // finds no row and looks again shortly (UNSEEN_LOOKS).
      await enqueueDeliveries(
        env,
        inserted
          .filter((row) => row.status === "pending")
          .map((row) => ({ body: deliveryMessage(row.id, tenantId) })),
      );
      return pending.length;
    });
    relayed += count;
    if (count < EVENTS_PER_ROUND) break;
  }
  return relayed;
}

/**
 * Cron sweep: relays every tenant's events that stayed undispatched for 30 s (the post-commit
 * relay failed or the Worker died between commit and enqueue). Nothing in the outbox is lost.
 */
export async function sweepOutbox(env: Env): Promise<{ tenants: number; events: number }> {
  const handle = openSystemDatabase(env);
  const started = Date.now();
  let total = 0;
  try {
    const tenantIds = await withSystem(handle, async (tx) => {
      const rows = await tx
        .selectDistinct({ tenantId: events.tenantId })
        .from(events)
        .where(
          and(
            isNull(events.dispatchedAt),
            lt(events.createdAt, sql`now() - make_interval(secs => ${SWEEP_AFTER_SECONDS})`),
          ),
        )
        .limit(500);
      return rows.map((r) => r.tenantId);
    });
    // A few tenants at a time over one client; what does not fit in the budget waits a minute.
    const queue = [...tenantIds];
    const worker = async () => {
      for (let tenantId = queue.shift(); tenantId; tenantId = queue.shift()) {
        if (Date.now() - started > SWEEP_BUDGET_MS) return;
        try {
          const relayed = await relayWith(handle, env, tenantId);
          total += relayed;
          if (relayed > 0) await notifyHub(env, tenantId).catch(() => {});
        } catch (error) {
          log("error", "outbox sweep failed for a tenant", {
            tenant_id: tenantId,
            ...describeError(error),
          });
        }
      }
    };
    await Promise.all(Array.from({ length: SWEEP_CONCURRENCY }, worker));
    return { tenants: tenantIds.length, events: total };
  } finally {
    await handle.close().catch(() => {});
  }
}

/**
 * After a successful mutation (and after the idempotency middleware committed its transaction:
 * register this one outside it), relays the tenant's outbox events once the response is sent.
 * It runs as an after-response task on the request's own database handle and connection (a
 * handle of its own would open a second connection per mutation); a failure leaves the events
 * to the sweep.
 */
export function relayAfterCommit(): MiddlewareHandler<AppEnv> {
  return async function relayAfterCommitMiddleware(c, next) {
    await next();
    const tenantId = c.var.principal?.tenantId;
    if (!tenantId || !MUTATIONS.has(c.req.method) || c.res.status >= 400) return;
    if (c.var.writesNothing) return;
    const { database } = c.var;
    // The tenant's live streams learn of the commit at once, beside the webhook fan-out.
    c.var.afterResponse.add("event hub", () =>
      notifyHub(c.env, tenantId).catch((error) =>
        log("warn", "event hub not notified; its next alarm catches up", {
          tenant_id: tenantId,
          ...describeError(error),
        }),
      ),
    );
    c.var.afterResponse.add("outbox relay", () =>
      relayWith(database, c.env, tenantId).catch((error) =>
        log("warn", "post-commit relay failed; the sweep will relay", {
          tenant_id: tenantId,
          ...describeError(error),
        }),
      ),
    );
  };
}
