/**
 * The limiter's `weight`: a request counted as several (a GraphQL query by its cost) is admitted
 * only when every policy has room for all of it, and then fills that many places in the window.
 */
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { LimitPolicy, RateLimiter } from "../../../src/platform/rate-limit/durable-object";

const limiter = (name: string) =>
  env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(name)) as DurableObjectStub<RateLimiter>;

const policy = (limit: number, windowMs = 60_000): LimitPolicy => ({
  name: "tenant",
  key: "tenant",
  limit,
  windowMs,
});

describe("rate limiter weight", () => {
  it("counts a weighted request as that many, refuses one without room for all of it", async () => {
    const stub = limiter(`weight-${crypto.randomUUID()}`);
    const start = Date.now();
    await runInDurableObject(stub, (instance: RateLimiter) => {
      instance.now = () => start;
    });
    const first = await stub.consume([policy(10)], { weight: 4 });
    expect(first.allowed).toBe(true);
    expect(first.policies[0]).toMatchObject({ used: 4, remaining: 6, resetMs: 60_000 });

    await runInDurableObject(stub, (instance: RateLimiter) => {
      instance.now = () => start + 10_000;
    });
    const second = await stub.consume([policy(10)], { weight: 5 });
    expect(second.policies[0]).toMatchObject({ used: 9, remaining: 1 });

    // 1 place left: a weight of 3 is refused and nothing is counted; it fits once the first
    // request's 4 places leave the window (50 s later), not the second's.
    const refused = await stub.consume([policy(10)], { weight: 3 });
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBe(50_000);
    expect((await stub.usage(policy(10))).used).toBe(9);
    // Needing more places than the oldest request holds waits for the next one too.
    const large = await stub.consume([policy(10)], { weight: 6 });
    expect(large.allowed).toBe(false);
    expect(large.retryAfterMs).toBe(60_000);
    // A request of weight 1 (REST) still fits in the last place.
    const one = await stub.consume([policy(10)]);
    expect(one.allowed).toBe(true);
    expect(one.policies[0]).toMatchObject({ used: 10, remaining: 0 });

    await runInDurableObject(stub, (instance: RateLimiter) => {
      instance.now = () => start + 60_001;
    });
    const later = await stub.consume([policy(10)], { weight: 3 });
    expect(later.allowed).toBe(true);
    expect(later.policies[0]).toMatchObject({ used: 9, remaining: 1 });
  });

  it("counts a weight above a policy's limit as the whole limit, and checks every policy", async () => {
    const stub = limiter(`weight-${crypto.randomUUID()}`);
    const tight: LimitPolicy = {
      name: "credential",
      key: "credential:k",
      limit: 3,
      windowMs: 60_000,
    };
    const whole = await stub.consume([policy(100), tight], { weight: 5 });
    expect(whole.allowed).toBe(true);
    expect(whole.policies).toMatchObject([
      { name: "tenant", used: 5, remaining: 95 },
      { name: "credential", used: 3, remaining: 0 },
    ]);
    const next = await stub.consume([policy(100), tight], { weight: 1 });
    expect(next.allowed).toBe(false);
    // Refused by one policy, counted by none.
    expect((await stub.usage(policy(100))).used).toBe(5);
  });
});
