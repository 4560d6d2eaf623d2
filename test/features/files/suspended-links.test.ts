import { describe, expect, it } from "vitest";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator, type TestTenant } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";
import { local, ownerTx, runExportJob } from "../exports/fixtures";
import { bytes, uploaded } from "./fixtures";

/** A signed link to one of the tenant's files. */
async function fileLink(tenant: TestTenant): Promise<string> {
  const file = await uploaded(tenant.editorKey, bytes(64, 7));
  const response = await call(`/v2/files/${file.id}/download-url`, {
    method: "POST",
    headers: bearer(tenant.viewerKey),
  });
  expect(response.status).toBe(200);
  return local(((await response.json()) as { url: string }).url);
}

/** A completed export's manifest link (its job run here, kept from the local queue). */
async function exportLink(tenant: TestTenant): Promise<string> {
  const jobs = { send: async () => {} } as unknown as Queue;
  const requested = await call(
    "/v2/tenant/export",
    { method: "POST", headers: bearer(tenant.adminKey) },
    { JOBS: jobs },
  );
  const { id } = (await requested.json()) as { id: string };
  await runExportJob(id);
  const shown = await typedClient(tenant.adminKey).v2.tenant.exports[":id"].$get({ param: { id } });
  if (shown.status !== 200) throw new Error(`export not shown: ${shown.status}`);
  const view = await shown.json();
  expect(view.status).toBe("completed");
  if (!view.manifest_url) throw new Error("no manifest URL");
  return local(view.manifest_url);
}

const operatorPost = (tenantId: string, action: "suspend" | "resume" | "offboard") =>
  call(`/admin/tenants/${tenantId}/${action}`, { method: "POST", headers: operator() });

async function expectSuspended(path: string) {
  const response = await call(path);
  expect(response.status).toBe(403);
  expect((await readProblem(response)).code).toBe("tenant_suspended");
}

describe("signed links of a suspended tenant", () => {
  it("file and export links answer 403 tenant_suspended while suspended and work again after resume", async () => {
    const tenant = await createTestTenant();
    const [file, manifest] = [await fileLink(tenant), await exportLink(tenant)];
    expect((await call(file)).status).toBe(200);
    expect((await call(manifest)).status).toBe(200);

    expect((await operatorPost(tenant.id, "suspend")).status).toBe(200);
    await expectSuspended(file);
    await expectSuspended(manifest);

    expect((await operatorPost(tenant.id, "resume")).status).toBe(200);
    expect((await call(file)).status).toBe(200);
    const again = await call(manifest);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { tenant_id: string }).tenant_id).toBe(tenant.id);
  });

  it("while offboarding, export links keep working (the hand-over) and file links do not", async () => {
    const tenant = await createTestTenant();
    const [file, manifest] = [await fileLink(tenant), await exportLink(tenant)];
    const jobs = { send: async () => {} } as unknown as Queue;
    const offboarded = await call(
      `/admin/tenants/${tenant.id}/offboard`,
      { method: "POST", headers: operator() },
      { JOBS: jobs },
    );
    expect(offboarded.status).toBe(202);
    await expectSuspended(file);
    expect((await call(manifest)).status).toBe(200);
    // Suspending it as well changes nothing: it stays offboarding, deletion and hand-over intact.
    const suspended = await operatorPost(tenant.id, "suspend");
    expect(((await suspended.json()) as { status: string }).status).toBe("offboarding");
    expect((await call(manifest)).status).toBe(200);
  });

  it("a deleted tenant's links answer 404: nothing is left to download", async () => {
    const tenant = await createTestTenant();
    const [file, manifest] = [await fileLink(tenant), await exportLink(tenant)];
    // The tombstone the deletion job leaves (its purge of rows and objects is tested elsewhere).
    await ownerTx((sql) => sql`update tenants set status = 'deleted' where id = ${tenant.id}`);
    for (const path of [file, manifest]) {
      const response = await call(path);
      expect(response.status).toBe(404);
      expect((await readProblem(response)).code).toBe("not_found");
    }
  });
});
