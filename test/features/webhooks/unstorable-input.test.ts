import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { webhookEnv } from "./delivery-fixtures";

// Public addresses for hooks.example.com, so a valid request would reach the insert.
const harness = webhookEnv({ ALLOW_LOOPBACK_HTTP: "false" });

const endpointCount = (tenantId: string) =>
  withOwnerSql(
    async (sql) =>
      (await sql`select count(*)::int as n from webhook_endpoints where tenant_id = ${tenantId}`)[0]
        ?.n,
  );

function send(path: string, method: string, key: string, body: unknown) {
  return call(
    `/v2/webhook-endpoints${path}`,
    {
      method,
      headers: { ...bearer(key), "content-type": "application/json" },
      body: JSON.stringify(body),
    },
    harness.bindings,
  );
}

describe("webhook endpoint text Postgres cannot store", () => {
  it.each([
    ["NUL", "ERP\u0000sync"],
    ["a lone surrogate", "ERP \udc00"],
  ])("a description with %s is a 400 on create and update, changing nothing", async (_, text) => {
    const tenant = await createTestTenant();
    const created = await send("", "POST", tenant.adminKey, {
      url: "https://hooks.example.com/shelfwise",
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const attempts = [
      await send("", "POST", tenant.adminKey, {
        url: "https://hooks.example.com/shelfwise",
        description: text,
      }),
      await send(`/${id}`, "PATCH", tenant.adminKey, { description: text }),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(400);
      const problem = await readProblem(response);
      expect(problem.code).toBe("validation_failed");
      expect(problem.errors?.map((e) => e.path)).toEqual(["json.description"]);
    }
    expect(await endpointCount(tenant.id)).toBe(1);
    const stored = await withOwnerSql(
      (sql) => sql`select description from webhook_endpoints where id = ${id}`,
    );
    expect(stored[0]?.description).toBeNull();
  });
});
