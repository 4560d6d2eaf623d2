import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { callJson, readProblem } from "../../helpers/http";
import { operator, provisionTenant } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";

/** `GET /admin/tenants/{id}` through the typed client; fails the test on any other status. */
async function fetchTenant(id: string) {
  const response = await typedClient(env.OPERATOR_TOKEN).admin.tenants[":id"].$get({
    param: { id },
  });
  if (response.status !== 200) throw new Error(`tenant read answered ${response.status}`);
  return response.json();
}

async function expectFieldError(response: Response, path: string) {
  expect(response.status).toBe(400);
  const problem = await readProblem(response);
  expect(problem.code).toBe("validation_failed");
  expect(problem.errors?.map((e) => e.path)).toEqual([path]);
}

describe("operator API: values the columns cannot hold", () => {
  it("a tenant name with NUL or a lone surrogate is a 400 on provision and update", async () => {
    const { id } = await provisionTenant({ name: "Bounds" });
    for (const name of ["Books\u0000Ltd", "Books \ud83d"]) {
      const marker = `rejected-${crypto.randomUUID()}`;
      const provisioned = await callJson(
        "/admin/tenants",
        "POST",
        { name, plan: "standard" },
        { ...operator(), "x-request-id": marker },
      );
      await expectFieldError(provisioned, "json.name");
      const written = await withOwnerSql(
        (sql) => sql`select count(*)::int as n from audit_log where request_id = ${marker}`,
      );
      expect(written[0]?.n).toBe(0);
      await expectFieldError(
        await callJson(`/admin/tenants/${id}`, "PATCH", { name }, operator()),
        "json.name",
      );
    }
    expect((await fetchTenant(id)).name).toBe("Bounds");
  });

  it("a file-size override up to the documented 5 GiB is stored and served back", async () => {
    const { id } = await provisionTenant();
    for (const bytes of [3_000_000_000, 5 * 1024 ** 3]) {
      const updated = await callJson(
        `/admin/tenants/${id}`,
        "PATCH",
        { limits: { max_file_bytes: bytes } },
        operator(),
      );
      expect(updated.status).toBe(200);
      const tenant = await fetchTenant(id);
      expect(tenant.overrides.max_file_bytes).toBe(bytes);
      expect(tenant.limits.max_file_bytes).toBe(bytes);
    }
    await expectFieldError(
      await callJson(
        `/admin/tenants/${id}`,
        "PATCH",
        { limits: { max_file_bytes: 5 * 1024 ** 3 + 1 } },
        operator(),
      ),
      "json.limits.max_file_bytes",
    );
  });
});
