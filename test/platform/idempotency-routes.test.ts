/**
 * Idempotency keys belong to one credential and are honoured only after the route's role check,
 * for every keyed write of the app: the routes and their roles come from the app's own route
 * table (a new route cannot skip this suite; one without a role check fails it).
 */
import { describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { requiredRoleOf } from "../../src/platform/auth/roles";
import type { Role } from "../../src/platform/context";
import { withOwnerSql } from "../helpers/db";
import { call, readProblem } from "../helpers/http";
import { LOOPBACK_IDP, newIdpKey, TestIdp } from "../helpers/idp";
import { bearer, createTestTenant, type TestTenant } from "../helpers/tenant";
import { type KeyedRequest, routeFixtures } from "./idempotency-route-fixtures";

const KEYED_METHODS = new Set(["POST", "PATCH", "DELETE"]);
const RANKED: Role[] = ["viewer", "editor", "admin"];

interface KeyedRoute {
  method: string;
  path: string;
  role: Role | undefined;
  label: string;
}

const keyedRoutes: KeyedRoute[] = [
  ...new Map(
    app.routes
      .filter((r) => /^\/v[12]\//.test(r.path) && KEYED_METHODS.has(r.method))
      .map((r) => {
        const role = app.routes
          .filter((o) => o.method === r.method && o.path === r.path)
          .map((o) => requiredRoleOf(o.handler))
          .find((found) => found !== undefined);
        const label = `${r.method} ${r.path}`;
        return [label, { method: r.method, path: r.path, role, label }] as const;
      }),
  ).values(),
];

/** Roles below the route's: each must be refused, never answered from another's key. */
const lowerRoles = (role: Role) => RANKED.slice(0, RANKED.indexOf(role));
const guardedAboveViewer = keyedRoutes.filter((r) => r.role && r.role !== "viewer");

const credentialOf = (t: TestTenant, role: Role) =>
  role === "admin" ? t.adminKey : role === "editor" ? t.editorKey : t.viewerKey;

function send(route: KeyedRoute, request: KeyedRequest, credential: string, key: string) {
  const headers: Record<string, string> = { ...bearer(credential), "idempotency-key": key };
  if (request.body !== undefined) {
    headers["content-type"] = request.contentType ?? "application/json";
    if (request.body instanceof Uint8Array) {
      headers["content-length"] = String(request.body.byteLength);
    }
  }
  return call(request.path, { method: route.method, headers, body: request.body });
}

async function setUp(route: KeyedRoute) {
  const fixture = routeFixtures[route.label];
  if (!fixture) throw new Error(`no fixture for ${route.label}: add one to the route fixtures`);
  const tenant = await createTestTenant();
  return { tenant, fixture, request: await fixture.prepare(tenant) };
}

/**
 * An owner query, retried: the embedded Postgres serves every connection through one backend,
 * and a queue consumer's statements (the export job) can interleave with the test's.
 */
async function ownerQuery<T>(work: Parameters<typeof withOwnerSql<T>>[0]): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withOwnerSql(work);
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function expectForbidden(response: Response) {
  expect(response.status).toBe(403);
  expect(response.headers.get("idempotent-replayed")).toBeNull();
  expect((await readProblem(response)).code).toBe("forbidden");
}

describe("idempotency per credential, after the role check, on every keyed write", () => {
  it("finds the keyed writes, each with a role check", () => {
    expect(keyedRoutes.length).toBeGreaterThan(20);
    expect(keyedRoutes.filter((r) => !r.role).map((r) => r.label)).toEqual([]);
  });

  it.each(guardedAboveViewer)(
    "$label: a lower role with the same key gets 403, never the stored response",
    async (route) => {
      const { tenant, request } = await setUp(route);
      const first = await send(route, request, tenant.adminKey, "shared-key");
      expect(first.status, await first.clone().text()).toBeLessThan(300);
      const secret = await first.text();
      for (const role of lowerRoles(route.role as Role)) {
        const other = await send(route, request, credentialOf(tenant, role), "shared-key");
        const body = await other.clone().text();
        if (secret.length > 20) expect(body).not.toContain(secret.slice(0, 40));
        await expectForbidden(other);
      }
      // The key still replays to the credential that used it: the route is idempotent.
      const again = await send(route, request, tenant.adminKey, "shared-key");
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(await again.text()).toBe(secret);
    },
  );

  it.each(guardedAboveViewer)(
    "$label: a refusal is not stored, so the route's role then gets a fresh answer",
    async (route) => {
      const { tenant, request } = await setUp(route);
      for (const role of lowerRoles(route.role as Role)) {
        await expectForbidden(await send(route, request, credentialOf(tenant, role), "first"));
      }
      const admin = await send(route, request, tenant.adminKey, "first");
      expect(admin.status, await admin.clone().text()).toBeLessThan(300);
      expect(admin.headers.get("idempotent-replayed")).toBeNull();
      const stored = await ownerQuery(
        (sql) => sql`select credential_id, response_status from idempotency_records
          where tenant_id = ${tenant.id} and key = 'first'`,
      );
      expect(stored.map((r) => [r.credential_id, r.response_status])).toEqual([
        [tenant.adminKeyId, admin.status],
      ]);
    },
  );

  it.each(keyedRoutes)(
    "$label: two credentials of the same role with one key each get their own effect",
    async (route) => {
      const { tenant, fixture, request } = await setUp(route);
      const role = route.role as Role;
      const second = (await tenant.createKey(role, "second of its role")).key;
      const one = await send(route, request, credentialOf(tenant, role), "same-key");
      expect(one.status, await one.clone().text()).toBeLessThan(300);
      const two = await send(route, request, second, "same-key");
      expect(two.headers.get("idempotent-replayed")).toBeNull();
      if (fixture.creates) {
        expect(two.status, await two.clone().text()).toBeLessThan(300);
        const [a, b] = [(await one.json()) as { id: string }, (await two.json()) as { id: string }];
        expect(a.id).not.toBe(b.id);
      }
    },
  );
});

describe("idempotency per credential for JWT principals", () => {
  it("keeps each subject's key its own, and checks the token's current role before a replay", async () => {
    const tenant = await createTestTenant();
    const idp = new TestIdp();
    const key = await newIdpKey();
    await idp.publish(key);
    await idp.registerFor(tenant.id);
    const as = async (subject: string, role: Role) =>
      bearer(await idp.sign(key, { roles: [role] }, { subject }));
    const create = async (headers: Record<string, string>) =>
      call(
        "/v2/api-keys",
        {
          method: "POST",
          headers: { ...headers, "idempotency-key": "jwt-key", "content-type": "application/json" },
          body: JSON.stringify({ name: "from a token", role: "viewer" }),
        },
        LOOPBACK_IDP,
      );

    const alice = await create(await as("alice", "admin"));
    expect(alice.status).toBe(201);
    const aliceKey = (await alice.json()) as { id: string; key: string };
    // Same subject, role since lowered to viewer: refused, not replayed.
    await expectForbidden(await create(await as("alice", "viewer")));
    await expectForbidden(await create(await as("bob", "viewer")));
    const carol = await create(await as("carol", "admin"));
    expect(carol.status).toBe(201);
    expect(carol.headers.get("idempotent-replayed")).toBeNull();
    expect(((await carol.json()) as { id: string }).id).not.toBe(aliceKey.id);
    const replay = await create(await as("alice", "admin"));
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(((await replay.json()) as { key: string }).key).toBe(aliceKey.key);
  });
});
