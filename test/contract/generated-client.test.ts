import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import { isbn } from "../features/books/fixtures";
import { createTestTenant, provisionTenant } from "../helpers/tenant";
import { clientSession } from "./client/program";

/** The Worker's fetch handler, as the generated client's transport. */
async function workerFetch(request: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe("a client generated from the document (openapi-typescript + openapi-fetch)", () => {
  it("creates a book, uploads and downloads a file, places and cancels an order, replays a keyed request, reads a 429", async () => {
    const tenant = await createTestTenant();
    const limited = await provisionTenant({ limits: { requests_per_hour: 1 } });
    const result = await clientSession({
      baseUrl: "https://api.shelfwise.test",
      fetch: workerFetch,
      editorKey: tenant.editorKey,
      limitedKey: limited.adminKey,
      isbn: isbn(),
    });
    expect(result.book).toMatchObject({
      stock: 0,
      status: "active",
      title: "Generated clients work",
    });
    expect(result.downloaded).toBe("Shelfwise notes\n");
    expect(result.downloadedType).toBe("text/plain");
    expect(result.cancelled.status).toBe("cancelled");
    expect(result.replay.secondId).toBe(result.replay.firstId);
    expect(result.replay.replayed).toBe("true");
    expect(result.rateLimited).toMatchObject({ status: 429, code: "rate_limited" });
    expect(Number(result.rateLimited.retryAfter)).toBeGreaterThan(0);
  });
});
