import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runImport } from "../../../src/features/books/imports/job";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";
import {
  badChecksum,
  bookLine,
  errorReport,
  type ImportView,
  isbn,
  jobDatabase,
  postImport,
  runImportJob,
  shown,
} from "./fixtures";

/** The tenant's live books by ISBN, and how many rows each ISBN has. */
function tenantBooks(tenantId: string) {
  return withOwnerSql(async (sql) => {
    const rows = await sql<Array<{ isbn: string; title: string; n: number }>>`
      select isbn, min(title) as title, count(*)::int as n from books
      where tenant_id = ${tenantId} and deleted_at is null group by isbn`;
    return new Map(rows.map((r) => [r.isbn, r]));
  });
}

describe("bulk import of books", () => {
  it("applies a 10,000-row file with 1% bad rows: exactly the good rows, every bad line reported, counts as in the database", async () => {
    const tenant = await createTestTenant();
    // 200 ISBNs of the file exist already: a good line updates its book instead of adding one.
    const existing = Array.from({ length: 200 }, (_, k) => isbn(k * 7));
    await withOwnerSql(
      (sql) =>
        sql`insert into books ${sql(
          existing.map((code, k) => ({
            id: `book_${tenant.id.slice(-20)}${String(k).padStart(6, "0")}`,
            tenant_id: tenant.id,
            isbn: code,
            title: "Old title",
            authors: sql.json(["Old"]) as unknown as string,
            price_amount: 1,
            currency: "EUR",
            stock: 1,
          })),
        )}`,
    );

    const lines: string[] = [];
    const bad = new Map<number, string>();
    const good = new Set<string>();
    for (let n = 0; n < 10_000; n++) {
      const line = n + 1;
      if (n % 100 === 37) {
        const kind = ((n / 100) % 5) | 0;
        if (kind === 0) {
          lines.push(bookLine(n * 7, { isbn: badChecksum(isbn(n * 7)) }));
          bad.set(line, "isbn");
        } else if (kind === 1) {
          lines.push(bookLine(n * 7, { price: { amount: 100, currency: "eur" } }));
          bad.set(line, "price.currency");
        } else if (kind === 2) {
          lines.push(bookLine(n * 7, { title: "Null\u0000byte" }));
          bad.set(line, "title");
        } else if (kind === 3) {
          // A raw NUL byte in the line itself.
          lines.push(`${bookLine(n * 7).slice(0, -1)}\u0000}`);
          bad.set(line, "line");
        } else {
          // The ISBN of an earlier good line of this file.
          lines.push(bookLine((n - 1) * 7, { title: "Duplicate" }));
          bad.set(line, "isbn");
        }
      } else {
        lines.push(bookLine(n * 7));
        good.add(isbn(n * 7));
      }
    }
    expect(bad.size).toBe(100);

    const posted = await postImport(tenant.editorKey, `${lines.join("\n")}\n`);
    expect(posted.status).toBe(202);
    const queued = (await posted.json()) as ImportView;
    expect(queued).toMatchObject({ status: "queued", format: "ndjson" });

    await runImportJob(queued.id);
    const done = await shown(tenant.viewerKey, queued.id);
    expect(done.status).toBe("completed");
    expect(done.progress.lines_done).toBe(10_000);
    const updated = existing.filter((code) => good.has(code)).length;
    expect(updated).toBe(198);
    expect(done.counts).toEqual({ created: good.size - updated, updated, failed: 100 });

    const books = await tenantBooks(tenant.id);
    expect(books.size).toBe(new Set([...good, ...existing]).size);
    for (const code of good) expect(books.get(code)?.n).toBe(1);
    expect(books.get(isbn(0))?.title).toBe("Imported title 0");
    expect([...books.values()].some((b) => b.title === "Duplicate")).toBe(false);

    const report = await errorReport(tenant.viewerKey, queued.id);
    expect(new Map(report.map((r) => [r.line, r.field]))).toEqual(bad);
    for (const record of report) expect(record.message).toEqual(expect.any(String));

    // One summarising audit row and event per batch of 500 lines, and the completion.
    const trail = await withOwnerSql(
      (sql) => sql<Array<{ type: string; n: number }>>`
        select type, count(*)::int as n from events where tenant_id = ${tenant.id}
        and type like 'book.import.%' group by type order by type`,
    );
    expect(trail).toEqual([
      { type: "book.import.batch", n: 20 },
      { type: "book.import.completed", n: 1 },
    ]);
  }, 120_000);

  it("reads CSV with a header, quoted fields and ;-separated authors", async () => {
    const tenant = await createTestTenant();
    const csv = [
      "isbn,title,authors,price_amount,currency,stock",
      `${isbn(1)},"Hello, world",Ann;Bob,1250,EUR,3`,
      `${isbn(2)},"Say ""hi""",Cy,99,USD,`,
      `${isbn(3)},Bad price,Cy,abc,USD,1`,
    ].join("\r\n");
    const posted = await postImport(tenant.editorKey, csv, { type: "text/csv; charset=utf-8" });
    expect(posted.status).toBe(202);
    const { id } = (await posted.json()) as ImportView;
    await runImportJob(id);
    expect((await shown(tenant.editorKey, id)).counts).toEqual({
      created: 2,
      updated: 0,
      failed: 1,
    });
    const books = await tenantBooks(tenant.id);
    expect(books.get(isbn(1))?.title).toBe("Hello, world");
    expect(books.get(isbn(2))?.title).toBe('Say "hi"');
    expect(await errorReport(tenant.editorKey, id)).toEqual([
      { line: 4, field: "price.amount", message: expect.any(String) },
    ]);
  });

  it("fails an import whose CSV header is unusable, freeing the tenant's slot; rejects unparseable and overlong lines", async () => {
    const tenant = await createTestTenant();
    const badHeader = await postImport(tenant.editorKey, `isbn,title,colour\n${isbn(1)},T,red\n`, {
      type: "text/csv",
    });
    const { id } = (await badHeader.json()) as ImportView;
    await runImportJob(id);
    const failed = await shown(tenant.editorKey, id);
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("csv_header_invalid");
    expect((await tenantBooks(tenant.id)).size).toBe(0);

    const file = [bookLine(1), "not json", `{"title":"${"x".repeat(70_000)}"}`, bookLine(2)].join(
      "\n",
    );
    const next = await postImport(tenant.editorKey, file);
    expect(next.status).toBe(202);
    const nextId = ((await next.json()) as ImportView).id;
    await runImportJob(nextId);
    expect((await shown(tenant.editorKey, nextId)).counts).toEqual({
      created: 2,
      updated: 0,
      failed: 2,
    });
    expect(await errorReport(tenant.editorKey, nextId)).toEqual([
      { line: 2, field: "line", message: "not a JSON document" },
      { line: 3, field: "line", message: "longer than 65536 characters" },
    ]);
  });

  it("resumes after a consumer dies mid-import, and a redelivered batch is never applied twice", async () => {
    const tenant = await createTestTenant();
    const lines = Array.from({ length: 1_250 }, (_, n) => bookLine(n));
    const posted = await postImport(tenant.editorKey, lines.join("\n"));
    const { id } = (await posted.json()) as ImportView;

    // The first consumer commits one batch, then dies.
    const database = jobDatabase();
    try {
      await expect(
        runImport(database, env.FILES, id, {
          afterBatch: () => {
            throw new Error("consumer killed");
          },
        }),
      ).rejects.toThrow("consumer killed");
      expect((await shown(tenant.editorKey, id)).progress.lines_done).toBe(500);

      // A redelivery races a second one: the second finishes the import while the first is
      // between batches, so the first's next batch finds its line taken and stops.
      let raced = false;
      const outcome = await runImport(database, env.FILES, id, {
        afterBatch: async () => {
          if (raced) return;
          raced = true;
          await runImportJob(id);
        },
      });
      expect(outcome).toBe("done");
    } finally {
      await database.close();
    }

    const done = await shown(tenant.editorKey, id);
    expect(done).toMatchObject({
      status: "completed",
      counts: { created: 1_250, updated: 0, failed: 0 },
      progress: { lines_done: 1_250 },
    });
    const books = await tenantBooks(tenant.id);
    expect(books.size).toBe(1_250);
    expect([...books.values()].every((b) => b.n === 1)).toBe(true);
    const batches = await withOwnerSql(
      (sql) => sql<Array<{ n: number }>>`select count(*)::int as n from audit_log
        where tenant_id = ${tenant.id} and action = 'book.import.batch'`,
    );
    expect(batches[0]?.n).toBe(3);
    // Delivered again after completion: nothing changes.
    await runImportJob(id);
    expect((await shown(tenant.editorKey, id)).counts.created).toBe(1_250);
  }, 60_000);
});

describe("POST /v2/books/imports", () => {
  it("allows one import at a time per tenant (409), and another once it completed", async () => {
    const [tenant, other] = await Promise.all([createTestTenant(), createTestTenant()]);
    const first = await postImport(tenant.editorKey, bookLine(1));
    expect(first.status).toBe(202);
    const second = await postImport(tenant.editorKey, bookLine(2));
    expect(second.status).toBe(409);
    expect((await readProblem(second)).code).toBe("conflict");
    // Another tenant is not held up.
    expect((await postImport(other.editorKey, bookLine(2))).status).toBe(202);

    await runImportJob(((await first.json()) as ImportView).id);
    expect((await postImport(tenant.editorKey, bookLine(2))).status).toBe(202);
  });

  it("frees the slot of an abandoned upload and re-queues an import whose message was lost", async () => {
    const tenant = await createTestTenant();
    const age = (id: string, status: string, interval: string) =>
      withOwnerSql(
        (sql) => sql`update book_imports set status = ${status},
          updated_at = now() - ${interval}::interval where id = ${id}`,
      );
    const first = ((await (await postImport(tenant.editorKey, bookLine(1))).json()) as ImportView)
      .id;
    // Queued, but its message never arrived: a new import finds it stalled and sends it again.
    await age(first, "queued", "10 minutes");
    const sent: unknown[] = [];
    const jobs = { send: async (body: unknown) => void sent.push(body) } as unknown as Queue;
    expect((await postImport(tenant.editorKey, bookLine(2), { jobs })).status).toBe(409);
    expect(sent).toEqual([]);
    await age(first, "queued", "20 minutes");
    expect((await postImport(tenant.editorKey, bookLine(2), { jobs })).status).toBe(409);
    expect(sent).toEqual([{ kind: "book-import", import_id: first }]);

    // An upload whose request died an hour ago holds the slot no longer.
    await age(first, "uploading", "2 hours");
    const next = await postImport(tenant.editorKey, bookLine(2), { jobs });
    expect(next.status).toBe(202);
    expect((await shown(tenant.editorKey, first)).error).toBe("upload_abandoned");
  });

  it("counts the whole import as one request against the tenant's hourly limit", async () => {
    const tenant = await createTestTenant();
    const remaining = (response: Response) =>
      Number(/"tenant";r=(\d+)/.exec(response.headers.get("ratelimit") ?? "")?.[1]);
    const file = Array.from({ length: 1_000 }, (_, n) => bookLine(n)).join("\n");
    const posted = await postImport(tenant.editorKey, file);
    const before = remaining(posted);
    await runImportJob(((await posted.json()) as ImportView).id);
    const after = await call("/v2/books?limit=1", { headers: bearer(tenant.editorKey) });
    expect(remaining(after)).toBe(before - 1);
  });

  it("answers a keyed retry with the same import, without a second one", async () => {
    const tenant = await createTestTenant();
    const headers = { "idempotency-key": crypto.randomUUID() };
    const first = await postImport(tenant.editorKey, bookLine(1), { headers });
    expect(first.status).toBe(202);
    const again = await postImport(tenant.editorKey, bookLine(1), { headers });
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(((await again.json()) as ImportView).id).toBe(((await first.json()) as ImportView).id);
    const imports = await withOwnerSql(
      (sql) => sql`select id from book_imports where tenant_id = ${tenant.id}`,
    );
    expect(imports).toHaveLength(1);
  });

  it("refuses other media types (415), files over the tenant's import limit (413), viewers (403) and no credential (401)", async () => {
    const tenant = await createTestTenant();
    const patched = await callJson(
      `/admin/tenants/${tenant.id}`,
      "PATCH",
      { limits: { max_file_bytes: 1000 } },
      operator(),
    );
    expect(patched.status).toBe(200);
    const wrongType = await postImport(tenant.editorKey, bookLine(1), { type: "application/json" });
    expect(wrongType.status).toBe(415);
    expect((await readProblem(wrongType)).accepted).toEqual(["application/x-ndjson", "text/csv"]);

    const big = await postImport(tenant.editorKey, "x".repeat(5001));
    expect(big.status).toBe(413);
    expect((await readProblem(big)).limit_bytes).toBe(5000);

    expect((await postImport(tenant.viewerKey, bookLine(1))).status).toBe(403);
    const anonymous = await call("/v2/books/imports", {
      method: "POST",
      headers: { "content-type": "application/x-ndjson" },
      body: bookLine(1),
    });
    expect(anonymous.status).toBe(401);
    // None of these took the tenant's import slot.
    expect((await postImport(tenant.editorKey, bookLine(1))).status).toBe(202);
  });
});

describe("GET /v2/books/imports/{id} and its errors", () => {
  it("shows an import to its own tenant only; the error report waits for completion", async () => {
    const [tenant, other] = await Promise.all([createTestTenant(), createTestTenant()]);
    const posted = await postImport(tenant.editorKey, `${bookLine(1)}\n{"isbn":1}\n`);
    const { id } = (await posted.json()) as ImportView;

    const early = await call(`/v2/books/imports/${id}/errors`, {
      headers: bearer(tenant.viewerKey),
    });
    expect(early.status).toBe(409);

    for (const path of [`/v2/books/imports/${id}`, `/v2/books/imports/${id}/errors`]) {
      const foreign = await call(path, { headers: bearer(other.adminKey) });
      expect(foreign.status).toBe(404);
      expect((await call(path)).status).toBe(401);
    }
    expect(
      (await call("/v2/books/imports/imp_nope", { headers: bearer(tenant.viewerKey) })).status,
    ).toBe(404);

    await runImportJob(id);
    const report = await errorReport(tenant.viewerKey, id);
    expect(report.map((r) => r.line)).toEqual([2, 2, 2, 2]);
    expect(report.map((r) => r.field).sort()).toEqual(["authors", "isbn", "price", "title"]);
  });
});
