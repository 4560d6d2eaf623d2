import type { Context } from "hono";
import type { AppEnv } from "../context";
import { AppError } from "../errors";
import { parseIPv6 } from "../net/url-policy";
import { describeError, log } from "../observability/logger";

/**
 * The pre-authentication limit: failed authentications (401s) per client address. These mirror
 * the AUTH_FAILURE_LIMITER binding in wrangler.toml (`simple = { limit = 20, period = 60 }`):
 * the binding counts, this module remembers which addresses went over.
 */
export const AUTH_FAILURE_LIMIT = 20;
export const AUTH_FAILURE_PERIOD_SECONDS = 60;

const LOCAL_ENVIRONMENTS = new Set(["development", "test"]);
const MAX_BLOCKED = 10_000;

/** Addresses this isolate saw go over the limit, with the time their block ends. */
const blocked = new Map<string, number>();

/**
 * The address a request's failures count against: CF-Connecting-IP, which Cloudflare's edge
 * sets on every request (wrangler dev sets it too). IPv6 clients are counted per /64, as one
 * host usually holds a whole /64. Without the header: in development and tests nothing is
 * counted (a direct call has no client address); elsewhere every such request shares one key.
 */
export function clientAddressKey(c: Context<AppEnv>): string | undefined {
  const address = c.req.header("cf-connecting-ip")?.trim();
  if (!address) return LOCAL_ENVIRONMENTS.has(c.env.ENVIRONMENT) ? undefined : "unknown";
  if (address.includes(":")) {
    const groups = parseIPv6(address);
    if (groups)
      return `${groups
        .slice(0, 4)
        .map((g) => g.toString(16))
        .join(":")}::/64`;
  }
  return address;
}

/** The 429 an address over the limit gets, before any credential lookup. */
export function tooManyFailures(): AppError {
  return new AppError(
    "rate_limited",
    `Too many failed authentications from this address; retry in ${AUTH_FAILURE_PERIOD_SECONDS} s.`,
    { headers: { "retry-after": String(AUTH_FAILURE_PERIOD_SECONDS) } },
  );
}

/** True when this isolate knows the address is over the limit (its block has not ended). */
export function isAddressBlocked(address: string | undefined): boolean {
  if (address === undefined) return false;
  const until = blocked.get(address);
  if (until === undefined) return false;
  if (until > Date.now()) return true;
  blocked.delete(address);
  return false;
}

function block(address: string): void {
  if (blocked.size >= MAX_BLOCKED) {
    const now = Date.now();
    for (const [key, until] of blocked) if (until <= now) blocked.delete(key);
    if (blocked.size >= MAX_BLOCKED) blocked.clear();
  }
  blocked.set(address, Date.now() + AUTH_FAILURE_PERIOD_SECONDS * 1000);
}

/**
 * Counts one failed authentication of the address. When it is over the limit the address is
 * blocked in this isolate for a period and this request, too, is answered 429 instead of its 401
 * (`refusal`); other isolates learn it at their own next failure from that address. The binding
 * failing must not turn 401s into 500s: the limit then fails open.
 */
export async function countFailure(
  c: Context<AppEnv>,
  address: string | undefined,
  refusal: AppError,
): Promise<AppError> {
  if (address === undefined) return refusal;
  try {
    const { success } = await c.env.AUTH_FAILURE_LIMITER.limit({ key: `auth-failure:${address}` });
    if (success) return refusal;
  } catch (error) {
    log("warn", "auth failure limiter unavailable", describeError(error));
    return refusal;
  }
  block(address);
  log("info", "address blocked after failed authentications", { request_id: c.var.requestId });
  return tooManyFailures();
}
