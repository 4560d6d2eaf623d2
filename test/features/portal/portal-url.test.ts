/**
 * The portal link an admin hands over starts with the deployment's configured origin
 * (PUBLIC_BASE_URL), whatever Host the minting request named: a forged Host must not turn the
 * link into one that sends the token to another site.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { type Env, getConfig } from "../../../src/env";
import worker from "../../../src/index";
import { bearer, createTestTenant } from "../../helpers/tenant";

/** POST /v2/portal-tokens as a request that reached the Worker with `Host: <host>`. */
async function mintVia(host: string, adminKey: string, bindings: Partial<Env> = {}) {
  const ctx = createExecutionContext();
  // The platform builds the request URL from the Host header: both name the forged host.
  const response = await worker.fetch(
    new Request(`https://${host}/v2/portal-tokens`, {
      method: "POST",
      headers: {
        ...bearer(adminKey),
        "content-type": "application/json",
        host,
        "x-forwarded-host": host,
      },
      body: "{}",
    }),
    { ...env, ...bindings },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { token: string; portal_url: string };
}

describe("portal_url", () => {
  it("names the configured origin, not the Host header of the request", async () => {
    const tenant = await createTestTenant();
    const minted = await mintVia("evil.example", tenant.adminKey);
    expect(minted.portal_url).toBe(`https://api.shelfwise.test/portal#token=${minted.token}`);
    expect(minted.portal_url).not.toContain("evil.example");
  });

  it("follows PUBLIC_BASE_URL (a trailing slash is dropped)", async () => {
    const tenant = await createTestTenant();
    const minted = await mintVia("evil.example", tenant.adminKey, {
      // wrangler types lists wrangler.toml's values; any origin is valid configuration.
      PUBLIC_BASE_URL: "https://portal.shelfwise.test:8443/" as Env["PUBLIC_BASE_URL"],
    });
    expect(minted.portal_url).toBe(
      `https://portal.shelfwise.test:8443/portal#token=${minted.token}`,
    );
  });
});

describe("PUBLIC_BASE_URL in the configuration", () => {
  /** The test Worker's configuration with these vars instead of its ENVIRONMENT and PUBLIC_BASE_URL. */
  const configOf = (vars: Record<string, string>) => {
    const { PUBLIC_BASE_URL: _, ...rest } = env;
    return getConfig({ ...rest, ALLOW_LOOPBACK_HTTP: "false", ...vars } as Env);
  };

  it("is required, and https, in staging and production", () => {
    for (const ENVIRONMENT of ["staging", "production"]) {
      expect(() => configOf({ ENVIRONMENT })).toThrow(/PUBLIC_BASE_URL/);
      expect(() =>
        configOf({ ENVIRONMENT, PUBLIC_BASE_URL: "http://api.shelfwise.example" }),
      ).toThrow(/PUBLIC_BASE_URL: .*https/);
      expect(
        configOf({ ENVIRONMENT, PUBLIC_BASE_URL: "https://api.shelfwise.example" }).PUBLIC_BASE_URL,
      ).toBe("https://api.shelfwise.example");
    }
  });

  it("is an origin only: a path, a query or a relative URL is refused", () => {
    for (const PUBLIC_BASE_URL of [
      "https://api.shelfwise.example/v2",
      "https://api.shelfwise.example/?a=1",
      "api.shelfwise.example",
      "ftp://api.shelfwise.example",
    ]) {
      expect(
        () => configOf({ ENVIRONMENT: "production", PUBLIC_BASE_URL }),
        PUBLIC_BASE_URL,
      ).toThrow(/PUBLIC_BASE_URL/);
    }
  });

  it("defaults to wrangler dev's address in development and tests, never to a request's host", () => {
    expect(configOf({ ENVIRONMENT: "development" }).PUBLIC_BASE_URL).toBe("http://localhost:8787");
    expect(
      configOf({ ENVIRONMENT: "development", PUBLIC_BASE_URL: "http://localhost:8830" })
        .PUBLIC_BASE_URL,
    ).toBe("http://localhost:8830");
  });
});
