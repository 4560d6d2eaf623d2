import { describe, expect, it } from "vitest";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";

describe("audit-log filters Postgres cannot compare", () => {
  it.each(["action", "target_type", "target_id"])(
    "?%s=%00 is a 400 naming the parameter, for tenants and operators",
    async (name) => {
      const tenant = await createTestTenant();
      for (const [path, headers] of [
        [`/v2/audit-log?${name}=%00`, bearer(tenant.adminKey)],
        [`/admin/tenants/${tenant.id}/audit-log?${name}=a%00b`, operator()],
      ] as const) {
        const response = await call(path, { headers });
        expect(response.status, path).toBe(400);
        const problem = await readProblem(response);
        expect(problem.code).toBe("validation_failed");
        expect(problem.errors?.map((e) => e.path)).toEqual([`query.${name}`]);
      }
    },
  );
});
