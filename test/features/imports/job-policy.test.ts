import {
  createExecutionContext,
  createMessageBatch,
  env,
  getQueueResult,
  waitOnExecutionContext,
} from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../../src/index";
import { withOwnerSql } from "../../helpers/db";
import { createTestTenant } from "../../helpers/tenant";
import { bookLine, type ImportView, postImport } from "./fixtures";

/**
 * Delivers an import's job as its `attempts`-th try through the Worker's jobs-queue handler: what
 * it acked or retried, and the delay of each retry (the pool's result leaves delays out).
 */
async function deliverImport(
  importId: string,
  attempts: number,
  bindings: Partial<typeof env> = {},
) {
  const batch = createMessageBatch("shelfwise-jobs", [
    {
      id: `imp-${crypto.randomUUID()}`,
      timestamp: new Date(),
      attempts,
      body: { kind: "book-import", import_id: importId },
    },
  ]);
  const delays: Array<number | undefined> = [];
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    message.retry = (options?: QueueRetryOptions) => {
      delays.push(options?.delaySeconds);
      retry(options);
    };
  }
  const ctx = createExecutionContext();
  await worker.queue(batch as MessageBatch, { ...env, ...bindings }, ctx);
  const result = await getQueueResult(batch, ctx);
  await waitOnExecutionContext(ctx);
  return { ...result, delays };
}

const importRow = async (id: string) =>
  (
    await withOwnerSql(
      (sql) => sql<{ status: string; error: string | null }[]>`
        select status, error from book_imports where id = ${id}`,
    )
  )[0];

async function queuedImport() {
  const tenant = await createTestTenant();
  const response = await postImport(tenant.editorKey, bookLine(1));
  expect(response.status).toBe(202);
  return ((await response.json()) as ImportView).id;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the book-import job under the jobs queue's policy", () => {
  it("waits for an upload still in progress, then gives up on the last attempt", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const id = await queuedImport();
    await withOwnerSql((sql) => sql`update book_imports set status = 'uploading' where id = ${id}`);

    const early = await deliverImport(id, 1);
    expect(early.retryMessages).toHaveLength(1);
    expect(early.delays).toEqual([30]);
    expect(early.explicitAcks).toEqual([]);
    expect(await importRow(id)).toEqual({ status: "uploading", error: null });

    const last = await deliverImport(id, 6);
    expect(last.retryMessages).toEqual([]);
    expect(last.explicitAcks).toHaveLength(1);
    expect(await importRow(id)).toEqual({ status: "failed", error: "upload_not_finished" });
  });

  it("retries a failing run with a growing delay, and on the last attempt fails the import and dead-letters it", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    const id = await queuedImport();
    const broken = {
      get: async () => {
        throw new Error("R2 is down");
      },
    } as unknown as R2Bucket;

    const second = await deliverImport(id, 2, { FILES: broken });
    expect(second.retryMessages).toHaveLength(1);
    expect(second.delays).toEqual([60]);
    expect((await importRow(id))?.status).not.toBe("failed");

    // The last attempt asks for a retry too: the platform moves the message to the DLQ.
    const last = await deliverImport(id, 6, { FILES: broken });
    expect(last.retryMessages).toHaveLength(1);
    expect(last.explicitAcks).toEqual([]);
    expect(await importRow(id)).toEqual({ status: "failed", error: "import_failed" });
  });

  it("drops a message that names no import, as malformed", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const batch = createMessageBatch("shelfwise-jobs", [
      { id: "no-id", timestamp: new Date(), attempts: 1, body: { kind: "book-import" } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch as MessageBatch, env, ctx);
    const result = await getQueueResult(batch, ctx);
    await waitOnExecutionContext(ctx);
    expect(result.explicitAcks).toEqual(["no-id"]);
    expect(result.retryMessages).toEqual([]);
  });
});
