import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv, Principal } from "../context";
import { AppError } from "../errors";
import { doStub } from "../observability/do-calls";
import { describeError, log } from "../observability/logger";
import type { ConsumeResult, LimitPolicy, PolicyState } from "./durable-object";
import { recordRateLimitEvent } from "./metrics";
import {
  closestToLimit,
  policiesFor,
  policyHeader,
  rateLimitHeader,
  retryAfterSeconds,
} from "./policies";

/** A policy known (in this isolate) to be exhausted until `until`, for the limit it had then. */
interface Block {
  until: number;
  limit: number;
  windowMs: number;
  name: string;
}

/** Isolate-level hot path: tenant (or tenant + credential) → blocked until. */
const blocks = new Map<string, Block>();
const MAX_BLOCKS = 10_000;

const blockKey = (tenantId: string, policy: LimitPolicy) =>
  policy.name === "tenant" ? tenantId : `${tenantId}|${policy.key}`;

/** Forgets this isolate's blocks of a tenant (e.g. after an operator raised its limit). */
export function forgetRateLimitBlocks(tenantId?: string): void {
  if (tenantId === undefined) {
    blocks.clear();
    return;
  }
  for (const key of blocks.keys()) {
    if (key === tenantId || key.startsWith(`${tenantId}|`)) blocks.delete(key);
  }
}

function rememberBlocks(tenantId: string, policies: LimitPolicy[], states: PolicyState[]) {
  const now = Date.now();
  if (blocks.size >= MAX_BLOCKS) {
    for (const [key, block] of blocks) if (block.until <= now) blocks.delete(key);
    if (blocks.size >= MAX_BLOCKS) blocks.clear();
  }
  states.forEach((state, i) => {
    const policy = policies[i];
    if (!policy || state.remaining > 0) return;
    blocks.set(blockKey(tenantId, policy), {
      until: now + state.resetMs,
      limit: policy.limit,
      windowMs: policy.windowMs,
      name: policy.name,
    });
  });
}

/** The live block for one of the request's policies, if any (a changed limit voids it). */
function activeBlock(tenantId: string, policies: LimitPolicy[]): Block | undefined {
  const now = Date.now();
  for (const policy of policies) {
    const key = blockKey(tenantId, policy);
    const block = blocks.get(key);
    if (!block) continue;
    if (block.until > now && block.limit === policy.limit) return block;
    blocks.delete(key);
  }
  return undefined;
}

function refuse(retryAfterMs: number, headers: Record<string, string>): AppError {
  const retryAfter = retryAfterSeconds(retryAfterMs);
  return new AppError("rate_limited", `Rate limit exceeded; retry in ${retryAfter} s.`, {
    headers: { ...headers, "retry-after": String(retryAfter) },
  });
}

/** What admitting a request decided: the headers every response carries, and the refusal if any. */
interface Admission {
  headers: Record<string, string>;
  refusal?: AppError;
  /** The policy closest to its limit after this request was counted. */
  closest?: PolicyState;
}

/** The admission of each request in flight, so a route can charge it more (chargeRequest). */
const admissions = new WeakMap<Context<AppEnv>, Admission>();

/**
 * Checks and counts one request against the principal's policies (one RPC to the tenant's
 * RateLimiter object, or none while this isolate knows the tenant to be blocked). Null when the
 * object cannot be reached: the request is served without a limit (logged and counted).
 */
async function admit(c: Context<AppEnv>, principal: Principal): Promise<Admission | null> {
  const policies = policiesFor(principal);
  const policyValue = policyHeader(policies);

  const block = activeBlock(principal.tenantId, policies);
  if (block) {
    const waitMs = block.until - Date.now();
    recordRateLimitEvent(c.env, principal.tenantId, "rejected_locally");
    const headers = {
      "ratelimit-policy": policyValue,
      ratelimit: rateLimitHeader({
        name: block.name,
        limit: block.limit,
        windowMs: block.windowMs,
        used: block.limit,
        remaining: 0,
        resetMs: waitMs,
      }),
    };
    return { headers, refusal: refuse(waitMs, headers) };
  }

  let result: ConsumeResult;
  try {
    const stub = doStub(c, c.env.RATE_LIMITER, principal.tenantId);
    result = await stub.consume(policies, { countTraffic: true });
  } catch (error) {
    recordRateLimitEvent(c.env, principal.tenantId, "fail_open");
    log("error", "rate limiter unavailable, request served without a limit", {
      request_id: c.var.requestId,
      tenant_id: principal.tenantId,
      ...describeError(error),
    });
    return null;
  }

  c.set("trafficCounted", true);
  // GET /v2/tenant shows this window: read here, it costs that route no second object call.
  c.set(
    "tenantWindow",
    result.policies.find((p) => p.name === "tenant"),
  );
  const closest = closestToLimit(result.policies);
  const headers: Record<string, string> = { "ratelimit-policy": policyValue };
  if (closest) headers.ratelimit = rateLimitHeader(closest);
  if (result.allowed) return { headers, ...(closest && { closest }) };
  rememberBlocks(principal.tenantId, policies, result.policies);
  recordRateLimitEvent(c.env, principal.tenantId, "rejected");
  const violated = result.policies.filter((p) => p.remaining <= 0);
  const tightest = closestToLimit(violated);
  if (tightest) headers.ratelimit = rateLimitHeader(tightest);
  return { headers, refusal: refuse(result.retryAfterMs, headers) };
}

/**
 * The RateLimit and RateLimit-Policy headers of a request that is refused before `rateLimit()`
 * runs (403 `tenant_suspended`): it is checked and counted like any other, so its answer shows the
 * same window. Empty when the limiter cannot be reached.
 */
export async function rateLimitHeadersOf(
  c: Context<AppEnv>,
  principal: Principal,
): Promise<Record<string, string>> {
  return (await admit(c, principal))?.headers ?? {};
}

/**
 * Per-tenant and per-credential rate limits (after `authenticate()`): one RPC to the tenant's
 * RateLimiter object checks and counts both policies atomically. Every response carries
 * RateLimit-Policy and RateLimit; over the limit is 429 `rate_limited` with Retry-After. A tenant
 * known to be over its limit is refused in this isolate without a round trip until the block ends.
 * If the object cannot be reached the request is served (fail open), logged and counted.
 */
export function rateLimit(): MiddlewareHandler<AppEnv> {
  return async function rateLimitMiddleware(c, next) {
    const principal = c.var.principal;
    if (!principal) throw new Error("rateLimit() must run after authenticate()");
    const admission = await admit(c, principal);
    if (admission?.refusal) throw admission.refusal;
    if (admission) admissions.set(c, admission);
    await next();
    for (const [name, value] of Object.entries(admission?.headers ?? {})) {
      c.res.headers.set(name, value);
    }
  };
}

/** What {@link chargeRequest} counted: the request's whole weight, and what the closest policy has left. */
export interface Charge {
  /** Requests this one was counted as (0 when the limiter could not be reached: served unlimited). */
  charged: number;
  /** What the policy closest to its limit has left (the RateLimit header's r), null when unknown. */
  remaining: number | null;
}

/**
 * Counts an admitted request as `weight` requests in all (e.g. a GraphQL query by its cost, which
 * is only known once its document is read): `rateLimit()` counted 1, so `weight - 1` more are
 * counted now, in one more call to the tenant's object (none when `weight` is 1). If the policies
 * have no room for them, the request is refused (429 rate_limited, Retry-After) and its first
 * unit stays counted. The RateLimit header the response carries follows the new count.
 */
export async function chargeRequest(c: Context<AppEnv>, weight: number): Promise<Charge> {
  const admission = admissions.get(c);
  const principal = c.var.principal;
  if (!admission || !principal) return { charged: 0, remaining: null };
  const remaining = () => admission.closest?.remaining ?? null;
  const extra = Math.floor(weight) - 1;
  if (extra < 1) return { charged: 1, remaining: remaining() };

  const policies = policiesFor(principal);
  let result: ConsumeResult;
  try {
    const stub = doStub(c, c.env.RATE_LIMITER, principal.tenantId);
    result = await stub.consume(policies, { weight: extra });
  } catch (error) {
    recordRateLimitEvent(c.env, principal.tenantId, "fail_open");
    log("error", "rate limiter unavailable, request served without its weight", {
      request_id: c.var.requestId,
      tenant_id: principal.tenantId,
      ...describeError(error),
    });
    return { charged: 1, remaining: remaining() };
  }
  if (!result.allowed) {
    recordRateLimitEvent(c.env, principal.tenantId, "rejected");
    const violated = result.policies.filter((p) => p.remaining < Math.min(extra, p.limit));
    const tightest = closestToLimit(violated.length > 0 ? violated : result.policies);
    if (tightest) admission.headers.ratelimit = rateLimitHeader(tightest);
    throw refuse(result.retryAfterMs, admission.headers);
  }
  const closest = closestToLimit(result.policies);
  if (closest) {
    admission.closest = closest;
    admission.headers.ratelimit = rateLimitHeader(closest);
  }
  return { charged: Math.floor(weight), remaining: remaining() };
}
