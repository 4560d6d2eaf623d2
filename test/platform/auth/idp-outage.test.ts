/**
 * A tenant's identity provider going down, with the suite's real JWKS server: the last good keys
 * keep serving past their cache lifetime (bounded), no usable key is 503 with Retry-After (never
 * 401), refetches are coalesced and back off, and verification is never weakened.
 */
import { describe, expect, it } from "vitest";
import { call, readProblem } from "../../helpers/http";
import { type IdpKey, LOOPBACK_IDP, newIdpKey, TestIdp } from "../../helpers/idp";
import { bearer, createTestTenant } from "../../helpers/tenant";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const get = (token: string, bindings: Record<string, string> = {}) =>
  call("/v2/tenant", { headers: bearer(token) }, { ...LOOPBACK_IDP, ...bindings });

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect((await readProblem(response)).code).toBe("service_unavailable");
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
}

async function expectUnauthenticated(response: Response) {
  expect(response.status).toBe(401);
  expect((await readProblem(response)).code).toBe("unauthenticated");
}

/** A tenant with its own test IdP publishing one key. */
async function tenantWithIdp(): Promise<{ idp: TestIdp; key: IdpKey }> {
  const tenant = await createTestTenant();
  const idp = new TestIdp();
  const key = await newIdpKey("RS256");
  await idp.publish(key);
  await idp.registerFor(tenant.id);
  return { idp, key };
}

describe("identity provider outage", () => {
  it("keeps verifying with the last good keys past their cache lifetime, and only them", async () => {
    const { idp, key } = await tenantWithIdp();
    const settings = { JWKS_CACHE_SECONDS: "1", JWKS_COOLDOWN_SECONDS: "0" };
    expect((await get(await idp.sign(key), settings)).status).toBe(200);

    await idp.setReachable(false);
    await sleep(1_200);
    const fetchesBefore = await idp.fetchCount();
    expect((await get(await idp.sign(key), settings)).status).toBe(200);
    expect(await idp.fetchCount()).toBe(fetchesBefore + 1);

    // A key the cached set lacks may exist at the IdP: 503, not 401.
    await expectUnavailable(await get(await idp.sign(await newIdpKey("RS256")), settings));
    // A known kid with another key's signature is still refused.
    const forged = await idp.sign(await newIdpKey("RS256"), undefined, { kid: key.kid });
    await expectUnauthenticated(await get(forged, settings));
    // So is an expired token signed with the cached key.
    const expired = await idp.sign(
      key,
      { roles: ["admin"] },
      { expiresIn: Math.floor(Date.now() / 1000) - 120 },
    );
    await expectUnauthenticated(await get(expired, settings));
  });

  it("stops using the last good keys once they are older than the stale bound", async () => {
    const { idp, key } = await tenantWithIdp();
    const settings = { JWKS_CACHE_SECONDS: "1", JWKS_MAX_STALE_SECONDS: "2" };
    expect((await get(await idp.sign(key), settings)).status).toBe(200);
    await idp.setReachable(false);
    await sleep(2_200);
    await expectUnavailable(await get(await idp.sign(key), settings));
  });

  it("with no key ever fetched, answers 503 and backs off; after recovery, 200", async () => {
    const { idp, key } = await tenantWithIdp();
    await idp.setReachable(false);
    const token = await idp.sign(key);
    const first = await get(token);
    await expectUnavailable(first);
    expect(await idp.fetchCount()).toBe(1);
    // During the backoff (1 s after the first failure) nobody fetches.
    for (let i = 0; i < 5; i++) await expectUnavailable(await get(token));
    expect(await idp.fetchCount()).toBe(1);

    await sleep(1_100);
    await expectUnavailable(await get(token));
    expect(await idp.fetchCount()).toBe(2);
    // The second failure doubles the backoff: 2 s.
    const backedOff = await get(token);
    await expectUnavailable(backedOff);
    expect(Number(backedOff.headers.get("retry-after"))).toBe(2);
    expect(await idp.fetchCount()).toBe(2);

    await idp.setReachable(true);
    await sleep(2_100);
    expect((await get(token)).status).toBe(200);
    expect(await idp.fetchCount()).toBe(3);
  });

  it("concurrent requests for one issuer cause one fetch", async () => {
    const { idp, key } = await tenantWithIdp();
    const token = await idp.sign(key);
    const responses = await Promise.all(Array.from({ length: 8 }, () => get(token)));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(await idp.fetchCount()).toBe(1);

    await idp.setReachable(false);
    const stranger = await idp.sign(await newIdpKey("RS256"));
    const settings = { JWKS_COOLDOWN_SECONDS: "0" };
    const failing = await Promise.all(Array.from({ length: 8 }, () => get(stranger, settings)));
    for (const response of failing) await expectUnavailable(response);
    expect(await idp.fetchCount()).toBe(2);
  });
});
