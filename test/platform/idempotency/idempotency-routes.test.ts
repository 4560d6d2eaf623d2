/**
 * Idempotency keys belong to one credential and are honoured only after the route's role check,
 * for every keyed write of the app. The routes come from the app's own route table: every write
 * of /v2 and /v1 documents Idempotency-Key, and a route documents it exactly when it declares
 * `idempotent()`, after its role check (a route that forgot the middleware fails here, not at
 * runtime); each keyed route then runs the per-credential checks below.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { describe, expect, it } from "vitest";
import { app } from "../../../src/app";
import { isBookImportUpload } from "../../../src/features/books/imports/routes";
import { isRawUpload } from "../../../src/features/files/limits";
import { requiredRoleOf, requireRole } from "../../../src/platform/auth/roles";
import type { AppEnv, Role } from "../../../src/platform/context";
import {
  idempotent,
  idempotentOptionsOf,
  KEYED_METHODS,
} from "../../../src/platform/idempotency/middleware";
import { createRouter, idempotencyKeyParameter } from "../../../src/platform/openapi";
import { withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { LOOPBACK_IDP, newIdpKey, TestIdp } from "../../helpers/idp";
import { bearer, createTestTenant, type TestTenant } from "../../helpers/tenant";
import { type KeyedRequest, routeFixtures } from "./idempotency-route-fixtures";

const RANKED: Role[] = ["viewer", "editor", "admin"];

/** One operation of an app's route table, with what its own middleware declares. */
interface RouteDeclaration {
  method: string;
  path: string;
  label: string;
  role: Role | undefined;
  /** Positions in the route's own handlers (its middleware, validators, handler); -1 if absent. */
  roleAt: number;
  idempotentAt: number;
  streamedBody: boolean | undefined;
  /** Its OpenAPI operation lists the Idempotency-Key parameter. */
  documentsKey: boolean;
}

interface Parameter {
  $ref?: string;
  name?: string;
  in?: string;
}

const documentsKey = (parameters: Parameter[] = []) =>
  parameters.some(
    (p) =>
      p.$ref === "#/components/parameters/IdempotencyKey" ||
      (p.in === "header" && p.name?.toLowerCase() === "idempotency-key"),
  );

/** Every operation of `router` (area middleware, `ALL`, left out), in its route table's order. */
function declarations(router: OpenAPIHono<AppEnv>): RouteDeclaration[] {
  const spec = router.getOpenAPI31Document({
    openapi: "3.1.0",
    info: { title: "route table", version: "0" },
  });
  const operations = spec.paths as Record<string, Record<string, { parameters?: Parameter[] }>>;
  const byRoute = new Map<string, unknown[]>();
  for (const r of router.routes) {
    if (r.method === "ALL") continue;
    const label = `${r.method} ${r.path}`;
    byRoute.set(label, [...(byRoute.get(label) ?? []), r.handler]);
  }
  return [...byRoute].map(([label, handlers]) => {
    const [method = "", path = ""] = label.split(" ");
    const roleAt = handlers.findIndex((h) => requiredRoleOf(h) !== undefined);
    const idempotentAt = handlers.findIndex((h) => idempotentOptionsOf(h) !== undefined);
    const openApiPath = path.replace(/:(\w+)/g, "{$1}");
    return {
      method,
      path,
      label,
      role: requiredRoleOf(handlers[roleAt]),
      roleAt,
      idempotentAt,
      streamedBody: idempotentOptionsOf(handlers[idempotentAt])?.streamedBody,
      documentsKey: documentsKey(operations[openApiPath]?.[method.toLowerCase()]?.parameters),
    };
  });
}

/** What is wrong with a route's idempotency declaration, if anything. */
function misdeclared(route: RouteDeclaration): string | undefined {
  if (route.documentsKey && route.idempotentAt < 0) {
    return "documents Idempotency-Key without declaring idempotent()";
  }
  if (route.idempotentAt >= 0 && !route.documentsKey) {
    return "declares idempotent() without documenting Idempotency-Key";
  }
  if (route.idempotentAt >= 0 && !KEYED_METHODS.has(route.method)) {
    return "declares idempotent() on a method keys do not apply to";
  }
  if (route.idempotentAt >= 0 && (route.roleAt < 0 || route.roleAt > route.idempotentAt)) {
    return "declares idempotent() before (or without) its role check";
  }
  return undefined;
}

const problemsOf = (routes: RouteDeclaration[]) =>
  routes.flatMap((r) => {
    const problem = misdeclared(r);
    return problem ? [`${r.label}: ${problem}`] : [];
  });

const appRoutes = declarations(app);
const keyedRoutes = appRoutes.filter((r) => r.idempotentAt >= 0);

describe("the route table: Idempotency-Key documented exactly where idempotent() runs it", () => {
  it("every route documenting the key declares idempotent() after its role check, and back", () => {
    expect(appRoutes.filter((r) => /^\/admin\//.test(r.path)).length).toBeGreaterThan(5);
    expect(problemsOf(appRoutes)).toEqual([]);
  });

  it("every POST, PATCH and DELETE of /v2 and /v1 is keyed, with a role check", () => {
    const writes = appRoutes.filter(
      (r) => /^\/v[12]\//.test(r.path) && KEYED_METHODS.has(r.method),
    );
    expect(writes.length).toBeGreaterThan(20);
    expect(writes.filter((r) => r.idempotentAt < 0 || !r.role).map((r) => r.label)).toEqual([]);
  });

  it("/admin takes no keys: none of its operations documents or declares one", () => {
    const admin = appRoutes.filter((r) => /^\/admin\//.test(r.path));
    expect(admin.filter((r) => r.documentsKey || r.idempotentAt >= 0)).toEqual([]);
  });

  it("a streamed body is fingerprinted by identity exactly where the body limit exempts it", () => {
    const streamedByLimit = (r: RouteDeclaration) => {
      const concrete = r.path.replace(/:(\w+)/g, "x");
      return isRawUpload(r.method, concrete) || isBookImportUpload(r.method, concrete);
    };
    expect(
      keyedRoutes.filter((r) => r.streamedBody !== streamedByLimit(r)).map((r) => r.label),
    ).toEqual([]);
    expect(keyedRoutes.filter((r) => r.streamedBody).map((r) => r.label)).toEqual([
      "POST /v2/files",
      "POST /v2/books/imports",
    ]);
  });

  it("catches a route that documents the key but forgot idempotent(), or misplaces it", () => {
    const route = (path: string, middleware: MiddlewareHandler<AppEnv>[], keyed: boolean) =>
      createRoute({
        method: "post",
        path,
        ...(keyed ? { parameters: idempotencyKeyParameter } : {}),
        middleware,
        responses: {
          200: { description: "ok", content: { "application/json": { schema: z.object({}) } } },
        },
      });
    const broken = createRouter();
    for (const [path, middleware, keyed] of [
      ["/forgot", [requireRole("editor")], true],
      ["/before-role", [idempotent(), requireRole("editor")], true],
      ["/no-role", [idempotent()], true],
      ["/undocumented", [requireRole("editor"), idempotent()], false],
      ["/fine", [requireRole("editor"), idempotent()], true],
    ] as const) {
      broken.openapi(route(path, [...middleware], keyed), (c) => c.json({}, 200));
    }
    const mounted = createRouter().route("/v2/things", broken);
    expect(problemsOf(declarations(mounted))).toEqual([
      "POST /v2/things/forgot: documents Idempotency-Key without declaring idempotent()",
      "POST /v2/things/before-role: declares idempotent() before (or without) its role check",
      "POST /v2/things/no-role: declares idempotent() before (or without) its role check",
      "POST /v2/things/undocumented: declares idempotent() without documenting Idempotency-Key",
    ]);
  });
});

/** Roles below the route's: each must be refused, never answered from another's key. */
const lowerRoles = (role: Role) => RANKED.slice(0, RANKED.indexOf(role));
const guardedAboveViewer = keyedRoutes.filter((r) => r.role && r.role !== "viewer");

const credentialOf = (t: TestTenant, role: Role) =>
  role === "admin" ? t.adminKey : role === "editor" ? t.editorKey : t.viewerKey;

function send(route: RouteDeclaration, request: KeyedRequest, credential: string, key: string) {
  const headers: Record<string, string> = { ...bearer(credential), "idempotency-key": key };
  if (request.body !== undefined) {
    headers["content-type"] = request.contentType ?? "application/json";
    if (request.body instanceof Uint8Array) {
      headers["content-length"] = String(request.body.byteLength);
    }
  }
  return call(request.path, { method: route.method, headers, body: request.body });
}

async function setUp(route: RouteDeclaration) {
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
