import { z } from "@hono/zod-openapi";
import { and, eq, inArray } from "drizzle-orm";
import type { Env } from "../../env";
import type { OperatorContext } from "../../platform/context";
import { uncachedRead, withSystem } from "../../platform/db";
import { eventPositions, tenants } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { hubOf } from "../../platform/event-log";
import { type HubStats, OPS_HUB } from "./hub-protocol";

export const LiveFiguresSchema = z
  .object({
    tenant_id: z.string(),
    open_connections: z.number().int().openapi({ description: "Sockets open on the hub now" }),
    connections: z.number().int().openapi({ description: "Sockets accepted since the hub began" }),
    messages_pushed: z.number().int().openapi({ description: "Events sent to sockets" }),
    slow_consumer_closes: z
      .number()
      .int()
      .openapi({ description: "Sockets closed 4008 for being a page behind" }),
    wake_ups: z
      .number()
      .int()
      .openapi({ description: "Times the hub was constructed (after hibernation or eviction)" }),
    log_position: z.number().int().openapi({ description: "The tenant's newest event position" }),
    lag_events: z.number().int().openapi({
      description:
        "Events between the log's head and the furthest-behind live socket (0 without sockets): a hub that stays behind its log is what to alert on",
    }),
  })
  .openapi("LiveFigures");

type HubAnswer = HubStats & { open: number; servedMin: number | null };

/** Tenants whose hubs are asked at most, platform-wide, per health check. */
export const HUB_LAG_TENANTS = 100;

/** Events between the log's head and the furthest-behind live socket (0 without one). */
function lagOf(last: number, stats: HubAnswer): number {
  return stats.servedMin === null ? 0 : Math.max(0, last - stats.servedMin);
}

async function hubStats(env: Env, tenantId: string): Promise<HubAnswer> {
  const response = await hubOf(env, tenantId).fetch("https://hub/stats");
  return (await response.json()) as HubAnswer;
}

/**
 * How far each tenant hub with open sockets is behind its log: for one tenant, or for every
 * tenant the ops hub knows to have sockets open (at most HUB_LAG_TENANTS). What the
 * event_hub_behind alert reads.
 */
export async function hubLags(
  ctx: Pick<OperatorContext, "database" | "env">,
  tenantId: string | null,
): Promise<Array<{ tenant_id: string; lag_events: number }>> {
  const ids = tenantId
    ? [tenantId]
    : (
        (await (
          await hubOf(ctx.env, OPS_HUB).fetch("https://hub/ops/open-tenants")
        ).json()) as string[]
      ).slice(0, HUB_LAG_TENANTS);
  if (ids.length === 0) return [];
  const [stats, heads] = await Promise.all([
    Promise.all(ids.map((id) => hubStats(ctx.env, id))),
    withSystem(ctx.database, (tx) =>
      tx
        .select({ tenantId: eventPositions.tenantId, last: eventPositions.last })
        .from(eventPositions)
        .where(and(inArray(eventPositions.tenantId, ids), uncachedRead)),
    ),
  ]);
  const last = new Map(heads.map((row) => [row.tenantId, row.last]));
  return ids.map((id, i) => ({
    tenant_id: id,
    lag_events: lagOf(last.get(id) ?? 0, stats[i] as HubAnswer),
  }));
}

/** The tenant's live-stream figures: its hub's counters beside the head of its log. */
export async function liveFigures({
  ctx,
  id,
}: {
  ctx: OperatorContext;
  id: string;
}): Promise<z.infer<typeof LiveFiguresSchema>> {
  const [row] = await withSystem(ctx.database, (tx) =>
    tx
      .select({ id: tenants.id, last: eventPositions.last })
      .from(tenants)
      .leftJoin(eventPositions, eq(eventPositions.tenantId, tenants.id))
      .where(and(eq(tenants.id, id), uncachedRead)),
  );
  if (!row) throw new AppError("not_found", "No such tenant.");
  const stats = await hubStats(ctx.env, id);
  const last = row.last ?? 0;
  return {
    tenant_id: id,
    open_connections: stats.open,
    connections: stats.connections,
    messages_pushed: stats.messages,
    slow_consumer_closes: stats.slowConsumerCloses,
    wake_ups: stats.wakeUps,
    log_position: last,
    lag_events: lagOf(last, stats),
  };
}
