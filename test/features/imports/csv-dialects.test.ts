import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runImport } from "../../../src/features/books/imports/job";
import { withOwnerSql } from "../../helpers/db";
import { createTestTenant } from "../../helpers/tenant";
import {
  errorReport,
  type ImportErrorRecord,
  type ImportView,
  isbn,
  jobDatabase,
  postImport,
  runImportJob,
  shown,
} from "./fixtures";

// CSV files as spreadsheets write them: LibreOffice Calc and Excel quote a cell only when it holds
// the delimiter, a quote or a line break, double its quotes, and keep a line break inside a cell
// as a bare LF. Excel's "CSV UTF-8" starts with a BOM and ends rows with CRLF; a European locale
// writes `;` between cells.

/** Posts a CSV file and runs its import job to the end; the import as GET shows it. */
async function importCsv(key: string, csv: string): Promise<ImportView> {
  const posted = await postImport(key, csv, { type: "text/csv" });
  expect(posted.status).toBe(202);
  const { id } = (await posted.json()) as ImportView;
  await runImportJob(id);
  return shown(key, id);
}

/** The tenant's live books by ISBN, with how many rows each ISBN has. */
function tenantBooks(tenantId: string) {
  return withOwnerSql(async (sql) => {
    const rows = await sql<
      Array<{ isbn: string; title: string; authors: string[]; stock: number; n: number }>
    >`select isbn, min(title) as title, min(authors::text)::jsonb as authors,
        min(stock)::int as stock, count(*)::int as n
      from books where tenant_id = ${tenantId} and deleted_at is null group by isbn`;
    return new Map(rows.map((r) => [r.isbn, r]));
  });
}

describe("CSV imports as spreadsheets write them", () => {
  it("reads a LibreOffice export with `;` between cells and a cell that spans lines", async () => {
    const tenant = await createTestTenant();
    const csv = [
      "isbn;title;authors;price_amount;currency;stock",
      `${isbn(1)};"Knitting, and`,
      `other pastimes";"Ann Author; Bob Writer";1250;EUR;3`,
      `${isbn(2)};"The ""Best"" of Calc";Cy Young;999;EUR;0`,
      `${isbn(3)};Plain title;Di;500;EUR;`,
      "",
    ].join("\n");
    const done = await importCsv(tenant.editorKey, csv);
    expect(done).toMatchObject({
      status: "completed",
      counts: { created: 3, updated: 0, failed: 0 },
      progress: { lines_done: 5 },
    });
    const books = await tenantBooks(tenant.id);
    expect(books.get(isbn(1))).toMatchObject({
      title: "Knitting, and\nother pastimes",
      authors: ["Ann Author", "Bob Writer"],
      stock: 3,
    });
    expect(books.get(isbn(2))).toMatchObject({
      title: 'The "Best" of Calc',
      authors: ["Cy Young"],
    });
    expect(books.get(isbn(3))).toMatchObject({ title: "Plain title", stock: 0 });
  });

  it('reads an Excel "CSV UTF-8" export: BOM, CRLF rows, a line break inside a cell, doubled quotes', async () => {
    const tenant = await createTestTenant();
    const csv = `\uFEFF${[
      "isbn,title,authors,price_amount,currency,stock",
      `${isbn(1)},"First line\nsecond line",Ann,1250,EUR,3`,
      `${isbn(2)},"He said ""hi"", then left",Bob;Cy,99,USD,1`,
      `${isbn(3)},"A, B\r\nand C",Di,10,EUR,2`,
    ].join("\r\n")}\r\n`;
    const done = await importCsv(tenant.editorKey, csv);
    expect(done).toMatchObject({
      status: "completed",
      counts: { created: 3, updated: 0, failed: 0 },
      progress: { lines_done: 6 },
    });
    const books = await tenantBooks(tenant.id);
    expect(books.get(isbn(1))?.title).toBe("First line\nsecond line");
    expect(books.get(isbn(2))).toMatchObject({
      title: 'He said "hi", then left',
      authors: ["Bob", "Cy"],
    });
    // A CRLF inside a quoted cell (written by Windows tools) is kept as a line break.
    expect(books.get(isbn(3))?.title).toBe("A, B\nand C");
  });

  it("reads a tab-separated file", async () => {
    const tenant = await createTestTenant();
    const csv = [
      "isbn\ttitle\tauthors\tprice_amount\tcurrency",
      `${isbn(1)}\tTabs, commas; and all\tAnn\t100\tEUR`,
    ].join("\n");
    expect((await importCsv(tenant.editorKey, csv)).counts.created).toBe(1);
    expect((await tenantBooks(tenant.id)).get(isbn(1))?.title).toBe("Tabs, commas; and all");
  });

  it("reports a bad row after a multi-line record at the line the row is on", async () => {
    const tenant = await createTestTenant();
    const csv = [
      "isbn,title,authors,price_amount,currency", // 1
      `${isbn(1)},"A title`, // 2
      "over three", // 3
      `lines",Ann,100,EUR`, // 4
      `${isbn(2)},Bad price,Ann,abc,EUR`, // 5
      "", // 6
      `${isbn(3)},"Another`, // 7
      `two-liner",Bob,1,EUR`, // 8
      `${isbn(4)},Bad currency,Cy,1,EURO`, // 9
    ].join("\n");
    const done = await importCsv(tenant.editorKey, csv);
    expect(done).toMatchObject({
      status: "completed",
      counts: { created: 2, updated: 0, failed: 2 },
      progress: { lines_done: 9 },
    });
    expect(await errorReport(tenant.editorKey, done.id)).toEqual([
      { line: 5, field: "price.amount", message: expect.any(String) },
      { line: 9, field: "price.currency", message: expect.any(String) },
    ]);
    expect((await tenantBooks(tenant.id)).get(isbn(1))?.title).toBe("A title\nover three\nlines");
  });

  it("rejects a row whose quote is left open or malformed without losing the rows after it", async () => {
    const tenant = await createTestTenant();
    const csv = [
      "isbn,title,authors,price_amount,currency", // 1
      `${isbn(1)},"Never closed,Ann,100,EUR`, // 2
      `${isbn(2)},Fine,Bob,100,EUR`, // 3
      `${isbn(3)},"Quoted, fine",Cy,100,EUR`, // 4
      `${isbn(4)},"Best" of,Di,100,EUR`, // 5
      `${isbn(5)},Fine again,Ed,100,EUR`, // 6
      `${isbn(6)},"Open at the end,Fi,100,EUR`, // 7
      `${isbn(7)},Last,Gil,100,EUR`, // 8
    ].join("\n");
    const done = await importCsv(tenant.editorKey, csv);
    expect(done.counts).toEqual({ created: 4, updated: 0, failed: 3 });
    expect(await errorReport(tenant.editorKey, done.id)).toEqual([
      { line: 2, field: "line", message: "a quoted field is not closed" },
      { line: 5, field: "line", message: "a quote inside a quoted field is not doubled" },
      { line: 7, field: "line", message: "a quoted field is not closed" },
    ]);
    expect([...(await tenantBooks(tenant.id)).keys()].sort()).toEqual(
      [isbn(2), isbn(3), isbn(5), isbn(7)].sort(),
    );
  });

  it("gives up on a quote still open after 64 KiB and reads the rows it had taken in", async () => {
    const tenant = await createTestTenant();
    const rows = Array.from(
      { length: 1_000 },
      (_, n) => `${isbn(n + 10)},${"Long title ".repeat(8)}${n},Ann,100,EUR`,
    );
    const csv = [
      "isbn,title,authors,price_amount,currency",
      `${isbn(1)},"Open quote,Ann,100,EUR`,
      ...rows,
    ].join("\n");
    expect(csv.length).toBeGreaterThan(100_000);
    const done = await importCsv(tenant.editorKey, csv);
    expect(done.counts).toEqual({ created: 1_000, updated: 0, failed: 1 });
    expect(await errorReport(tenant.editorKey, done.id)).toEqual([
      { line: 2, field: "line", message: "a quoted field is not closed" },
    ]);
  });

  it("resumes a large file of multi-line records after a crash, a record straddling the batch boundary applied once", async () => {
    const tenant = await createTestTenant();
    // 1,000 records, every third with a two-line title; the first record to start on line 499 or
    // later has three lines (500 to 502), across the first batch's end (500 lines). The last
    // record repeats that record's ISBN: a resumed run must still know it from the lines it only
    // re-reads.
    const lines = ["isbn,title,authors,price_amount,currency"];
    const titles = new Map<string, string>();
    const expectedErrors: ImportErrorRecord[] = [];
    let straddling = "";
    for (let n = 0; n < 1_000; n++) {
      const start = lines.length + 1;
      const code = n === 999 ? straddling : isbn(n);
      const straddles = start >= 499 && straddling === "";
      const title = straddles
        ? `Straddling ${n}\nsecond\nthird`
        : n % 3 === 0
          ? `Title ${n}\nvolume ${n % 7}`
          : `Title ${n}`;
      const bad = n % 97 === 5;
      if (straddles) straddling = code;
      lines.push(...`${code},"${title}",Author ${n},${bad ? "x" : 100 + n},EUR`.split("\n"));
      if (bad)
        expectedErrors.push({ line: start, field: "price.amount", message: expect.any(String) });
      else if (n === 999)
        expectedErrors.push({
          line: start,
          field: "isbn",
          message: "the ISBN is on an earlier line of this file",
        });
      else titles.set(code, title);
    }
    expect(lines.findIndex((l) => l.startsWith(`${straddling},"Straddling`)) + 1).toBe(500);
    const posted = await postImport(tenant.editorKey, lines.join("\r\n"), { type: "text/csv" });
    const { id } = (await posted.json()) as ImportView;

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
    } finally {
      await database.close();
    }
    await runImportJob(id);

    const done = await shown(tenant.editorKey, id);
    expect(done).toMatchObject({
      status: "completed",
      counts: { created: titles.size, updated: 0, failed: expectedErrors.length },
      progress: { lines_done: lines.length },
    });
    expect(await errorReport(tenant.editorKey, id)).toEqual(expectedErrors);
    const books = await tenantBooks(tenant.id);
    expect(books.size).toBe(titles.size);
    expect([...books.values()].every((b) => b.n === 1)).toBe(true);
    expect(new Map([...books].map(([code, b]) => [code, b.title]))).toEqual(titles);
    expect(books.get(straddling)?.title).toMatch(/^Straddling \d+\nsecond\nthird$/);
  }, 120_000);
});
