import { Hono } from "hono";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AppEnv } from "../../../src/platform/context";
import { handleError } from "../../../src/platform/error-handler";
import { type ownerSql, withOwnerSql } from "../../helpers/db";
import { readProblem } from "../../helpers/http";

/**
 * The error handler's backstop: should a schema ever let through a value the database refuses
 * as data, the client gets a 400, not a 500, and the gap is logged. Real driver errors from the
 * real database, through the product's handler, on a route that exists only here (no product
 * route can reach the database with such a value any more: test/platform/fuzz/fuzz.test.ts).
 */
type Sql = ReturnType<typeof ownerSql>;

function appRunning(query: (sql: Sql) => Promise<unknown>) {
  const app = new Hono<AppEnv>();
  app.get("/", async (c) => {
    await withOwnerSql(async (sql) => {
      await query(sql);
    });
    return c.body(null, 204);
  });
  app.onError(handleError);
  return app;
}

describe("database data exceptions caused by input", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ["NUL in text (22021)", (sql: Sql) => sql`select ${"a\u0000b"}::text`],
    ["int4 overflow (22003)", (sql: Sql) => sql`select ${3_000_000_000}::int4`],
    ["an escaped NUL in jsonb (22P05)", (sql: Sql) => sql`select (${'"\\u0000"'}::text)::jsonb`],
    ["a bad datetime (22007)", (sql: Sql) => sql`select (${"not a date"}::text)::timestamptz`],
    [
      "text past a varchar bound (22001)",
      (sql: Sql) =>
        sql.begin(async (tx) => {
          await tx`create temporary table bounded (v varchar(2)) on commit drop`;
          await tx`insert into bounded values (${"abc"})`;
        }),
    ],
  ])(
    "%s is a 400 validation_failed that discloses nothing, logged as a schema gap",
    async (_, query) => {
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const response = await appRunning(query).request("/");
      expect(response.status).toBe(400);
      const problem = await readProblem(response);
      expect(problem.code).toBe("validation_failed");
      expect(problem.detail).toBe("A value in the request cannot be stored.");
      expect(warn.mock.calls.map((call) => String(call[0])).join()).toContain("schema gap");
    },
  );

  it("any other database error stays a bare 500", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await appRunning((sql) => sql`select * from no_such_table`).request("/");
    expect(response.status).toBe(500);
    expect((await readProblem(response)).code).toBe("internal");
  });
});
