import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../env";

/** Per-tenant request counters (one object per tenant). */
export class RateLimiter extends DurableObject<Env> {
  /** Liveness probe for /health/ready. */
  async ping(): Promise<"pong"> {
    return "pong";
  }
}
