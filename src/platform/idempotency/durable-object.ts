import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../env";

/** Per-tenant idempotency locks and replays (one object per tenant). */
export class IdempotencyStore extends DurableObject<Env> {
  /** Liveness probe for /health/ready. */
  async ping(): Promise<"pong"> {
    return "pong";
  }
}
