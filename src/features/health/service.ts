import { sql } from "drizzle-orm";
import type { Env } from "../../env";
import type { DatabaseHandle } from "../../platform/db";
import { timed } from "../../platform/db";
import { describeError, log } from "../../platform/observability/logger";
import { withTimeout } from "../../platform/timeout";

/** Each dependency check gets at most this long, so /health/ready answers promptly when one hangs. */
export const CHECK_TIMEOUT_MS = 2_000;

export interface CheckResult {
  status: "ok" | "fail";
  latency_ms: number;
  error?: string;
}

async function runCheck(name: string, probe: () => Promise<unknown>): Promise<CheckResult> {
  const started = performance.now();
  try {
    await withTimeout(probe(), CHECK_TIMEOUT_MS, name);
    return { status: "ok", latency_ms: Math.round(performance.now() - started) };
  } catch (error) {
    log("warn", "readiness check failed", { check: name, ...describeError(error) });
    const reason =
      error instanceof Error && error.name === "TimeoutError" ? "timeout" : "unreachable";
    return { status: "fail", latency_ms: Math.round(performance.now() - started), error: reason };
  }
}

/** Checks Postgres (through Hyperdrive), R2 and the Durable Objects, concurrently. */
async function runChecks(env: Env, database: DatabaseHandle) {
  const [postgres, r2, durableObjects] = await Promise.all([
    runCheck("postgres", () => timed(database.stats, () => database.db.execute(sql`select 1`))),
    runCheck("r2", () => env.FILES.head("health/ready-probe")),
    runCheck("durable_objects", async () => {
      const rateLimiter = env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName("health"));
      const idempotency = env.IDEMPOTENCY.get(env.IDEMPOTENCY.idFromName("health"));
      await Promise.all([rateLimiter.ping(), idempotency.ping()]);
    }),
  ]);
  const checks = { postgres, r2, durable_objects: durableObjects };
  const ok = Object.values(checks).every((check) => check.status === "ok");
  return { ok, checks, checkedAt: new Date().toISOString() };
}

export type Readiness = Awaited<ReturnType<typeof runChecks>>;

/**
 * How long an isolate reuses a readiness result, so probes (load balancers, monitors, anyone:
 * the route is public) cannot multiply load on the dependencies. A failure is kept for less time
 * than a success, so a recovery shows within a second.
 */
export const READY_SUCCESS_TTL_MS = 3_000;
export const READY_FAILURE_TTL_MS = 1_000;
/** A waiter stops waiting for another request's check after this (see `checkReadiness`). */
const WAIT_LIMIT_MS = CHECK_TIMEOUT_MS + 1_000;

interface Entry {
  result: Promise<Readiness>;
  startedAt: number;
  /** Set once the check finished: until when its result is reused. */
  expiresAt?: number;
}

/** By database target (the Hyperdrive or Neon connection string): one entry per isolate in practice. */
const entries = new Map<string, Entry>();

/**
 * Readiness, at most one check in flight and one per TTL per isolate and database target:
 * concurrent probes wait for the check in flight, later ones reuse its result until it expires.
 * The check runs on the request that started it; should that request be cancelled, its check
 * never finishes, so a waiter gives up after the checks' timeout and runs its own.
 */
export async function checkReadiness(env: Env, database: DatabaseHandle): Promise<Readiness> {
  const target = env.NEON_DATABASE_URL ?? env.HYPERDRIVE.connectionString;
  const now = Date.now();
  const current = entries.get(target);
  const reusable =
    current &&
    (current.expiresAt === undefined
      ? now - current.startedAt < WAIT_LIMIT_MS
      : current.expiresAt > now);
  if (current && reusable) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const gaveUp = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), WAIT_LIMIT_MS);
    });
    const shared = await Promise.race([current.result, gaveUp]);
    clearTimeout(timer);
    if (shared) return shared;
  }
  const entry: Entry = { result: runChecks(env, database), startedAt: now };
  entries.set(target, entry);
  if (entries.size > 100) entries.delete(entries.keys().next().value as string);
  const result = await entry.result;
  entry.expiresAt = Date.now() + (result.ok ? READY_SUCCESS_TTL_MS : READY_FAILURE_TTL_MS);
  return result;
}
