import { base64url } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { call, readProblem } from "../../helpers/http";
import { type IdpKey, LOOPBACK_IDP, newIdpKey, TestIdp } from "../../helpers/idp";
import { bearer, createTestTenant, type TestTenant } from "../../helpers/tenant";

const get = (path: string, token: string, bindings: Record<string, string> = {}) =>
  call(path, { headers: bearer(token) }, { ...LOOPBACK_IDP, ...bindings });

async function expectUnauthenticated(response: Response) {
  expect(response.status).toBe(401);
  const problem = await readProblem(response);
  expect(problem.code).toBe("unauthenticated");
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
}

function encodeSegment(value: unknown): string {
  return base64url.encode(new TextEncoder().encode(JSON.stringify(value)));
}

describe("tenant IdP JWTs", () => {
  let tenant: TestTenant;
  let idp: TestIdp;
  let key: IdpKey;

  beforeAll(async () => {
    tenant = await createTestTenant();
    idp = new TestIdp();
    key = await newIdpKey("RS256");
    await idp.publish(key);
    await idp.registerFor(tenant.id);
  });

  it("accepts a valid token and maps its roles claim", async () => {
    const token = await idp.sign(key, { roles: ["viewer"] });
    const response = await get("/v2/tenant", token);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { id: string }).id).toBe(tenant.id);
    const write = await call(
      "/v2/api-keys",
      {
        method: "POST",
        headers: { ...bearer(token), "content-type": "application/json" },
        body: "{}",
      },
      LOOPBACK_IDP,
    );
    expect(write.status).toBe(403);
    expect((await readProblem(write)).code).toBe("forbidden");
  });

  it("gives 403 to a valid token without a Shelfwise role", async () => {
    const token = await idp.sign(key, { roles: ["accountant"] });
    const response = await get("/v2/tenant", token);
    expect(response.status).toBe(403);
  });

  describe("attacks, each refused with 401", () => {
    it("alg: none", async () => {
      const now = Math.floor(Date.now() / 1000);
      const token = `${encodeSegment({ alg: "none", typ: "JWT" })}.${encodeSegment({
        iss: idp.issuer,
        aud: idp.audience,
        sub: "attacker",
        roles: ["admin"],
        exp: now + 300,
      })}.`;
      await expectUnauthenticated(await get("/v2/tenant", token));
    });

    it("HS256 signed with the tenant's public key", async () => {
      const now = Math.floor(Date.now() / 1000);
      const header = encodeSegment({ alg: "HS256", typ: "JWT", kid: key.kid });
      const payload = encodeSegment({
        iss: idp.issuer,
        aud: idp.audience,
        sub: "attacker",
        roles: ["admin"],
        exp: now + 300,
      });
      const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
      const hmac = await crypto.subtle.importKey(
        "raw",
        secret,
        { name: "HMAC", hash: "SHA-256" },
        false,
        ["sign"],
      );
      const signature = await crypto.subtle.sign(
        "HMAC",
        hmac,
        new TextEncoder().encode(`${header}.${payload}`),
      );
      const token = `${header}.${payload}.${base64url.encode(new Uint8Array(signature))}`;
      await expectUnauthenticated(await get("/v2/tenant", token));
    });

    it("an unknown kid, and an injected kid", async () => {
      const stranger = await newIdpKey("RS256");
      await expectUnauthenticated(await get("/v2/tenant", await idp.sign(stranger)));
      const injected = await idp.sign(
        stranger,
        { roles: ["admin"] },
        { kid: "../../../etc/passwd' OR 1=1--" },
      );
      await expectUnauthenticated(await get("/v2/tenant", injected));
    });

    it("a right kid with a signature from another key", async () => {
      const stranger = await newIdpKey("RS256");
      await expectUnauthenticated(
        await get("/v2/tenant", await idp.sign(stranger, undefined, { kid: key.kid })),
      );
    });

    it("expired", async () => {
      const token = await idp.sign(
        key,
        { roles: ["admin"] },
        { expiresIn: Math.floor(Date.now() / 1000) - 120 },
      );
      await expectUnauthenticated(await get("/v2/tenant", token));
    });

    it("nbf in the future", async () => {
      const token = await idp.sign(
        key,
        { roles: ["admin"] },
        { notBefore: Math.floor(Date.now() / 1000) + 600 },
      );
      await expectUnauthenticated(await get("/v2/tenant", token));
    });

    it("wrong iss", async () => {
      const token = await idp.sign(key, { roles: ["admin"] }, { issuer: "https://evil.test/" });
      await expectUnauthenticated(await get("/v2/tenant", token));
    });

    it("wrong aud", async () => {
      const token = await idp.sign(key, { roles: ["admin"] }, { audience: "another-api" });
      await expectUnauthenticated(await get("/v2/tenant", token));
    });

    it("garbage and truncated tokens", async () => {
      const token = await idp.sign(key);
      await expectUnauthenticated(await get("/v2/tenant", token.slice(0, -10)));
      await expectUnauthenticated(await get("/v2/tenant", "a.b.c"));
      await expectUnauthenticated(await get("/v2/tenant", "not-a-credential"));
    });
  });

  it("a token of tenant A's issuer cannot reach tenant B's resources (404, not data)", async () => {
    const other = await createTestTenant();
    const otherKey = await other.createKey("viewer");
    const token = await idp.sign(key, { roles: ["admin"] });
    const response = await call(
      `/v2/api-keys/${otherKey.id}`,
      { method: "DELETE", headers: bearer(token) },
      LOOPBACK_IDP,
    );
    expect(response.status).toBe(404);
    expect((await readProblem(response)).code).toBe("not_found");
    expect((await call("/v2/tenant", { headers: bearer(otherKey.key) })).status).toBe(200);
    const own = await get("/v2/tenant", token);
    expect(((await own.json()) as { id: string }).id).toBe(tenant.id);
  });

  it("refuses a key removed from the JWKS once the cache expires", async () => {
    const rotating = new TestIdp();
    const tenantB = await createTestTenant();
    const oldKey = await newIdpKey("ES256");
    const newKey = await newIdpKey("ES256");
    await rotating.publish(oldKey);
    await rotating.registerFor(tenantB.id);
    const shortCache = { JWKS_CACHE_SECONDS: "1", JWKS_COOLDOWN_SECONDS: "0" };
    const oldToken = await rotating.sign(oldKey);
    expect((await get("/v2/tenant", oldToken, shortCache)).status).toBe(200);

    await rotating.publish(newKey);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    await expectUnauthenticated(await get("/v2/tenant", oldToken, shortCache));
    expect((await get("/v2/tenant", await rotating.sign(newKey), shortCache)).status).toBe(200);
  });

  it("refetches the JWKS for an unknown kid at most once per cooldown", async () => {
    const cooled = new TestIdp();
    const tenantC = await createTestTenant();
    const known = await newIdpKey("RS256");
    await cooled.publish(known);
    await cooled.registerFor(tenantC.id);
    const settings = { JWKS_CACHE_SECONDS: "600", JWKS_COOLDOWN_SECONDS: "60" };
    expect((await get("/v2/tenant", await cooled.sign(known), settings)).status).toBe(200);
    const fetchesAfterFirst = await cooled.fetchCount();

    const stranger = await newIdpKey("RS256");
    for (let i = 0; i < 5; i++) {
      await expectUnauthenticated(await get("/v2/tenant", await cooled.sign(stranger), settings));
    }
    expect((await cooled.fetchCount()) - fetchesAfterFirst).toBeLessThanOrEqual(1);
  });

  it("refuses an http JWKS URI unless loopback http is allowed for development", async () => {
    const plain = new TestIdp();
    const tenantE = await createTestTenant();
    const { callJson } = await import("../../helpers/http");
    const { operator } = await import("../../helpers/tenant");
    const response = await callJson(
      `/admin/tenants/${tenantE.id}`,
      "PATCH",
      { idp: { issuer: plain.issuer, jwks_uri: plain.jwksUri, audience: "x" } },
      operator(),
    );
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expect(problem.errors?.[0]?.path).toBe("body.idp.jwks_uri");
  });
});
