import {
  createExecutionContext,
  createMessageBatch,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../../src/index";
import { call } from "../../helpers/http";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";
import { ownerTx, requestExportUnqueued } from "./fixtures";

/** What a storage or driver error may carry: internals no tenant admin should read. */
const RAW =
  'Failed query: select "key_hash" from "api_keys" where "tenant_id" = $1 (10.0.3.7:5432)';

/** The Worker's R2 bucket, except that every write fails with RAW. */
function bucketFailingWrites(): R2Bucket {
  return new Proxy(env.FILES, {
    get(target, prop) {
      if (prop === "put" || prop === "createMultipartUpload") {
        return async () => {
          throw new Error(RAW);
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Delivers the export's job once, as its `attempts`-th try, with writes to R2 failing. */
async function failExportJob(exportId: string, attempts: number) {
  const batch = createMessageBatch("shelfwise-jobs", [
    {
      id: `fail-${exportId}-${attempts}`,
      timestamp: new Date(),
      attempts,
      body: { kind: "tenant-export", export_id: exportId },
    },
  ]);
  const ctx = createExecutionContext();
  await worker.queue?.(batch as MessageBatch, { ...env, FILES: bucketFailingWrites() }, ctx);
  const result = await getQueueResult(batch, ctx);
  await waitOnExecutionContext(ctx);
  return result;
}

const shown = async (adminKey: string, id: string) => {
  const response = await call(`/v2/tenant/exports/${id}`, { headers: bearer(adminKey) });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a failed export", () => {
  it("shows a stable, user-safe reason while retrying and once failed; the raw error is only logged", async () => {
    const tenant = await createTestTenant();
    const id = await requestExportUnqueued(tenant.adminKey);
    const logged: string[] = [];
    const capture = (line: unknown) => void logged.push(String(line));
    vi.spyOn(console, "warn").mockImplementation(capture);
    vi.spyOn(console, "error").mockImplementation(capture);

    const first = await failExportJob(id, 1);
    expect(first.retryMessages).toHaveLength(1);
    const retrying = await shown(tenant.adminKey, id);
    expect(retrying).toMatchObject({ status: "running", error: "export_failed" });
    expect(JSON.stringify(retrying)).not.toContain("api_keys");

    await failExportJob(id, 6);
    const failed = await shown(tenant.adminKey, id);
    expect(failed).toMatchObject({
      status: "failed",
      error: "export_failed",
      error_message: expect.stringMatching(/could not be completed/),
    });
    expect(JSON.stringify(failed)).not.toContain("api_keys");
    // The operator's view carries the same reason; the detail is in the logs, by export id.
    const operatorView = await call(`/admin/tenants/${tenant.id}/export`, { headers: operator() });
    expect(await operatorView.json()).toMatchObject({ error: "export_failed" });
    const jobLines = logged
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.message === "job failed");
    expect(jobLines).toHaveLength(2);
    for (const line of jobLines) {
      expect(line).toMatchObject({ export_id: id, error_message: RAW });
    }
    // Stored is the reason, never the raw text.
    const [row] = await ownerTx((sql) => sql`select error from tenant_exports where id = ${id}`);
    expect(row?.error).toBe("export_failed");
  });

  it("shows a raw error stored before this release as the generic reason", async () => {
    const tenant = await createTestTenant();
    const id = await requestExportUnqueued(tenant.adminKey);
    await ownerTx(
      (sql) => sql`update tenant_exports set status = 'failed', error = ${RAW} where id = ${id}`,
    );
    const failed = await shown(tenant.adminKey, id);
    expect(failed).toMatchObject({ status: "failed", error: "export_failed" });
    expect(JSON.stringify(failed)).not.toContain("api_keys");
  });
});
