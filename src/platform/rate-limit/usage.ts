import type { Context } from "hono";
import type { AppEnv } from "../context";
import { doStub } from "../observability/do-calls";
import { describeError, log } from "../observability/logger";
import type { PolicyState } from "./durable-object";
import { tenantPolicy } from "./policies";

/** Requests counted in the tenant's current window, as `GET /v2/tenant` shows them. */
export interface RequestUsage {
  limit: number;
  window_seconds: number;
  used: number;
  remaining: number;
  /** Seconds until the oldest counted request leaves the window. */
  reset_seconds: number;
}

const usageOf = (state: PolicyState): RequestUsage => ({
  limit: state.limit,
  window_seconds: Math.round(state.windowMs / 1000),
  used: state.used,
  remaining: state.remaining,
  reset_seconds: Math.ceil(state.resetMs / 1000),
});

/**
 * The caller's tenant window: as the rate limiter left it when it admitted this request, or,
 * when the request was not counted there (limiter unreachable), read from its RateLimiter object;
 * null if it cannot be reached.
 */
export async function tenantRequestUsage(c: Context<AppEnv>): Promise<RequestUsage | null> {
  const principal = c.var.principal;
  if (!principal) return null;
  const admitted = c.var.tenantWindow;
  if (admitted) return usageOf(admitted);
  const policy = tenantPolicy(principal);
  try {
    const stub = doStub(c, c.env.RATE_LIMITER, principal.tenantId);
    return usageOf(await stub.usage(policy));
  } catch (error) {
    log("warn", "rate limiter usage unavailable", {
      request_id: c.var.requestId,
      tenant_id: principal.tenantId,
      ...describeError(error),
    });
    return null;
  }
}
