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
export async function checkReadiness(env: Env, database: DatabaseHandle) {
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
  return { ok, checks };
}
