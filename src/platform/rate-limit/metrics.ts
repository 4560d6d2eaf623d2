import type { Env } from "../../env";
import { describeError, log } from "../observability/logger";

/** Rate-limit outcomes worth counting (admissions are already in the request log). */
export type RateLimitEvent = "rejected" | "rejected_locally" | "fail_open";

const counters: Record<RateLimitEvent, number> = {
  rejected: 0,
  rejected_locally: 0,
  fail_open: 0,
};

/** This isolate's counters since it started (the ops API reads the Analytics Engine totals). */
export function rateLimitCounters(): Readonly<Record<RateLimitEvent, number>> {
  return { ...counters };
}

/**
 * Counts an event in this isolate and writes one Analytics Engine data point indexed by tenant
 * (blob1 = "rate_limit", blob2 = event, blob3 = tenant), so operators see rejections and
 * fail-open periods per tenant across every isolate. A failing write never fails the request.
 */
export function recordRateLimitEvent(env: Env, tenantId: string, event: RateLimitEvent): void {
  counters[event]++;
  try {
    env.ANALYTICS?.writeDataPoint({
      indexes: [tenantId],
      blobs: ["rate_limit", event, tenantId],
      doubles: [1],
    });
  } catch (error) {
    log("warn", "analytics write failed", describeError(error));
  }
}
