import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../env";
import { describeError, log } from "../observability/logger";
import {
  TrafficLog,
  type TrafficSample,
  type TrafficSeries,
  type TrafficTotals,
} from "../observability/traffic";
import { trafficIndex } from "../observability/traffic-index";

/** One limit to enforce: at most `limit` requests (by weight) in any `windowMs` long window. */
export interface LimitPolicy {
  /** Public policy name, as in the RateLimit-Policy header ("tenant", "credential"). */
  name: string;
  /** Storage key: what is counted (e.g. "tenant", "credential:key_…"). */
  key: string;
  limit: number;
  windowMs: number;
}

/** The state of one policy after a check. */
export interface PolicyState {
  name: string;
  limit: number;
  windowMs: number;
  /** Requests counted in the current window (including this one when admitted). */
  used: number;
  remaining: number;
  /** Milliseconds until the oldest counted request leaves the window (0 when none is counted). */
  resetMs: number;
}

/** Answer of {@link RateLimiter.consume}. */
export interface ConsumeResult {
  allowed: boolean;
  policies: PolicyState[];
  /** When refused: milliseconds until every violated policy has room again. */
  retryAfterMs: number;
}

/**
 * Per-tenant request counters (one object per tenant): an exact sliding-window log in SQLite.
 * Every admitted request is one row per policy; a request is admitted only if, for each policy,
 * fewer than `limit` rows fall inside the last `windowMs`, so no window of that length ever holds
 * more than `limit` requests (no double burst at a window edge). A maintained count per policy
 * keeps the check O(1) amortized; expired rows are pruned on access and by the alarm, so storage
 * holds at most `limit` rows per active policy.
 */
export class RateLimiter extends DurableObject<Env> {
  /** The object's clock; tests move it (through `runInDurableObject`) instead of sleeping. */
  now: () => number = () => Date.now();
  #alarmPending = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS hits (policy TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS hits_policy_at ON hits (policy, at);
      CREATE TABLE IF NOT EXISTS counts (
        policy TEXT PRIMARY KEY, n INTEGER NOT NULL, window_ms INTEGER NOT NULL
      );
    `);
  }

  /** The tenant's per-minute request/error counters, read by the ops API (exact across isolates). */
  readonly #traffic = new TrafficLog(this.ctx.storage.sql);

  /**
   * Counts one finished request of the tenant (called after the response, never on its path).
   * `alreadyCounted`: the request was counted by `consume`; only its error outcome is added.
   */
  async recordTraffic(sample: TrafficSample, alreadyCounted = false): Promise<void> {
    this.#announce(this.#traffic.record(sample, this.now(), !alreadyCounted));
  }

  /**
   * Tells the traffic index this tenant is active, once per minute per instance. Not awaited:
   * the request path never waits for it; a failed report is retried with the next request.
   */
  #announce(minute: number | null): void {
    const tenantId = this.ctx.id.name;
    if (minute === null || !tenantId) return;
    this.ctx.waitUntil(
      trafficIndex(this.env)
        .seen(tenantId, minute)
        .catch((error: unknown) => {
          this.#traffic.forgetMinute();
          log("warn", "traffic index unavailable", {
            tenant_id: tenantId,
            ...describeError(error),
          });
        }),
    );
  }

  /** The tenant's request, error and 429 totals over the last `minutes` minutes. */
  async traffic(minutes: number): Promise<TrafficTotals> {
    return this.#traffic.totals(minutes, this.now());
  }

  /** The tenant's per-minute counts over the last `minutes` minutes (the ops console's charts). */
  async trafficSeries(minutes: number): Promise<TrafficSeries> {
    return this.#traffic.series(minutes, this.now());
  }

  /** Liveness probe for /health/ready. */
  async ping(): Promise<"pong"> {
    return "pong";
  }

  /**
   * Checks every policy and, only if all have room, counts the request against all of them.
   * Runs without an await, so concurrent calls cannot interleave (the object is single-threaded).
   *
   * `weight` (default 1, a REST request): how many requests this one counts as. It is admitted
   * only if every policy has room for the whole weight, and is then counted as that many rows, so
   * the window's invariant (never more than `limit` counted) and pruning stay as for weight 1. A
   * weight above a policy's limit counts as the whole limit (it fills the window; it is not
   * refused forever).
   */
  async consume(
    policies: LimitPolicy[],
    options: { countTraffic?: boolean; weight?: number } = {},
  ): Promise<ConsumeResult> {
    const weight = Math.max(1, Math.floor(options.weight ?? 1));
    const now = this.now();
    const states = policies.map((p) => this.#state(p, now));
    const need = (limit: number) => Math.max(1, Math.min(weight, limit));
    const violated = states.filter((s) => s.remaining < need(s.limit));
    // The same call counts the request in the traffic log (a refusal as a 429), so a request
    // that succeeds needs no second call after its response.
    if (options.countTraffic) {
      const status = violated.length > 0 ? 429 : 200;
      this.#announce(this.#traffic.record({ status, rateLimited: violated.length > 0 }, now));
    }
    if (violated.length > 0) {
      return {
        allowed: false,
        policies: states,
        retryAfterMs: Math.max(
          ...violated.map((s) => this.#roomInMs(policies, s, need(s.limit), now)),
        ),
      };
    }
    for (const p of policies) {
      const n = need(p.limit);
      this.ctx.storage.sql.exec(
        `WITH RECURSIVE units(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM units WHERE i < ?)
         INSERT INTO hits (policy, at) SELECT ?, ? FROM units`,
        n,
        p.key,
        now,
      );
      this.ctx.storage.sql.exec(
        `INSERT INTO counts (policy, n, window_ms) VALUES (?, ?, ?)
         ON CONFLICT (policy) DO UPDATE SET n = n + excluded.n, window_ms = excluded.window_ms`,
        p.key,
        n,
        p.windowMs,
      );
    }
    await this.#ensureAlarm(now, Math.min(...policies.map((p) => p.windowMs)));
    return {
      allowed: true,
      policies: states.map((s) => ({
        ...s,
        used: s.used + need(s.limit),
        remaining: Math.max(0, s.remaining - need(s.limit)),
        resetMs: s.used === 0 ? s.windowMs : s.resetMs,
      })),
      retryAfterMs: 0,
    };
  }

  /**
   * Milliseconds until a refused policy has room for `needed` requests: when the row that many
   * must leave first is out of the window (for weight 1, the oldest row: its resetMs).
   */
  #roomInMs(policies: LimitPolicy[], state: PolicyState, needed: number, now: number): number {
    const key = policies.find((p) => p.name === state.name)?.key;
    const offset = state.used - (state.limit - needed) - 1;
    if (needed === 1 || key === undefined || offset <= 0) return state.resetMs;
    const row = this.ctx.storage.sql
      .exec<{ at: number }>(
        "SELECT at FROM hits WHERE policy = ? ORDER BY at LIMIT 1 OFFSET ?",
        key,
        offset,
      )
      .toArray()[0];
    return row ? row.at + state.windowMs - now : state.resetMs;
  }

  /** The current usage of one policy, without counting a request. */
  async usage(policy: LimitPolicy): Promise<PolicyState> {
    return this.#state(policy, this.now());
  }

  /** Removes every expired row; reschedules itself while rows remain (bounded storage). */
  override async alarm(): Promise<void> {
    const now = this.now();
    this.#alarmPending = false;
    const policies = this.ctx.storage.sql
      .exec<{ policy: string; window_ms: number }>("SELECT policy, window_ms FROM counts")
      .toArray();
    for (const { policy, window_ms } of policies) this.#prune(policy, window_ms, now);
    const next = this.ctx.storage.sql
      .exec<{ at: number | null }>(
        "SELECT min(h.at + c.window_ms) AS at FROM hits h JOIN counts c ON c.policy = h.policy",
      )
      .one().at;
    if (next !== null) {
      await this.ctx.storage.setAlarm(Math.max(next, now) + 1_000);
      this.#alarmPending = true;
    }
  }

  /** Drops the policy's rows that left the window; returns how many are still counted. */
  #prune(key: string, windowMs: number, now: number): number {
    const sql = this.ctx.storage.sql;
    const removed = sql.exec(
      "DELETE FROM hits WHERE policy = ? AND at <= ?",
      key,
      now - windowMs,
    ).rowsWritten;
    const row = sql.exec<{ n: number }>("SELECT n FROM counts WHERE policy = ?", key).toArray()[0];
    if (!row) return 0;
    const n = Math.max(0, row.n - removed);
    if (n === 0) sql.exec("DELETE FROM counts WHERE policy = ?", key);
    else if (removed > 0) sql.exec("UPDATE counts SET n = ? WHERE policy = ?", n, key);
    return n;
  }

  #state(p: LimitPolicy, now: number): PolicyState {
    const used = this.#prune(p.key, p.windowMs, now);
    const oldest = this.ctx.storage.sql
      .exec<{ at: number }>("SELECT at FROM hits WHERE policy = ? ORDER BY at LIMIT 1", p.key)
      .toArray()[0];
    return {
      name: p.name,
      limit: p.limit,
      windowMs: p.windowMs,
      used,
      remaining: Math.max(0, p.limit - used),
      resetMs: oldest ? oldest.at + p.windowMs - now : 0,
    };
  }

  /** Makes sure an alarm is pending (remembered in memory, so most requests skip the lookup). */
  async #ensureAlarm(now: number, windowMs: number): Promise<void> {
    if (this.#alarmPending) return;
    if ((await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(now + windowMs + 1_000);
    }
    this.#alarmPending = true;
  }
}
