import type { Principal } from "../context";
import { CREDENTIAL_REQUESTS_PER_MINUTE, effectiveLimits } from "../plans";
import type { LimitPolicy, PolicyState } from "./durable-object";

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * The two policies of a request, with limits taken from the principal (so a plan or override
 * change applies to the next request: the object stores no limit, only timestamps).
 */
export function policiesFor(principal: Principal): LimitPolicy[] {
  return [tenantPolicy(principal), credentialPolicy(principal)];
}

/** The tenant's hourly policy (plan default or the tenant's override). */
export function tenantPolicy(principal: Pick<Principal, "tenant">): LimitPolicy {
  return {
    name: "tenant",
    key: "tenant",
    limit: effectiveLimits(principal.tenant).requests_per_hour,
    windowMs: HOUR_MS,
  };
}

/** The per-credential policy: 100 per minute, whatever the plan. */
export function credentialPolicy(principal: Pick<Principal, "credentialId">): LimitPolicy {
  return {
    name: "credential",
    key: `credential:${principal.credentialId}`,
    limit: CREDENTIAL_REQUESTS_PER_MINUTE,
    windowMs: MINUTE_MS,
  };
}

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/** `RateLimit-Policy`: every policy, as IETF draft structured-field items. */
export function policyHeader(policies: LimitPolicy[]): string {
  return policies.map((p) => `"${p.name}";q=${p.limit};w=${seconds(p.windowMs)}`).join(", ");
}

/** The policy closest to its limit: the fewest remaining requests (then the longest reset). */
export function closestToLimit(states: PolicyState[]): PolicyState | undefined {
  return [...states].sort((a, b) => a.remaining - b.remaining || b.resetMs - a.resetMs)[0];
}

/** `RateLimit`: remaining requests and seconds to reset of the given policy. */
export function rateLimitHeader(state: PolicyState): string {
  return `"${state.name}";r=${state.remaining};t=${seconds(state.resetMs)}`;
}

/** Whole seconds for Retry-After (at least 1: a client retrying at 0 would be refused again). */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
