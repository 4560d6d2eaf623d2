import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { generateApiKey } from "../../../src/platform/auth/api-keys";
import { newId } from "../../../src/platform/ids";
import type { RateLimiter } from "../../../src/platform/rate-limit/durable-object";
import { rateLimitCounters } from "../../../src/platform/rate-limit/metrics";
import { forgetRateLimitBlocks } from "../../../src/platform/rate-limit/middleware";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { startOfWindow } from "../../helpers/limiter-window";
import { bearer, operator, provisionTenant } from "../../helpers/tenant";

const limiter = (tenantId: string) =>
  env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(tenantId)) as DurableObjectStub<RateLimiter>;

/** Inserts admin keys straight into the database (creating them through the API would count). */
async function extraKeys(tenantId: string, n: number): Promise<string[]> {
  const keys = await Promise.all(Array.from({ length: n }, () => generateApiKey("live")));
  await withOwnerSql(async (sql) => {
    for (const k of keys) {
      await sql`insert into api_keys (id, tenant_id, name, role, mode, prefix, key_hash)
        values (${newId("key")}, ${tenantId}, 'bench', 'admin', 'live', ${k.prefix}, ${k.hash})`;
    }
  });
  return keys.map((k) => k.key);
}

async function setHourlyLimit(tenantId: string, limit: number | null) {
  const res = await callJson(
    `/admin/tenants/${tenantId}`,
    "PATCH",
    { limits: { requests_per_hour: limit } },
    operator(),
  );
  expect(res.status).toBe(200);
}

/** Wipes the object's counters (warm-up requests made the credentials cached, not counted). */
const wipeCounts = (tenantId: string) =>
  runInDurableObject(limiter(tenantId), (_instance: RateLimiter, state) => {
    state.storage.sql.exec("DELETE FROM hits");
    state.storage.sql.exec("DELETE FROM counts");
  });

/** A tenant with `n` admin keys, its hourly limit set by the operator, credentials warm, counts zero. */
async function limitedTenant(limit: number, keyCount: number) {
  const { id, adminKey } = await provisionTenant();
  const keys = [adminKey, ...(await extraKeys(id, keyCount - 1))];
  await setHourlyLimit(id, limit);
  await Promise.all(keys.map((k) => call("/v2/api-keys?limit=1", { headers: bearer(k) })));
  await wipeCounts(id);
  return { id, keys };
}

const burst = (keys: string[], n: number) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      call("/v2/api-keys?limit=1", { headers: bearer(keys[i % keys.length] as string) }),
    ),
  );

describe("rate limits", () => {
  it("admits exactly the tenant limit out of a concurrent burst, per tenant, then a new window", async () => {
    // Sized so the admitted requests stay well within the local Postgres connection limit.
    const a = await limitedTenant(50, 4);
    const b = await limitedTenant(10, 2);
    const [resA, resB] = await Promise.all([burst(a.keys, 100), burst(b.keys, 20)]);

    const ok = resA.filter((r) => r.status === 200);
    const refused = resA.filter((r) => r.status === 429);
    expect(ok).toHaveLength(50);
    expect(refused).toHaveLength(50);
    expect(resB.filter((r) => r.status === 200)).toHaveLength(10);
    expect(resB.filter((r) => r.status === 429)).toHaveLength(10);

    for (const r of ok) {
      expect(r.headers.get("ratelimit-policy")).toBe(
        '"tenant";q=50;w=3600, "credential";q=100;w=60',
      );
      expect(r.headers.get("ratelimit")).toMatch(/^"tenant";r=\d+;t=\d+$/);
    }
    const remaining = ok.map((r) => Number(/r=(\d+)/.exec(r.headers.get("ratelimit") ?? "")?.[1]));
    expect(new Set(remaining).size).toBe(50); // each admission saw its own exact count: 49 … 0
    expect(Math.min(...remaining)).toBe(0);
    for (const r of refused) {
      const retryAfter = Number(r.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(3500);
      expect(retryAfter).toBeLessThanOrEqual(3600);
      expect(r.headers.get("ratelimit")).toBe(`"tenant";r=0;t=${retryAfter}`);
      expect(r.headers.get("ratelimit-policy")).toContain('"tenant";q=50;w=3600');
      const problem = await readProblem(r);
      expect(problem.code).toBe("rate_limited");
      expect(problem.status).toBe(429);
    }

    // Refused again in this isolate without asking the object (the block is remembered).
    const before = rateLimitCounters().rejected_locally;
    expect((await call("/v2/api-keys", { headers: bearer(a.keys[0] as string) })).status).toBe(429);
    expect(rateLimitCounters().rejected_locally).toBe(before + 1);

    // An hour later (the object's clock moves; this isolate's remembered block would have
    // ended by then too) the tenant is admitted again, with a fresh window.
    await runInDurableObject(limiter(a.id), (instance: RateLimiter) => {
      instance.now = () => Date.now() + 3_600_001;
    });
    forgetRateLimitBlocks(a.id);
    const later = await call("/v2/api-keys?limit=1", { headers: bearer(a.keys[1] as string) });
    expect(later.status).toBe(200);
    expect(later.headers.get("ratelimit")).toMatch(/^"tenant";r=49;t=3600$/);
  });

  it("applies an operator's raised limit to the very next request", async () => {
    const t = await limitedTenant(5, 1);
    const key = t.keys[0] as string;
    const first = await burst([key], 7);
    expect(first.filter((r) => r.status === 429)).toHaveLength(2);
    await setHourlyLimit(t.id, 1000);
    const next = await call("/v2/api-keys?limit=1", { headers: bearer(key) });
    expect(next.status).toBe(200);
    expect(next.headers.get("ratelimit-policy")).toContain('"tenant";q=1000;w=3600');
  });

  it("limits each credential to 100 per minute, independently of the tenant's other keys", async () => {
    const t = await limitedTenant(10_000, 2);
    const [hot, cold] = t.keys as [string, string];
    const results = await burst([hot], 110);
    expect(results.filter((r) => r.status === 200)).toHaveLength(100);
    const refused = results.filter((r) => r.status === 429);
    expect(refused).toHaveLength(10);
    expect(refused[0]?.headers.get("ratelimit")).toMatch(/^"credential";r=0;t=(60|59)$/);
    expect(Number(refused[0]?.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    const other = await call("/v2/api-keys?limit=1", { headers: bearer(cold) });
    expect(other.status).toBe(200);
    expect(other.headers.get("ratelimit")).toMatch(/^"credential";r=99;t=60$/);
  });

  it("exempts operator routes and health checks", async () => {
    const t = await limitedTenant(1, 1);
    expect((await call("/v2/api-keys", { headers: bearer(t.keys[0] as string) })).status).toBe(200);
    expect((await call("/v2/api-keys", { headers: bearer(t.keys[0] as string) })).status).toBe(429);
    for (let i = 0; i < 3; i++) {
      const admin = await call(`/admin/tenants/${t.id}`, { headers: operator() });
      expect(admin.status).toBe(200);
      expect(admin.headers.get("ratelimit")).toBeNull();
    }
    const live = await call("/health/live");
    expect(live.status).toBe(200);
    expect(live.headers.get("ratelimit")).toBeNull();
  });

  it("serves requests when the limiter fails (fail open), logged and counted", async () => {
    const t = await limitedTenant(1, 1);
    await runInDurableObject(limiter(t.id), (_instance: RateLimiter, state) => {
      state.storage.sql.exec("DROP TABLE hits");
    });
    const before = rateLimitCounters().fail_open;
    const key = t.keys[0] as string;
    const responses = [
      await call("/v2/api-keys?limit=1", { headers: bearer(key) }),
      await call("/v2/api-keys?limit=1", { headers: bearer(key) }),
    ];
    for (const r of responses) {
      expect(r.status).toBe(200);
      expect(r.headers.get("ratelimit")).toBeNull();
    }
    expect(rateLimitCounters().fail_open).toBe(before + 2);
  });

  it("removes old windows with the alarm, so storage stays bounded", async () => {
    const t = await limitedTenant(1000, 2);
    await burst(t.keys, 10);
    const stub = limiter(t.id);
    const stored = await runInDurableObject(stub, async (_i: RateLimiter, state) => ({
      hits: state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM hits").one().n,
      alarm: await state.storage.getAlarm(),
    }));
    expect(stored.hits).toBe(20); // 10 tenant rows + 10 credential rows
    expect(stored.alarm).not.toBeNull();

    // Two minutes later only the hour-long tenant window still holds rows.
    await runInDurableObject(stub, (instance: RateLimiter) => {
      instance.now = () => Date.now() + 120_000;
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const afterMinute = await runInDurableObject(stub, (_i: RateLimiter, state) =>
      state.storage.sql.exec<{ policy: string }>("SELECT DISTINCT policy FROM hits").toArray(),
    );
    expect(afterMinute).toEqual([{ policy: "tenant" }]);

    // After the hour, nothing is left and no alarm stays scheduled.
    await runInDurableObject(stub, (instance: RateLimiter) => {
      instance.now = () => Date.now() + 3_700_000;
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const end = await runInDurableObject(stub, async (_i: RateLimiter, state) => ({
      hits: state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM hits").one().n,
      counts: state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM counts").one().n,
      alarm: await state.storage.getAlarm(),
    }));
    expect(end).toEqual({ hits: 0, counts: 0, alarm: null });
  });

  it("reports the tenant window's usage on GET /v2/tenant", async () => {
    const t = await limitedTenant(50, 1);
    const key = t.keys[0] as string;
    await burst([key], 3);
    const res = await call("/v2/tenant", { headers: bearer(key) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { usage: { requests: Record<string, number> } };
    expect(body.usage.requests).toEqual({
      limit: 50,
      window_seconds: 3600,
      used: 4,
      remaining: 46,
      reset_seconds: expect.any(Number),
    });
  });

  it("has the built-in ratelimits binding for the benchmark comparison, working locally", async () => {
    const key = `bench-${crypto.randomUUID()}`;
    // The 110 calls must fall in one of the binding's wall-clock windows.
    await startOfWindow();
    const outcomes: boolean[] = [];
    for (let i = 0; i < 110; i++) {
      outcomes.push((await env.BUILTIN_RATE_LIMITER.limit({ key })).success);
    }
    expect(outcomes.filter(Boolean)).toHaveLength(100);
  });
});
