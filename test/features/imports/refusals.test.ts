import { describe, expect, it, vi } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { bookLine, heldJobs, type ImportView, postImport, runImportJob } from "./fixtures";

/** A body that sends `sent` bytes of what it declared, then fails as a dropped client does. */
function droppedUpload(sent: number): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (done) {
        // The runtime's own words for a client that closed its socket mid-body.
        controller.error(new Error("Network connection lost."));
        return;
      }
      done = true;
      controller.enqueue(new TextEncoder().encode(`${bookLine(1)}\n`.padEnd(sent, " ")));
    },
  });
}

/** The JSON log lines the Worker wrote at each level while `work` ran. */
async function logLines(work: () => Promise<unknown>) {
  const levels = ["log", "info", "warn", "error"] as const;
  const spies = levels.map((level) => vi.spyOn(console, level).mockImplementation(() => {}));
  try {
    await work();
    return spies.flatMap((spy) => spy.mock.calls.map((args) => String(args[0])));
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe("POST /v2/books/imports refusals", () => {
  it("takes a client that drops its upload for a client error, not a database outage, and frees the slot", async () => {
    const tenant = await createTestTenant();
    let status = 0;
    const lines = await logLines(async () => {
      const response = await call(
        "/v2/books/imports",
        {
          method: "POST",
          headers: {
            ...bearer(tenant.editorKey),
            "content-type": "application/x-ndjson",
            "content-length": "100000",
          },
          body: droppedUpload(300),
          duplex: "half",
        } as RequestInit,
        { JOBS: heldJobs },
      );
      status = response.status;
    });
    expect(status).toBe(400);
    expect(lines.filter((l) => l.includes("database unavailable"))).toEqual([]);
    expect(lines.filter((l) => l.includes('"level":"error"'))).toEqual([]);
    const request = lines.find((l) => l.includes('"message":"request"'));
    expect(request).toContain('"status":400');
    // Nothing half-uploaded stays in the way of the next import.
    expect((await postImport(tenant.editorKey, bookLine(2))).status).toBe(202);
  });

  it("never stores the busy 409 for a key: it says when to retry, and the retry runs once the slot is free", async () => {
    const tenant = await createTestTenant();
    const first = await postImport(tenant.editorKey, bookLine(1));
    expect(first.status).toBe(202);

    const headers = { "idempotency-key": crypto.randomUUID() };
    const busy = await postImport(tenant.editorKey, bookLine(2), { headers });
    expect(busy.status).toBe(409);
    expect(busy.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await readProblem(busy)).code).toBe("conflict");

    await runImportJob(((await first.json()) as ImportView).id);
    const retried = await postImport(tenant.editorKey, bookLine(2), { headers });
    expect(retried.status).toBe(202);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    const imports = await withOwnerSql(
      (sql) => sql`select id from book_imports where tenant_id = ${tenant.id}`,
    );
    expect(imports).toHaveLength(2);
    // From now on the key answers with what it did.
    const again = await postImport(tenant.editorKey, bookLine(2), { headers });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as ImportView).id).toBe(((await retried.json()) as ImportView).id);
  });
});
