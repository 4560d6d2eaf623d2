/**
 * A keyed upload streams its body to R2 with no database transaction open (DESIGN.md invariant
 * 9): a client trickling the body must not pin a connection, nor (on the embedded Postgres,
 * which serves one transaction at a time) every other request's queries.
 */
import { describe, expect, it } from "vitest";
import { bookBody } from "../../features/books/fixtures";
import { bytes } from "../../features/files/fixtures";
import { ownerSql, withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request body the test feeds chunk by chunk, as a slow client would. */
function trickle() {
  let feed!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      feed = controller;
    },
  });
  return { body, push: (chunk: Uint8Array) => feed.enqueue(chunk), end: () => feed.close() };
}

/**
 * What another connection sees while the upload is in flight, within `ms`: the file rows of the
 * tenant, and whether the key's record could be claimed (it cannot while a transaction holds it).
 * `undefined` when the database did not answer in time (a transaction blocks it).
 */
async function probe(tenantId: string, credentialId: string, key: string, ms: number) {
  const sql = ownerSql();
  const work = sql.begin(async (tx) => {
    await tx`set local lock_timeout = '300ms'`;
    const rows = await tx`select status from files where tenant_id = ${tenantId}`;
    // Claiming the key succeeds (then is undone) unless an open transaction holds it.
    const claimable = await tx
      .savepoint(async (sp) => {
        await sp`insert into idempotency_records
          (tenant_id, credential_id, key, fingerprint, response_status, response_body,
           response_headers, expires_at)
          values (${tenantId}, ${credentialId}, ${key}, 'probe', 0, '', '{}', now())
          on conflict do nothing`;
        throw new Error("undo the probe");
      })
      .catch((error: Error) => error.message === "undo the probe");
    return { statuses: rows.map((r) => String(r.status)), claimable };
  });
  const answer = await Promise.race([work, sleep(ms).then(() => undefined)]);
  // A blocked probe finishes once the upload's transaction ends; close it then.
  void work.catch(() => {}).finally(() => sql.end());
  return answer;
}

describe("keyed uploads and database transactions", () => {
  // A JSON-typed file is an upload like any other: never read whole for its fingerprint.
  it.each(["image/png", "application/json"])(
    "streams a trickled %s body with no transaction open, and still replays the same file",
    async (contentType) => {
      const tenant = await createTestTenant();
      const data = bytes(64 * 1024, 21);
      const key = "slow-upload-1";
      const headers = {
        ...bearer(tenant.adminKey),
        "content-type": contentType,
        "content-length": String(data.byteLength),
        "idempotency-key": key,
      };
      const slow = trickle();
      const pending = call("/v2/files?filename=slow.png", {
        method: "POST",
        headers,
        body: slow.body,
        duplex: "half",
      } as RequestInit);
      try {
        slow.push(data.subarray(0, 1024));
        // The upload is streaming once its `uploading` row is visible from another connection.
        let seen: Awaited<ReturnType<typeof probe>>;
        const deadline = Date.now() + 6_000;
        do {
          await sleep(100);
          seen = await probe(tenant.id, tenant.adminKeyId, key, 2_000);
        } while (Date.now() < deadline && (seen === undefined || seen.statuses.length === 0));
        expect(seen, "another connection was blocked by an open transaction").toBeDefined();
        expect(seen?.statuses).toEqual(["uploading"]);
        expect(seen?.claimable, "the idempotency key was held by an open transaction").toBe(true);
      } finally {
        slow.push(data.subarray(1024));
        slow.end();
      }
      const first = await pending;
      expect(first.status).toBe(201);
      const created = (await first.json()) as { id: string; status: string };
      expect(created.status).toBe("ready");

      const again = await call("/v2/files?filename=slow.png", {
        method: "POST",
        headers,
        body: data,
      });
      expect(again.status).toBe(201);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(((await again.json()) as { id: string }).id).toBe(created.id);
      const rows = await withOwnerSql(
        (sql) => sql`select id, status from files where tenant_id = ${tenant.id}`,
      );
      expect(rows.map((r) => [r.id, r.status])).toEqual([[created.id, "ready"]]);
    },
  );
});

describe("keyed JSON bodies and the body limit", () => {
  it("refuses a keyed body past the limit with 413 while fingerprinting it, and keeps nothing", async () => {
    const tenant = await createTestTenant();
    const headers = {
      ...bearer(tenant.editorKey),
      "content-type": "application/json",
      "idempotency-key": "too-large",
    };
    // Chunked (no Content-Length): the limit is met while the fingerprint reads the stream.
    const chunk = new TextEncoder().encode(`"${"x".repeat(64 * 1024)}",`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === 0) controller.enqueue(new TextEncoder().encode('{"title":['));
        else if (sent > 40) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const refused = await call("/v2/books", {
      method: "POST",
      headers,
      body,
      duplex: "half",
    } as RequestInit);
    expect(refused.status).toBe(413);
    expect((await readProblem(refused)).code).toBe("payload_too_large");
    const records = await withOwnerSql(
      (sql) =>
        sql`select count(*)::int as n from idempotency_records where tenant_id = ${tenant.id}`,
    );
    expect(records[0]?.n).toBe(0);
    const book = await callJson("/v2/books", "POST", bookBody(), headers);
    expect(book.status).toBe(201);
    expect(book.headers.get("idempotent-replayed")).toBeNull();
  });
});
