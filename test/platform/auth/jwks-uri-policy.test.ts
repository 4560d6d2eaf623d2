/**
 * `jwks_uri` follows the webhooks' SSRF destination policy when an operator registers it and
 * every time it is fetched; loopback http is a development-only setting refused in staging too.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { getConfig } from "../../../src/env";
import { call, callJson, readProblem } from "../../helpers/http";
import { LOOPBACK_IDP, newIdpKey, TestIdp } from "../../helpers/idp";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";

const registerIdp = (tenantId: string, jwksUri: string, bindings: Record<string, string> = {}) =>
  callJson(
    `/admin/tenants/${tenantId}`,
    "PATCH",
    {
      idp: {
        issuer: `https://idp.test/${crypto.randomUUID()}`,
        jwks_uri: jwksUri,
        audience: "shelfwise-api",
      },
    },
    operator(),
    bindings,
  );

describe("jwks_uri destination policy", () => {
  it.each([
    ["a private address", "https://10.0.0.8/jwks"],
    ["the cloud metadata address", "https://169.254.169.254/latest/meta-data"],
    ["a decimal loopback address", "https://2130706433/jwks"],
    ["IPv6 loopback", "https://[::1]/jwks"],
    ["IPv4-mapped private IPv6", "https://[::ffff:192.168.1.1]/jwks"],
    ["localhost", "https://localhost/jwks"],
    ["a local-only name", "https://keycloak.internal/jwks"],
    ["a single-label name", "https://keycloak/jwks"],
    ["plain http", "http://idp.example.com/jwks"],
    ["credentials", "https://user:secret@idp.example.com/jwks"],
  ])("refuses %s at registration (400) and stores nothing", async (_, jwksUri) => {
    const tenant = await createTestTenant();
    const response = await registerIdp(tenant.id, jwksUri);
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.[0]?.path).toBe("body.idp.jwks_uri");
    const stored = await call(`/admin/tenants/${tenant.id}`, { headers: operator() });
    expect(((await stored.json()) as { idp: unknown }).idp).toBeNull();
  });

  it("accepts a public https URI, and loopback http only with the development setting", async () => {
    const tenant = await createTestTenant();
    expect((await registerIdp(tenant.id, "https://idp.example.com/realms/x/certs")).status).toBe(
      200,
    );
    const idp = new TestIdp();
    expect((await registerIdp(tenant.id, idp.jwksUri)).status).toBe(400);
    expect((await registerIdp(tenant.id, idp.jwksUri, LOOPBACK_IDP)).status).toBe(200);
  });

  it("checks the destination again at fetch time: a refused one is never fetched (503)", async () => {
    const tenant = await createTestTenant();
    const idp = new TestIdp();
    const key = await newIdpKey("RS256");
    await idp.publish(key);
    await idp.registerFor(tenant.id);
    // The same URI without the development setting: refused before any connection.
    const response = await call("/v2/tenant", { headers: bearer(await idp.sign(key)) });
    expect(response.status).toBe(503);
    expect((await readProblem(response)).code).toBe("service_unavailable");
    expect(await idp.fetchCount()).toBe(0);
  });

  it("refuses at fetch time a host name that now resolves to an internal address", async () => {
    const tenant = await createTestTenant();
    const idp = new TestIdp();
    const key = await newIdpKey("ES256");
    const response = await callJson(
      `/admin/tenants/${tenant.id}`,
      "PATCH",
      {
        idp: {
          issuer: idp.issuer,
          jwks_uri: "https://idp.rebind.example.com/jwks",
          audience: idp.audience,
        },
      },
      operator(),
    );
    expect(response.status).toBe(200);
    const dns = { WEBHOOK_DNS_TABLE: JSON.stringify({ "idp.rebind.example.com": ["10.1.2.3"] }) };
    const refused = await call(
      "/v2/tenant",
      { headers: bearer(await idp.sign(key)) },
      dns as Partial<typeof env>,
    );
    expect(refused.status).toBe(503);
    expect((await readProblem(refused)).code).toBe("service_unavailable");
  });
});

describe("ALLOW_LOOPBACK_HTTP", () => {
  const withSettings = (ENVIRONMENT: string) =>
    ({ ...env, ENVIRONMENT, ALLOW_LOOPBACK_HTTP: "true" }) as typeof env;

  it("is refused in staging and production, accepted in development and test", () => {
    expect(() => getConfig(withSettings("staging"))).toThrow(/ALLOW_LOOPBACK_HTTP/);
    expect(() => getConfig(withSettings("production"))).toThrow(/ALLOW_LOOPBACK_HTTP/);
    expect(getConfig(withSettings("development")).ALLOW_LOOPBACK_HTTP).toBe(true);
    expect(getConfig(withSettings("test")).ALLOW_LOOPBACK_HTTP).toBe(true);
  });
});
