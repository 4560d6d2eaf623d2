/**
 * The rate limiter charges a GraphQL request its cost: max(1, ceil(cost / 100)) requests, said in
 * `extensions.cost` and in the RateLimit header, and refused (429) when the window lacks room.
 */
import { env, runInDurableObject } from "cloudflare:test";
import { type FragmentDefinitionNode, type OperationDefinitionNode, parse } from "graphql";
import { beforeEach, describe, expect, it } from "vitest";
import { requestsFor } from "../../../src/features/graphql/execute";
import { measure } from "../../../src/features/graphql/limits";
import { schema } from "../../../src/features/graphql/schema";
import type { RateLimiter } from "../../../src/platform/rate-limit/durable-object";
import { forgetRateLimitBlocks } from "../../../src/platform/rate-limit/middleware";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, operator, provisionTenant } from "../../helpers/tenant";
import { type GraphQLBody, postGraphQL } from "./fixtures";

const limiter = (tenantId: string) =>
  env.RATE_LIMITER.get(env.RATE_LIMITER.idFromName(tenantId)) as DurableObjectStub<RateLimiter>;

/** Costs 1 + 50 × 8 = 401 (docs/graphql.md): charged 5. */
const PAGE_OF_ORDERS = `{ orders(first: 50) { edges { node { id lines { quantity book { id title } } } } } }`;
/** Costs 2 (tenant, id): charged 1, as a REST request. */
const SMALL = "{ tenant { id } }";

const remainingOf = (response: Response) =>
  Number(/;r=(\d+);/.exec(response.headers.get("ratelimit") ?? "")?.[1]);

describe("GraphQL cost and the rate limit", () => {
  it("counts the documented examples as docs/graphql.md says", () => {
    const examples: Array<[string, number, number]> = [
      ['{ book(id: "x") { id title price { amount } } }', 5, 1],
      ["{ books { edges { node { id title } } } }", 81, 1],
      [PAGE_OF_ORDERS, 401, 5],
      [SMALL, 2, 1],
    ];
    for (const [text, cost, requests] of examples) {
      const operation = parse(text).definitions[0] as OperationDefinitionNode;
      const measured = measure(schema, operation, new Map<string, FragmentDefinitionNode>(), {});
      expect(measured.cost, text).toBe(cost);
      expect(requestsFor(measured.cost), text).toBe(requests);
    }
    expect([0, 1, 100, 101, 1_000].map(requestsFor)).toEqual([1, 1, 1, 2, 10]);
  });

  let tenantId: string;
  let key: string;

  beforeEach(async () => {
    const tenant = await provisionTenant();
    tenantId = tenant.id;
    key = tenant.adminKey;
    const limit = await callJson(
      `/admin/tenants/${tenantId}`,
      "PATCH",
      { limits: { requests_per_hour: 12 } },
      operator(),
    );
    expect(limit.status).toBe(200);
    // Credentials warm, then a window with nothing counted.
    await call("/v2/api-keys?limit=1", { headers: bearer(key) });
    await runInDurableObject(limiter(tenantId), (_instance: RateLimiter, state) => {
      state.storage.sql.exec("DELETE FROM hits");
      state.storage.sql.exec("DELETE FROM counts");
    });
    forgetRateLimitBlocks(tenantId);
  });

  it("charges a query its cost, says so in extensions.cost, and the RateLimit header agrees", async () => {
    const page = await postGraphQL(key, PAGE_OF_ORDERS);
    expect(page.status).toBe(200);
    const body = (await page.json()) as GraphQLBody;
    expect(body.errors).toBeUndefined();
    expect(body.extensions?.cost).toEqual({ requested: 401, charged: 5, remaining: 7 });
    expect(page.headers.get("ratelimit")).toMatch(/^"tenant";r=7;t=3600$/);

    const small = await postGraphQL(key, SMALL);
    const smallBody = (await small.json()) as GraphQLBody;
    expect(smallBody.extensions?.cost).toEqual({ requested: 2, charged: 1, remaining: 6 });
    expect(remainingOf(small)).toBe(6);

    // A REST request still counts 1.
    const rest = await call("/v2/api-keys?limit=1", { headers: bearer(key) });
    expect(rest.status).toBe(200);
    expect(remainingOf(rest)).toBe(5);

    // GET is charged the same way.
    const get = await call(`/v2/graphql?query=${encodeURIComponent(PAGE_OF_ORDERS)}`, {
      headers: bearer(key),
    });
    expect(get.status).toBe(200);
    expect(((await get.json()) as GraphQLBody).extensions?.cost).toEqual({
      requested: 401,
      charged: 5,
      remaining: 0,
    });
    expect(remainingOf(get)).toBe(0);
  });

  it("refuses a query the window has no room for (429, nothing runs), while a cheaper request fits", async () => {
    for (const _ of [1, 2]) expect((await postGraphQL(key, PAGE_OF_ORDERS)).status).toBe(200);
    // 10 of 12 used: the next page (5) is admitted as 1, then refused for the other 4.
    const tooMuch = await postGraphQL(key, PAGE_OF_ORDERS);
    expect(tooMuch.status).toBe(429);
    expect(tooMuch.headers.get("content-type")).toContain("application/problem+json");
    expect((await readProblem(tooMuch)).code).toBe("rate_limited");
    expect(Number(tooMuch.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(tooMuch.headers.get("ratelimit")).toMatch(/^"tenant";r=\d+;t=\d+$/);
    // The refused query's first unit stays counted (it was admitted), the other 4 are not.
    const usage = await limiter(tenantId).usage({
      name: "tenant",
      key: "tenant",
      limit: 12,
      windowMs: 3_600_000,
    });
    expect(usage.used).toBe(11);
    // A request of weight 1 fits in the last place; then the window is full.
    const small = await postGraphQL(key, SMALL);
    expect(small.status).toBe(200);
    expect(((await small.json()) as GraphQLBody).extensions?.cost).toMatchObject({
      charged: 1,
      remaining: 0,
    });
    expect((await postGraphQL(key, SMALL)).status).toBe(429);
  });

  it("charges a document refused as too complex 1, and runs nothing", async () => {
    const costly = `{ orders(first: 100) { edges { node { id status lines { quantity book { id title stock } } } } } }`;
    const response = await postGraphQL(key, costly);
    expect(response.status).toBe(200);
    const body = (await response.json()) as GraphQLBody;
    expect(body.errors?.[0]?.extensions.code).toBe("query_too_complex");
    expect(body.extensions?.cost).toMatchObject({ charged: 1, remaining: 11 });
    expect(body.extensions?.cost.requested).toBeGreaterThan(1000);
    expect(remainingOf(response)).toBe(11);
  });
});
