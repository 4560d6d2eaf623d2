/**
 * Portal tokens: minted by an admin (API key or IdP JWT), they read the tenant's webhook endpoints
 * and attempts, resend events and recover endpoints, and nothing else; they expire, die with their
 * minting key and their tenant's suspension, and act in the audit log as "portal token minted by".
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AUTH_FAILURE_LIMIT } from "../../../src/platform/auth/address-limit";
import { signPortalToken } from "../../../src/platform/auth/portal-token";
import { call, callJson, readProblem } from "../../helpers/http";
import { LOOPBACK_IDP, newIdpKey, TestIdp } from "../../helpers/idp";
import {
  bearer,
  createTestTenant,
  operator,
  quietEndpoint,
  type TestTenant,
} from "../../helpers/tenant";
import { createBook } from "../books/fixtures";

interface Minted {
  id: string;
  scope: string;
  minted_by: string;
  expires_at: string;
  token: string;
  portal_url: string;
}

async function mint(credential: string, body: unknown = {}) {
  return callJson("/v2/portal-tokens", "POST", body, bearer(credential));
}

async function mintOk(tenant: TestTenant, body: unknown = {}): Promise<Minted> {
  const response = await mint(tenant.adminKey, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Minted;
}

async function latestEventId(tenant: TestTenant): Promise<string> {
  await createBook(tenant.editorKey);
  const response = await call("/v2/events?limit=1", { headers: bearer(tenant.adminKey) });
  return ((await response.json()) as { data: Array<{ id: string }> }).data[0]?.id as string;
}

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const problem = await readProblem(response);
  expect(problem.code).toBe(code);
  return problem;
}

describe("POST /v2/portal-tokens", () => {
  it("mints a 15-minute portal token for an admin key, with the link and an audit row", async () => {
    const tenant = await createTestTenant();
    const before = Date.now();
    const minted = await mintOk(tenant);
    expect(minted.id).toMatch(/^ptok_/);
    expect(minted.scope).toBe("portal");
    expect(minted.minted_by).toBe(`api_key:${tenant.adminKeyId}`);
    const lifetime = Date.parse(minted.expires_at) - before;
    expect(lifetime).toBeGreaterThan(14 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60_000 + 1000);
    expect(minted.portal_url).toBe(`https://api.shelfwise.test/portal#token=${minted.token}`);

    const audit = await call("/v2/audit-log?action=portal_token.created", {
      headers: bearer(tenant.adminKey),
    });
    const { data } = (await audit.json()) as {
      data: Array<{ actor: { type: string; id: string }; target: { id: string }; after: unknown }>;
    };
    expect(data).toHaveLength(1);
    expect(data[0]?.actor).toEqual({ type: "api_key", id: tenant.adminKeyId });
    expect(data[0]?.target.id).toBe(minted.id);
    // The token itself is never in the audit log.
    expect(JSON.stringify(data[0]?.after)).not.toContain(minted.token);
  });

  it("honours ttl_seconds within 60..3600", async () => {
    const tenant = await createTestTenant();
    const before = Date.now();
    const minted = await mintOk(tenant, { ttl_seconds: 3600 });
    expect(Date.parse(minted.expires_at) - before).toBeGreaterThan(59 * 60_000);
    const short = await mintOk(tenant, { ttl_seconds: 60 });
    expect(Date.parse(short.expires_at) - before).toBeLessThanOrEqual(61_000);
  });

  it.each([
    [{ ttl_seconds: 59 }, "ttl_seconds"],
    [{ ttl_seconds: 3601 }, "ttl_seconds"],
    [{ ttl_seconds: 90.5 }, "ttl_seconds"],
    [{ ttl_seconds: "900" }, "ttl_seconds"],
    [{ scope: "admin" }, ""],
  ])("refuses %j with 400 validation_failed", async (body, field) => {
    const tenant = await createTestTenant();
    const problem = await expectProblem(
      await mint(tenant.adminKey, body),
      400,
      "validation_failed",
    );
    if (field) expect(problem.errors?.map((e) => e.path).join()).toContain(field);
    const audit = await call("/v2/audit-log?action=portal_token.created", {
      headers: bearer(tenant.adminKey),
    });
    expect(((await audit.json()) as { data: unknown[] }).data).toHaveLength(0);
  });

  it("is for admins only: 403 for editor and viewer keys, 401 without a credential", async () => {
    const tenant = await createTestTenant();
    await expectProblem(await mint(tenant.editorKey), 403, "forbidden");
    await expectProblem(await mint(tenant.viewerKey), 403, "forbidden");
    const anonymous = await callJson("/v2/portal-tokens", "POST", {});
    await expectProblem(anonymous, 401, "unauthenticated");
  });

  it("mints for an admin JWT from the tenant's IdP, minted_by its subject; not for a viewer JWT", async () => {
    const tenant = await createTestTenant();
    const idp = new TestIdp();
    const key = await newIdpKey();
    await idp.publish(key);
    await idp.registerFor(tenant.id);
    const as = async (role: string) =>
      bearer(await idp.sign(key, { roles: [role] }, { subject: "alice" }));
    const send = async (headers: Record<string, string>) =>
      call(
        "/v2/portal-tokens",
        {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: "{}",
        },
        LOOPBACK_IDP,
      );
    const minted = await send(await as("admin"));
    expect(minted.status).toBe(201);
    const body = (await minted.json()) as Minted;
    expect(body.minted_by).toBe("jwt:alice");
    const endpoints = await call("/v2/webhook-endpoints", { headers: bearer(body.token) });
    expect(endpoints.status).toBe(200);
    await expectProblem(await send(await as("viewer")), 403, "forbidden");
  });
});

describe("a portal token", () => {
  it("reads endpoints and attempts, resends an event and recovers an endpoint, audited as minted by its key", async () => {
    const tenant = await createTestTenant();
    const endpointId = await quietEndpoint(tenant);
    const eventId = await latestEventId(tenant);
    const { token } = await mintOk(tenant);
    const auth = bearer(token);

    const list = await call("/v2/webhook-endpoints", { headers: auth });
    expect(list.status).toBe(200);
    const listed = (await list.json()) as { data: Array<{ id: string }> };
    expect(listed.data.map((e) => e.id)).toEqual([endpointId]);
    const one = await call(`/v2/webhook-endpoints/${endpointId}`, { headers: auth });
    expect(one.status).toBe(200);
    const attempts = await call(`/v2/webhook-endpoints/${endpointId}/attempts`, { headers: auth });
    expect(attempts.status).toBe(200);
    expect(await attempts.json()).toMatchObject({ data: [], has_more: false });

    const resend = await call(`/v2/events/${eventId}/resend`, { method: "POST", headers: auth });
    expect(resend.status).toBe(202);
    const recover = await callJson(
      `/v2/webhook-endpoints/${endpointId}/recover`,
      "POST",
      { since: "2026-01-01T00:00:00Z" },
      auth,
    );
    expect(recover.status).toBe(202);

    const audit = await call("/v2/audit-log?limit=10", { headers: bearer(tenant.adminKey) });
    const rows = (
      (await audit.json()) as {
        data: Array<{ action: string; actor: { type: string; id: string } }>;
      }
    ).data;
    const portalActor = { type: "portal_token", id: `api_key:${tenant.adminKeyId}` };
    expect(rows.find((r) => r.action === "event.resent")?.actor).toEqual(portalActor);
    expect(rows.find((r) => r.action === "webhook_endpoint.recovered")?.actor).toEqual(portalActor);
  });

  it.each([
    ["GET", "/v2/api-keys"],
    ["GET", "/v2/books"],
    ["GET", "/v2/events"],
    ["GET", "/v2/audit-log"],
    ["GET", "/v2/tenant"],
    ["POST", "/v2/portal-tokens"],
    ["POST", "/v2/webhook-endpoints"],
    ["DELETE", "/v2/webhook-endpoints/whep_00000000000000000000000000"],
    ["PATCH", "/v2/webhook-endpoints/whep_00000000000000000000000000"],
    ["POST", "/v2/webhook-endpoints/whep_00000000000000000000000000/rotate-secret"],
    ["GET", "/v1/books"],
  ])("is refused on %s %s with 403 insufficient_scope", async (method, path) => {
    const tenant = await createTestTenant();
    const { token } = await mintOk(tenant);
    const response = await call(path, {
      method,
      headers: { ...bearer(token), "content-type": "application/json" },
      ...(method === "GET" ? {} : { body: "{}" }),
    });
    const problem = await expectProblem(response, 403, "insufficient_scope");
    expect(problem.detail).toContain("portal token");
    // Counted like any other answer of the tenant.
    expect(response.headers.get("ratelimit-policy")).toBeTruthy();
  });

  it("cannot read or act on another tenant's endpoint or event (404)", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const foreignEndpoint = await quietEndpoint(b);
    const foreignEvent = await latestEventId(b);
    const { token } = await mintOk(a);
    const auth = bearer(token);
    for (const path of [
      `/v2/webhook-endpoints/${foreignEndpoint}`,
      `/v2/webhook-endpoints/${foreignEndpoint}/attempts`,
    ]) {
      await expectProblem(await call(path, { headers: auth }), 404, "not_found");
    }
    const recover = await callJson(
      `/v2/webhook-endpoints/${foreignEndpoint}/recover`,
      "POST",
      { since: "2026-01-01T00:00:00Z" },
      auth,
    );
    await expectProblem(recover, 404, "not_found");
    const resend = await call(`/v2/events/${foreignEvent}/resend`, {
      method: "POST",
      headers: auth,
    });
    await expectProblem(resend, 404, "not_found");
    const list = await call("/v2/webhook-endpoints", { headers: auth });
    expect(((await list.json()) as { data: unknown[] }).data).toEqual([]);
  });

  it("is refused with 401 once expired, or when tampered with", async () => {
    const tenant = await createTestTenant();
    const now = Math.floor(Date.now() / 1000);
    const expired = await signPortalToken(env.URL_SIGNING_KEY, {
      tenant: tenant.id,
      mintedBy: `api_key:${tenant.adminKeyId}`,
      jti: "ptok_expired",
      issuedAt: now - 1000,
      expiresAt: now - 100,
    });
    const problem = await expectProblem(
      await call("/v2/webhook-endpoints", { headers: bearer(expired) }),
      401,
      "unauthenticated",
    );
    expect(problem.detail).toBe("The portal token has expired.");

    const { token } = await mintOk(tenant);
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(atob(String(payload).replace(/-/g, "+").replace(/_/g, "/")));
    const forged = btoa(JSON.stringify({ ...claims, exp: claims.exp + 86_400 }))
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    await expectProblem(
      await call("/v2/webhook-endpoints", {
        headers: bearer(`${header}.${forged}.${signature}`),
      }),
      401,
      "unauthenticated",
    );
    // Signed with another secret: not this deployment's token.
    const foreign = await signPortalToken(btoa("x".repeat(32)), {
      tenant: tenant.id,
      mintedBy: `api_key:${tenant.adminKeyId}`,
      jti: "ptok_foreign",
      issuedAt: now,
      expiresAt: now + 600,
    });
    await expectProblem(
      await call("/v2/webhook-endpoints", { headers: bearer(foreign) }),
      401,
      "unauthenticated",
    );
  });

  it("stops working when its minting key is revoked", async () => {
    const tenant = await createTestTenant();
    const second = await tenant.createKey("admin", "second admin");
    const minted = await mint(second.key);
    const { token } = (await minted.json()) as Minted;
    expect((await call("/v2/webhook-endpoints", { headers: bearer(token) })).status).toBe(200);
    const revoked = await call(`/v2/api-keys/${second.id}`, {
      method: "DELETE",
      headers: bearer(tenant.adminKey),
    });
    expect(revoked.status).toBe(200);
    await expectProblem(
      await call("/v2/webhook-endpoints", { headers: bearer(token) }),
      401,
      "unauthenticated",
    );
  });

  it("is refused with 403 tenant_suspended while its tenant is suspended, and works after resume", async () => {
    const tenant = await createTestTenant();
    const { token } = await mintOk(tenant);
    const suspend = await call(`/admin/tenants/${tenant.id}/suspend`, {
      method: "POST",
      headers: operator(),
    });
    expect(suspend.status).toBe(200);
    await expectProblem(
      await call("/v2/webhook-endpoints", { headers: bearer(token) }),
      403,
      "tenant_suspended",
    );
    const resume = await call(`/admin/tenants/${tenant.id}/resume`, {
      method: "POST",
      headers: operator(),
    });
    expect(resume.status).toBe(200);
    expect((await call("/v2/webhook-endpoints", { headers: bearer(token) })).status).toBe(200);
  });

  it("keys idempotency to itself: another portal token with the same key gets its own answer", async () => {
    const tenant = await createTestTenant();
    const eventId = await latestEventId(tenant);
    const [one, two] = [await mintOk(tenant), await mintOk(tenant)];
    const resend = (token: string) =>
      call(`/v2/events/${eventId}/resend`, {
        method: "POST",
        headers: { ...bearer(token), "idempotency-key": "portal-click-1" },
      });
    expect((await resend(one.token)).status).toBe(202);
    const replay = await resend(one.token);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    const other = await resend(two.token);
    expect(other.status).toBe(202);
    expect(other.headers.get("idempotent-replayed")).toBeNull();
  });
});

describe("GET /portal", () => {
  it("serves the page shell without a credential, under a nonce'd same-origin CSP", async () => {
    const response = await call("/portal");
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
    expect(nonce).not.toBe("");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    expect(html.match(/<script[^>]*>/g)).toEqual([
      `<script type="module" nonce="${nonce}" src="/portal/portal.js">`,
    ]);
    expect(html).not.toMatch(/sk_(live|test)_/);
  });
});

describe("a portal token from an address blocked for failed authentications", () => {
  it("passes when its signature verifies; a forged one is blocked like any credential", async () => {
    // Early in the limiter's 60 s window, so the failures below are counted in one window.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 200));
    const tenant = await createTestTenant();
    const { token } = await mintOk(tenant);
    const [a = 0, b = 0, c = 0] = crypto.getRandomValues(new Uint8Array(3));
    const address = `100.${a}.${b}.${c}`;
    const from = (credential: string) =>
      call("/v2/webhook-endpoints", {
        headers: { ...bearer(credential), "cf-connecting-ip": address },
      });
    const [header, payload] = token.split(".");
    const forged = `${header}.${payload}.${"A".repeat(43)}`;
    for (let i = 0; i < AUTH_FAILURE_LIMIT; i++) expect((await from(forged)).status).toBe(401);
    await expectProblem(await from(forged), 429, "rate_limited");
    expect((await from(token)).status).toBe(200);
  });
});
