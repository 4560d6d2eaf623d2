import { describe, expect, it } from "vitest";
import { createTestTenant } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";

describe("GET /v2/tenant", () => {
  it("shows the caller's tenant, plan, effective limits and usage to every role", async () => {
    const tenant = await createTestTenant({ plan: "trial", limits: { max_file_bytes: 1234 } });
    for (const key of [tenant.adminKey, tenant.editorKey, tenant.viewerKey]) {
      const response = await typedClient(key).v2.tenant.$get();
      expect(response.status).toBe(200);
      if (response.status !== 200) throw new Error("not shown");
      const body = await response.json();
      expect(body).toMatchObject({ id: tenant.id, plan: "trial", status: "active" });
      expect(body.limits).toMatchObject({
        requests_per_hour: 100,
        requests_per_minute_per_credential: 100,
        max_file_bytes: 1234,
      });
      expect(body.usage.active_api_keys).toBe(3);
    }
  });
});
