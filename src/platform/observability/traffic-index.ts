import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../env";
import { TRAFFIC_RETENTION_MINUTES } from "./traffic";

/**
 * Which tenants had traffic, and in which minute last (one global object). Each tenant's
 * RateLimiter reports here at most once a minute, so the ops list asks only the tenants active in
 * its window for their counters instead of waking one object per tenant: a dormant tenant costs
 * nothing, and a list of hundreds of mostly idle tenants stays one cheap call.
 */
export class TrafficIndex extends DurableObject<Env> {
  #lastPrunedMinute = 0;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec(
      "CREATE TABLE IF NOT EXISTS seen (tenant_id TEXT PRIMARY KEY, minute INTEGER NOT NULL)",
    );
  }

  /** Notes that the tenant had traffic in `minute` (minutes since the epoch). */
  async seen(tenantId: string, minute: number): Promise<void> {
    const sql = this.ctx.storage.sql;
    sql.exec(
      `INSERT INTO seen (tenant_id, minute) VALUES (?, ?)
       ON CONFLICT (tenant_id) DO UPDATE SET minute = max(minute, excluded.minute)`,
      tenantId,
      minute,
    );
    if (minute !== this.#lastPrunedMinute) {
      this.#lastPrunedMinute = minute;
      sql.exec("DELETE FROM seen WHERE minute <= ?", minute - TRAFFIC_RETENTION_MINUTES);
    }
  }

  /** The tenants seen in the last `minutes` minutes up to `nowMinute`, the current one included. */
  async activeSince(minutes: number, nowMinute: number): Promise<string[]> {
    return this.ctx.storage.sql
      .exec<{ tenant_id: string }>(
        "SELECT tenant_id FROM seen WHERE minute > ?",
        nowMinute - Math.max(1, minutes),
      )
      .toArray()
      .map((row) => row.tenant_id);
  }
}

/** The one index object. */
export const trafficIndex = (env: Env) =>
  env.TRAFFIC_INDEX.get(env.TRAFFIC_INDEX.idFromName("tenants")) as DurableObjectStub<TrafficIndex>;
