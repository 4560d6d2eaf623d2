import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";

const keyCount = (tenantId: string) =>
  withOwnerSql(
    async (sql) =>
      (await sql`select count(*)::int as n from api_keys where tenant_id = ${tenantId}`)[0]?.n,
  );

describe("API key names Postgres cannot store", () => {
  it.each([
    ["NUL", "ci\u0000nightly"],
    ["a lone surrogate", "ci\ud800"],
  ])("a name with %s is a 400 on json.name and creates no key", async (_, name) => {
    const tenant = await createTestTenant();
    const before = await keyCount(tenant.id);
    const response = await callJson(
      "/v2/api-keys",
      "POST",
      { name, role: "viewer" },
      bearer(tenant.adminKey),
    );
    expect(response.status).toBe(400);
    const problem = await readProblem(response);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.map((e) => e.path)).toEqual(["json.name"]);
    expect(await keyCount(tenant.id)).toBe(before);
  });
});
