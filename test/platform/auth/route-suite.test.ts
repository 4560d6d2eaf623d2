/**
 * The common auth and tenancy suite: every tenant route of the app, read from the app's own route
 * table (so a new route cannot skip it), must refuse a missing, malformed or revoked credential
 * (401), a suspended tenant (403 tenant_suspended), a viewer on a write (403) and another
 * tenant's resource (404).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../../src/app";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator, type TestTenant } from "../../helpers/tenant";
import {
  foreignResourceFactories,
  publicRoutes,
  sampleBodies,
  viewerWrites,
} from "./route-fixtures";

interface TenantRoute {
  method: string;
  path: string;
}

const tenantRoutes: TenantRoute[] = [
  ...new Map(
    app.routes
      .filter((r) => /^\/v[12]\//.test(r.path) && r.method !== "ALL" && !r.path.endsWith("*"))
      .map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]),
  ).values(),
].filter((r) => !publicRoutes.has(`${r.method} ${r.path}`));

const isWrite = (method: string) => !["GET", "HEAD", "OPTIONS"].includes(method);

/** The resource kind a path's first parameter names: /v2/books/:id → "books", /v2/tenant/exports/:id → "exports". */
function resourceOf(path: string): string | undefined {
  const match = /^\/v[12]\/(?:[a-z-]+\/)*?([a-z-]+)\/:/.exec(path);
  return match?.[1];
}

function concretePath(path: string, id = "key_00000000000000000000000000"): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => (name === "id" ? id : "1"));
}

function send(
  route: TenantRoute,
  headers: Record<string, string>,
  path = concretePath(route.path),
) {
  const body = isWrite(route.method)
    ? JSON.stringify(sampleBodies[`${route.method} ${route.path}`] ?? {})
    : undefined;
  return call(path, {
    method: route.method,
    headers: { "content-type": "application/json", ...headers },
    ...(body !== undefined && { body }),
  });
}

describe("common auth and tenancy suite", () => {
  let tenant: TestTenant;
  let revokedKey: string;
  let suspendedKey: string;
  let other: TestTenant;

  beforeAll(async () => {
    [tenant, other] = await Promise.all([createTestTenant(), createTestTenant()]);
    const revoked = await tenant.createKey("admin", "to revoke");
    await call(`/v2/api-keys/${revoked.id}`, {
      method: "DELETE",
      headers: bearer(tenant.adminKey),
    });
    revokedKey = revoked.key;
    const suspended = await createTestTenant();
    suspendedKey = suspended.adminKey;
    await call(`/admin/tenants/${suspended.id}/suspend`, { method: "POST", headers: operator() });
  });

  it("finds the tenant routes", () => {
    expect(tenantRoutes.length).toBeGreaterThan(3);
  });

  it.each(tenantRoutes)("$method $path refuses a missing credential (401)", async (route) => {
    const response = await send(route, {});
    expect(response.status).toBe(401);
    expect((await readProblem(response)).code).toBe("unauthenticated");
  });

  it.each(tenantRoutes)("$method $path refuses a malformed credential (401)", async (route) => {
    for (const header of ["Bearer ", "Bearer sk_live_short", "Basic dXNlcjpwYXNz", "Bearer a.b"]) {
      const response = await send(route, { authorization: header });
      expect(response.status).toBe(401);
    }
  });

  it.each(tenantRoutes)("$method $path refuses a revoked key (401)", async (route) => {
    const response = await send(route, bearer(revokedKey));
    expect(response.status).toBe(401);
  });

  it.each(tenantRoutes)("$method $path refuses a suspended tenant (403)", async (route) => {
    const response = await send(route, bearer(suspendedKey));
    expect(response.status).toBe(403);
    expect((await readProblem(response)).code).toBe("tenant_suspended");
  });

  it.each(
    tenantRoutes.filter((r) => isWrite(r.method) && !viewerWrites.has(`${r.method} ${r.path}`)),
  )("$method $path refuses a viewer (403)", async (route) => {
    const response = await send(route, bearer(tenant.viewerKey));
    expect(response.status).toBe(403);
    expect((await readProblem(response)).code).toBe("forbidden");
  });

  it.each(tenantRoutes.filter((r) => r.path.includes(":")))(
    "$method $path answers 404 for another tenant's resource",
    async (route) => {
      const kind = resourceOf(route.path);
      const factory = kind ? foreignResourceFactories[kind] : undefined;
      if (!factory) {
        throw new Error(
          `no foreign-resource factory for ${route.path}: add one to route-fixtures.ts`,
        );
      }
      const foreignId = await factory(other);
      const response = await send(
        route,
        bearer(tenant.adminKey),
        concretePath(route.path, foreignId),
      );
      expect(response.status).toBe(404);
      expect((await readProblem(response)).code).toBe("not_found");
      const owner = await send(
        { method: "GET", path: route.path },
        bearer(other.adminKey),
        concretePath(route.path, foreignId),
      );
      expect(owner.status).not.toBe(401);
    },
  );
});
