import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { createRoute, z } from "@hono/zod-openapi";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../../src/app";
import { isDatabaseUnavailable, openDatabase } from "../../src/platform/db";
import { createRouter } from "../../src/platform/openapi";
import { withOwnerSql } from "../helpers/db";
import { call, readProblem } from "../helpers/http";
import { bearer, provisionTenant } from "../helpers/tenant";

/** A throwaway app: the product's app plus routes that fail in the ways a real bug would. */
function appWithFailingRoutes() {
  const app = createApp();
  app.get("/__test/throw", () => {
    throw new Error(
      'relation "secret_table" does not exist: SELECT password FROM users WHERE id = 1 (/work/main/src/features/x/service.ts:12)',
    );
  });
  app.get("/__test/throw-string", () => {
    throw "password=hunter2";
  });
  app.get("/__test/throw-object", () => {
    throw { password: "hunter2" };
  });
  app.get("/__test/sql", async (c) => {
    await c.var.database.db.execute(sql`select * from no_such_table`);
    return c.json({ ok: true });
  });
  const strictBody = createRoute({
    method: "post",
    path: "/books",
    request: {
      body: {
        required: true,
        content: {
          "application/json": {
            schema: z.object({ title: z.string().min(1), stock: z.number().int() }).strict(),
          },
        },
      },
    },
    responses: { 201: { description: "Created" } },
  });
  app.route(
    "/__test",
    createRouter().openapi(strictBody, (c) => c.json(c.req.valid("json"), 201)),
  );
  return app;
}

async function fetchApp(path: string, init: RequestInit = {}): Promise<Response> {
  const app = appWithFailingRoutes();
  const ctx = createExecutionContext();
  const response = await app.fetch(
    new Request(`https://api.shelfwise.test${path}`, init),
    env,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

function expectProblemShape(problem: Awaited<ReturnType<typeof readProblem>>, status: number) {
  expect(problem.status).toBe(status);
  expect(problem.type).toBe(`https://docs.shelfwise.example/problems/${problem.code}`);
  expect(typeof problem.title).toBe("string");
  expect(typeof problem.detail).toBe("string");
  expect(problem.request_id).toMatch(/^req_[0-9a-z]{26}$/);
}

describe("unknown routes and methods", () => {
  it("answers an unknown path with 404 not_found problem+json", async () => {
    const response = await call("/does-not-exist");
    expect(response.status).toBe(404);
    const problem = await readProblem(response);
    expectProblemShape(problem, 404);
    expect(problem.code).toBe("not_found");
    expect(response.headers.get("x-request-id")).toBe(problem.request_id);
  });

  it("answers a known path with the wrong method with 405 and Allow", async () => {
    const response = await call("/health/live", { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    const problem = await readProblem(response);
    expectProblemShape(problem, 405);
    expect(problem.code).toBe("method_not_allowed");
  });

  it("answers a trailing-slash variant of a route with 404, not a contradictory 405", async () => {
    const response = await call("/health/live/");
    expect(response.status).toBe(404);
    expect((await readProblem(response)).code).toBe("not_found");
  });
});

describe("a 500 leaks nothing", () => {
  const secrets = [
    "select",
    "secret_table",
    "no_such_table",
    "password",
    "users",
    "relation",
    "/work/",
    ".ts",
    "stack",
    "Error:",
  ];

  for (const [name, path] of [
    ["a thrown Error", "/__test/throw"],
    ["a failing SQL query", "/__test/sql"],
  ] as const) {
    it(`answers ${name} with a bare internal problem`, async () => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const response = await fetchApp(path);
        expect(response.status).toBe(500);
        const text = await response.clone().text();
        const problem = await readProblem(response);
        expect(problem).toEqual({
          type: "https://docs.shelfwise.example/problems/internal",
          title: "Internal server error",
          status: 500,
          detail: "An unexpected error occurred.",
          code: "internal",
          request_id: expect.stringMatching(/^req_/),
        });
        const exposed = `${text} ${JSON.stringify([...response.headers])}`.toLowerCase();
        for (const secret of secrets) expect(exposed).not.toContain(secret.toLowerCase());
        // The details go to the log (for operators), with the same request id.
        const lines = logged.mock.calls.map((args) => String(args[0]));
        expect(lines.some((l) => l.includes(problem.request_id) && l.includes("unhandled"))).toBe(
          true,
        );
      } finally {
        logged.mockRestore();
      }
    });
  }
  // Hono's compose hands only Error instances to onError and rethrows anything else.
  for (const path of ["/__test/throw-string", "/__test/throw-object"]) {
    it(`answers a thrown non-Error value (${path}) with a bare internal problem`, async () => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const response = await fetchApp(path);
        expect(response.status).toBe(500);
        const problem = await readProblem(response);
        expect(problem.code).toBe("internal");
        expect(problem.detail).toBe("An unexpected error occurred.");
        expect(JSON.stringify(problem)).not.toContain("password");
        const lines = logged.mock.calls.map((args) => String(args[0]));
        expect(
          lines.some((l) => l.includes(problem.request_id) && l.includes('"status":500')),
        ).toBe(true);
      } finally {
        logged.mockRestore();
      }
    });
  }
});

describe("request validation", () => {
  const post = (body: string, contentType = "application/json") =>
    fetchApp("/__test/books", {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    });

  it("accepts a valid body (the route under test works)", async () => {
    const response = await post(JSON.stringify({ title: "Dune", stock: 2 }));
    expect(response.status).toBe(201);
  });

  it("answers malformed JSON with 400 validation_failed", async () => {
    const response = await post('{"title": "Dune", ');
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expectProblemShape(problem, 400);
    expect(problem.code).toBe("validation_failed");
    expect(problem.detail.toLowerCase()).toContain("json");
  });

  it("answers a wrong type with 400 naming the field", async () => {
    const response = await post(JSON.stringify({ title: 42, stock: "many" }));
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["json.stock", "json.title"]);
    for (const error of problem.errors ?? []) expect(error.message).toBeTruthy();
  });

  it("rejects an unknown field (no mass assignment of tenant_id)", async () => {
    const response = await post(JSON.stringify({ title: "Dune", stock: 2, tenant_id: "ten_x" }));
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors?.[0]?.message).toContain("tenant_id");
  });

  it("rejects a body that is not JSON instead of validating nothing", async () => {
    const response = await post("title=Dune&stock=2", "application/x-www-form-urlencoded");
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const problem = await readProblem(response);
    expect(["validation_failed", "unsupported_media_type"]).toContain(problem.code);
  });
});

describe("an unavailable database", () => {
  it("answers 503 service_unavailable with Retry-After, naming no host", async () => {
    const key = (await provisionTenant()).adminKey;
    const response = await call(
      "/v2/books",
      { headers: bearer(key) },
      { HYPERDRIVE: env.HYPERDRIVE_UNREACHABLE },
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    const problem = await readProblem(response);
    expect(problem.code).toBe("service_unavailable");
    expect(JSON.stringify(problem)).not.toMatch(/127\.0\.0\.1|connection attempt/);
  });

  it("recognises Postgres refusing a connection (too many connections) and nothing else", async (ctx) => {
    const role = `no_slots_${crypto.randomUUID().slice(0, 8)}`;
    const pglite = await withOwnerSql(async (sql) => {
      const [row] = await sql<{ pglite: boolean }[]>`select version() like '%PGlite%' as pglite`;
      if (!row?.pglite) await sql.unsafe(`create role ${role} login connection limit 0`);
      return row?.pglite;
    });
    if (pglite) ctx.skip("needs a real PostgreSQL: run with DATABASE_URL");
    const url = new URL(env.HYPERDRIVE.connectionString);
    url.username = role;
    url.password = "";
    const handle = openDatabase(url.toString());
    try {
      const refused = await handle.db.execute(sql`select 1`).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(refused)).toBe(true);
    } finally {
      await handle.close().catch(() => {});
      await withOwnerSql((owner) => owner.unsafe(`drop role ${role}`));
    }
    // A query error is the request's own problem, not an outage.
    const working = openDatabase(env.HYPERDRIVE.connectionString);
    try {
      const wrong = await working.db
        .execute(sql`select * from no_such_table`)
        .catch((error: unknown) => error);
      expect(isDatabaseUnavailable(wrong)).toBe(false);
    } finally {
      await working.close();
    }
  });
});
