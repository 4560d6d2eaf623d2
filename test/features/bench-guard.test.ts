import { describe, expect, it } from "vitest";
import { call, readProblem } from "../helpers/http";
import { createTestTenant } from "../helpers/tenant";

describe("/bench comparison routes", () => {
  it("do not exist unless the benchmark harness enables them", async () => {
    const tenant = await createTestTenant();
    const hidden = await call(`/bench/tenant/${tenant.id}`);
    expect(hidden.status).toBe(404);
    expect((await readProblem(hidden)).code).toBe("not_found");
    const production = await call(
      `/bench/tenant/${tenant.id}`,
      {},
      { BENCH_ROUTES: "true", ENVIRONMENT: "production" },
    );
    expect(production.status).toBe(404);
    const enabled = await call(`/bench/tenant/${tenant.id}`, {}, { BENCH_ROUTES: "true" });
    expect(enabled.status).toBe(200);
    const { bearer } = await import("../helpers/tenant");
    const authenticated = await call(
      "/bench/tenant",
      { headers: bearer(tenant.viewerKey) },
      { BENCH_ROUTES: "true" },
    );
    expect(authenticated.status).toBe(200);
    expect((await call("/bench/tenant", {}, { BENCH_ROUTES: "true" })).status).toBe(401);
  });
});
