import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { type IdpKey, LOOPBACK_IDP, newIdpKey, TestIdp } from "../../helpers/idp";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";

/**
 * Operators who sign in: /admin accepts an identity token from the operators' IdP (the test JWKS
 * server, as for tenant IdPs) with a second factor in `amr` and a role in
 * `shelfwise_operator_role`; the static OPERATOR_TOKEN stays as break-glass, logged at warn.
 */
const idp = new TestIdp();
let key: IdpKey;
const AUDIENCE = "shelfwise-operators";
const withIdp = () => ({
  ...LOOPBACK_IDP,
  OPERATOR_OIDC_ISSUER: idp.issuer,
  OPERATOR_OIDC_AUDIENCE: AUDIENCE,
  OPERATOR_OIDC_JWKS_URL: idp.jwksUri,
});

const personToken = (claims: Record<string, unknown>, options = {}) =>
  idp.sign(key, claims, { audience: AUDIENCE, subject: "ada", ...options });
const admin = (extra: Record<string, unknown> = {}) =>
  personToken({
    amr: ["pwd", "hwk"],
    email: "ada@ops.example",
    shelfwise_operator_role: "ops-admin",
    ...extra,
  });

const adminCall = (path: string, token: string, init: RequestInit = {}, bindings = withIdp()) =>
  call(path, { ...init, headers: { ...bearer(token), ...init.headers } }, bindings);

const provision = (token: string) =>
  adminCall("/admin/tenants", token, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "Signed-in operator's tenant", plan: "standard" }),
  });

beforeAll(async () => {
  key = await newIdpKey();
  await idp.publish(key);
});
afterEach(() => vi.restoreAllMocks());

describe("operators signed in through their IdP", () => {
  it("lets an ops-admin with a second factor act, and the audit row names them", async () => {
    const token = await admin();
    expect((await adminCall("/admin/tenants?limit=1", token)).status).toBe(200);
    const created = await provision(token);
    expect(created.status).toBe(201);
    const tenantId = ((await created.json()) as { tenant: { id: string } }).tenant.id;
    const rows = await withOwnerSql(
      (sql) =>
        sql`select actor_type, actor_id from audit_log where tenant_id = ${tenantId} and action = 'tenant.provisioned'`,
    );
    expect(rows).toEqual([{ actor_type: "operator", actor_id: "oidc:ada <ada@ops.example>" }]);
  });

  it("refuses a token without a second factor: 403 mfa_required", async () => {
    for (const amr of [undefined, ["pwd"], "mfa", [42]]) {
      const token = await personToken({ shelfwise_operator_role: "ops-admin", amr });
      const response = await adminCall("/admin/tenants?limit=1", token);
      expect(response.status, JSON.stringify(amr)).toBe(403);
      expect((await readProblem(response)).code).toBe("mfa_required");
    }
  });

  it("lets an ops-viewer read but not change (403), and refuses a token with no operator role", async () => {
    const viewer = await personToken({ amr: ["otp"], shelfwise_operator_role: ["ops-viewer"] });
    expect((await adminCall("/admin/tenants?limit=1", viewer)).status).toBe(200);
    expect((await adminCall("/admin/ops/health", viewer)).status).toBe(200);
    const refused = await provision(viewer);
    expect(refused.status).toBe(403);
    expect((await readProblem(refused)).code).toBe("forbidden");

    for (const role of [undefined, "admin", ["ops-owner"]]) {
      const token = await personToken({ amr: ["mfa"], shelfwise_operator_role: role });
      const response = await adminCall("/admin/tenants?limit=1", token);
      expect(response.status, JSON.stringify(role)).toBe(403);
      expect((await readProblem(response)).code).toBe("forbidden");
    }
  });

  it("refuses a token from another issuer or audience, expired, or signed with another key (401)", async () => {
    const stranger = await newIdpKey();
    const claims = { amr: ["mfa"], shelfwise_operator_role: "ops-admin" };
    for (const token of [
      await personToken(claims, { issuer: "https://idp.test/elsewhere" }),
      await personToken(claims, { audience: "shelfwise-api" }),
      await personToken(claims, { expiresIn: Math.floor(Date.now() / 1000) - 120 }),
      await idp.sign(stranger, claims, { audience: AUDIENCE, kid: key.kid }),
      "not-a-token",
    ]) {
      const response = await adminCall("/admin/tenants?limit=1", token);
      expect(response.status).toBe(401);
      expect((await readProblem(response)).code).toBe("unauthenticated");
      expect(response.headers.get("www-authenticate")).toContain("shelfwise-operators");
    }
  });

  it("answers 503, not 401, while the operators' IdP cannot be reached and no key is cached", async () => {
    const down = new TestIdp();
    const downKey = await newIdpKey();
    await down.setReachable(false);
    const token = await down.sign(
      downKey,
      { amr: ["mfa"], shelfwise_operator_role: "ops-admin" },
      { audience: AUDIENCE },
    );
    const response = await adminCall(
      "/admin/tenants?limit=1",
      token,
      {},
      {
        ...LOOPBACK_IDP,
        OPERATOR_OIDC_ISSUER: down.issuer,
        OPERATOR_OIDC_AUDIENCE: AUDIENCE,
        OPERATOR_OIDC_JWKS_URL: down.jwksUri,
      },
    );
    expect(response.status).toBe(503);
    expect((await readProblem(response)).code).toBe("service_unavailable");
  });
});

describe("the static operator token", () => {
  it("is break-glass once an IdP is configured: it works, and each use is logged at warn", async () => {
    const warn = vi.spyOn(console, "warn");
    const response = await call("/admin/tenants?limit=1", { headers: operator() }, withIdp());
    expect(response.status).toBe(200);
    const lines = warn.mock.calls.map((args) => JSON.parse(String(args[0])));
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: "warn",
        message: "operator break-glass token used",
        path: "/admin/tenants",
      }),
    );
  });

  it("is the only operator credential without an IdP: an identity token is refused, no warning", async () => {
    const warn = vi.spyOn(console, "warn");
    expect((await call("/admin/tenants?limit=1", { headers: operator() })).status).toBe(200);
    expect(warn.mock.calls.join("\n")).not.toContain("break-glass");
    const token = await admin();
    const response = await call("/admin/tenants?limit=1", { headers: bearer(token) });
    expect(response.status).toBe(401);
  });

  it("audits its actions as the shared operator", async () => {
    const tenant = await createTestTenant();
    const rows = await withOwnerSql(
      (sql) =>
        sql`select actor_id from audit_log where tenant_id = ${tenant.id} and action = 'tenant.provisioned'`,
    );
    expect(rows).toEqual([{ actor_id: "operator" }]);
  });
});
