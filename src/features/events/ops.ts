import { z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { OperatorContext } from "../../platform/context";
import { uncachedRead, withSystem } from "../../platform/db";
import { eventPositions, tenants } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { hubOf } from "../../platform/event-log";
import type { HubStats } from "./hub";

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
  const response = await hubOf(ctx.env, id).fetch("https://hub/stats");
  const stats = (await response.json()) as HubStats & { open: number; servedMin: number | null };
  const last = row.last ?? 0;
  return {
    tenant_id: id,
    open_connections: stats.open,
    connections: stats.connections,
    messages_pushed: stats.messages,
    slow_consumer_closes: stats.slowConsumerCloses,
    wake_ups: stats.wakeUps,
    log_position: last,
    lag_events: stats.servedMin === null ? 0 : Math.max(0, last - stats.servedMin),
  };
}
