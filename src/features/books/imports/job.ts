import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../../../platform/audit";
import {
  type DatabaseHandle,
  type TenantScope,
  uncachedRead,
  withSystem,
  withTenant,
} from "../../../platform/db";
import { books } from "../../../platform/db/schema";
import { bookImportErrors, bookImports } from "../../../platform/db/schema/book-imports";
import { newId } from "../../../platform/ids";
import { CONTINUE, DONE, type JobHandler } from "../../../platform/jobs/policy";
import { log } from "../../../platform/observability/logger";
import { type EventData, recordEvent } from "../../../platform/outbox";
import { NdjsonWriter } from "../../exports/ndjson-writer";
import type { BookInput } from "../schemas";
import { importLines, parseCsvHeader, parseLine, type RowError } from "./rows";
import { type BookImportMessage, type BookImportRow, errorReportKey } from "./service";
import { belowReserved, lockBooksForImport } from "./stock";

/** Lines of the file applied per transaction. */
export const BATCH_LINES = 500;
/** One invocation's budget; past it the import re-queues itself and resumes at its next line. */
const RUN_BUDGET_MS = 5 * 60_000;

/** Thrown inside a batch's transaction when another run already applied it: rolls it back. */
class Superseded extends Error {}

export interface RunOptions {
  batchLines?: number;
  deadline?: number;
  /** Test hook: called after each committed batch with the line reached. */
  afterBatch?: (nextLine: number) => void | Promise<void>;
}

interface Batch {
  fromLine: number;
  books: Array<{ line: number; input: BookInput }>;
  errors: RowError[];
  failedLines: number;
}

/** The actor of an import's rows: the credential that requested it. */
function actorOf(row: BookImportRow): Actor {
  const [type, ...rest] = row.requestedBy.split(":");
  const id = rest.join(":");
  return type === "api_key" || type === "jwt"
    ? { type, id }
    : { type: "system", id: "book-import" };
}

/** Thrown inside a batch's transaction when a book of it was created after the batch locked its books. */
class BookAppeared extends Error {}

/** Times a batch is applied again when a book of it appeared meanwhile (a concurrent create). */
const APPEARED_RETRIES = 3;

/**
 * Applies one batch: the books (insert or update by ISBN), the rejected lines, the counts and the
 * import's next line, one summarising audit row and `book.import.batch` event, in one
 * transaction. The progress update only matches if the import is still at `fromLine`, so a batch
 * that another run (a redelivered message) already committed rolls back whole.
 */
async function applyBatch(
  database: DatabaseHandle,
  row: BookImportRow,
  batch: Batch,
  toLine: number,
) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await applyBatchOnce(database, row, batch, toLine);
    } catch (error) {
      if (!(error instanceof BookAppeared) || attempt >= APPEARED_RETRIES) throw error;
    }
  }
}

async function applyBatchOnce(
  database: DatabaseHandle,
  row: BookImportRow,
  batch: Batch,
  toLine: number,
) {
  await withTenant(database, row.tenantId, async (scope: TenantScope) => {
    let created: string[] = [];
    let updated: string[] = [];
    // A line's `stock` is the count on hand: what open orders reserve stays reserved, and the
    // book's `stock` (what orders can still take) becomes the rest. The books are locked first, in
    // the order orders lock them (stock.ts).
    const held = await lockBooksForImport(
      scope,
      batch.books.map(({ input }) => input.isbn),
    );
    const errors = [...batch.errors];
    let failedLines = batch.failedLines;
    const applied = batch.books.filter(({ line, input }) => {
      const reserved = held.get(input.isbn)?.reserved ?? 0;
      if (input.stock >= reserved) return true;
      errors.push({ line, ...belowReserved(reserved) });
      failedLines++;
      return false;
    });
    if (applied.length > 0) {
      const now = new Date();
      const written = await scope.tx
        .insert(books)
        .values(
          applied.map(({ input }) => ({
            id: newId("book"),
            tenantId: scope.tenantId,
            isbn: input.isbn,
            title: input.title,
            authors: input.authors,
            priceAmount: input.price.amount,
            currency: input.price.currency,
            stock: input.stock - (held.get(input.isbn)?.reserved ?? 0),
            status: input.status,
          })),
        )
        .onConflictDoUpdate({
          target: [books.tenantId, books.isbn],
          targetWhere: sql`${books.deletedAt} is null`,
          set: {
            title: sql`excluded.title`,
            authors: sql`excluded.authors`,
            priceAmount: sql`excluded.price_amount`,
            currency: sql`excluded.currency`,
            stock: sql`excluded.stock`,
            status: sql`excluded.status`,
            version: sql`${books.version} + 1`,
            updatedAt: now,
          },
          // Only books locked (and their reservations read) above; one created since is skipped
          // here, and the batch is applied again with it locked.
          setWhere: inArray(
            books.id,
            [...held.values()].map((book) => book.id),
          ),
        })
        .returning({ id: books.id, inserted: sql<boolean>`(xmax = 0)` });
      if (written.length !== applied.length) throw new BookAppeared();
      created = written.filter((w) => w.inserted).map((w) => w.id);
      updated = written.filter((w) => !w.inserted).map((w) => w.id);
    }
    if (errors.length > 0) {
      await scope.tx
        .insert(bookImportErrors)
        .values(
          errors.map((e) => ({
            id: newId("imperr"),
            importId: row.id,
            tenantId: scope.tenantId,
            ...e,
          })),
        )
        .onConflictDoNothing();
    }
    const [progressed] = await scope.tx
      .update(bookImports)
      .set({
        nextLine: toLine,
        createdCount: sql`${bookImports.createdCount} + ${created.length}`,
        updatedCount: sql`${bookImports.updatedCount} + ${updated.length}`,
        failedCount: sql`${bookImports.failedCount} + ${failedLines}`,
        updatedAt: new Date(),
      })
      .where(
        scope.where(
          bookImports,
          eq(bookImports.id, row.id),
          eq(bookImports.status, "running"),
          eq(bookImports.nextLine, batch.fromLine),
        ),
      )
      .returning({ id: bookImports.id });
    if (!progressed) throw new Superseded();
    const summary = {
      import_id: row.id,
      from_line: batch.fromLine + 1,
      to_line: toLine,
      created: created.length,
      updated: updated.length,
      failed: failedLines,
      created_ids: created,
      updated_ids: updated,
    };
    await announce(scope, row, "book.import.batch", summary);
  });
}

/** An import step's audit row and event, both carrying the same summary. */
async function announce<T extends "book.import.batch" | "book.import.completed">(
  scope: TenantScope,
  row: BookImportRow,
  type: T,
  summary: EventData<T>,
) {
  await writeAudit(scope.tx, scope.tenantId, actorOf(row), null, {
    action: type,
    targetType: "book_import",
    targetId: row.id,
    after: summary,
  });
  await recordEvent(scope, type, summary);
}

/** Writes the error report to R2 from the recorded rows, in line order, a page at a time. */
async function writeErrorReport(database: DatabaseHandle, bucket: R2Bucket, row: BookImportRow) {
  const writer = new NdjsonWriter(bucket, errorReportKey(row.tenantId, row.id));
  try {
    let after = { line: 0, field: "" };
    for (;;) {
      const page = await withTenant(database, row.tenantId, (scope) =>
        scope.tx
          .select({
            line: bookImportErrors.line,
            field: bookImportErrors.field,
            message: bookImportErrors.message,
          })
          .from(bookImportErrors)
          .where(
            scope.where(
              bookImportErrors,
              eq(bookImportErrors.importId, row.id),
              sql`(${bookImportErrors.line}, ${bookImportErrors.field}) > (${after.line}, ${after.field})`,
            ),
          )
          .orderBy(asc(bookImportErrors.line), asc(bookImportErrors.field))
          .limit(1000),
      );
      for (const error of page) await writer.write(error);
      const last = page.at(-1);
      if (page.length < 1000 || !last) break;
      after = { line: last.line, field: last.field };
    }
    return await writer.close();
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** Marks the import completed with its audit row and `book.import.completed` event. */
async function complete(database: DatabaseHandle, row: BookImportRow, lines: number) {
  await withTenant(database, row.tenantId, async (scope) => {
    const [done] = await scope.tx
      .update(bookImports)
      .set({ status: "completed", completedAt: sql`now()`, updatedAt: new Date() })
      .where(
        scope.where(bookImports, eq(bookImports.id, row.id), eq(bookImports.status, "running")),
      )
      .returning();
    if (!done) return;
    const summary = {
      import_id: row.id,
      lines,
      created: done.createdCount,
      updated: done.updatedCount,
      failed: done.failedCount,
    };
    await announce(scope, row, "book.import.completed", summary);
  });
}

async function fail(database: DatabaseHandle, importId: string, reason: string) {
  await withSystem(database, (tx) =>
    tx
      .update(bookImports)
      .set({ status: "failed", error: reason, updatedAt: new Date() })
      .where(
        and(
          eq(bookImports.id, importId),
          inArray(bookImports.status, ["uploading", "queued", "running"]),
        ),
      ),
  );
}

/**
 * Runs an import from its file in R2. The file is read from its first line every time: the lines
 * before the import's `next_line` are only parsed again (to know which ISBNs earlier lines
 * took), the rest are applied in batches. Returns "done", or "continue" when the deadline came
 * first (the caller re-queues it). Safe to run twice at once: each batch commits at most once.
 */
export async function runImport(
  database: DatabaseHandle,
  bucket: R2Bucket,
  importId: string,
  options: RunOptions = {},
): Promise<"done" | "continue" | "not-ready"> {
  const batchLines = options.batchLines ?? BATCH_LINES;
  const [found] = await withSystem(database, (tx) =>
    // Uncached (Hyperdrive's query cache): the status and next line must be the database's own.
    tx
      .select()
      .from(bookImports)
      .where(and(eq(bookImports.id, importId), uncachedRead))
      .limit(1),
  );
  if (!found || found.status === "completed" || found.status === "failed") return "done";
  if (found.status === "uploading") return "not-ready";
  const row = found;
  if (row.status === "queued") {
    await withTenant(database, row.tenantId, (scope) =>
      scope.tx
        .update(bookImports)
        .set({ status: "running", updatedAt: new Date() })
        .where(
          scope.where(bookImports, eq(bookImports.id, row.id), eq(bookImports.status, "queued")),
        ),
    );
  }
  const object = await bucket.get(row.r2Key);
  if (!object) {
    await fail(database, row.id, "file_missing");
    return "done";
  }

  const seen = new Set<string>();
  let columns: Exclude<ReturnType<typeof parseCsvHeader>, string> | undefined;
  let line = 0;
  let batch: Batch = { fromLine: row.nextLine, books: [], errors: [], failedLines: 0 };
  const reject = (errors: Array<{ field: string; message: string }>) => {
    batch.failedLines++;
    for (const error of errors) batch.errors.push({ line, ...error });
  };
  /** Commits the batch; false when another run of this import already committed it. */
  const flush = async () => {
    try {
      await applyBatch(database, row, batch, line);
    } catch (error) {
      if (error instanceof Superseded) return false;
      throw error;
    }
    await options.afterBatch?.(line);
    batch = { fromLine: line, books: [], errors: [], failedLines: 0 };
    return true;
  };

  for await (const text of importLines(object.body, row.format)) {
    line++;
    const replay = line <= row.nextLine;
    if (row.format === "csv" && columns === undefined) {
      const header = parseCsvHeader(text);
      if (typeof header === "string") {
        await object.body.cancel().catch(() => {});
        await fail(database, row.id, `csv_header_invalid: ${header}`);
        return "done";
      }
      columns = header;
    } else {
      const parsed = parseLine(text, row.format, columns);
      if (parsed.kind === "book") {
        const duplicate = seen.has(parsed.input.isbn);
        seen.add(parsed.input.isbn);
        if (!replay) {
          if (duplicate) {
            reject([{ field: "isbn", message: "the ISBN is on an earlier line of this file" }]);
          } else batch.books.push({ line, input: parsed.input });
        }
      } else if (parsed.kind === "bad" && !replay) reject(parsed.errors);
    }
    if (!replay && line - batch.fromLine >= batchLines) {
      if (!(await flush())) {
        await object.body.cancel().catch(() => {});
        return "done";
      }
      if (options.deadline !== undefined && Date.now() > options.deadline) {
        await object.body.cancel().catch(() => {});
        return "continue";
      }
    }
  }
  if (line > batch.fromLine && !(await flush())) return "done";
  const report = await writeErrorReport(database, bucket, row);
  await complete(database, row, line);
  log("info", "book import completed", { import_id: row.id, lines: line, errors: report.rows });
  return "done";
}

/** Seconds between two looks at an import whose upload has not finished yet. */
const NOT_READY_RETRY_SECONDS = 30;

/**
 * The book-import job of the jobs queue (src/jobs.ts dispatches it; src/platform/jobs/policy.ts
 * decides retries): runs the import within a budget, then re-queues itself at its next line. An
 * upload still in progress is waited for while attempts remain, then the import fails
 * (`upload_not_finished`); a run that fails on its last attempt marks it `import_failed`. Either
 * frees the tenant's slot.
 */
export const bookImportJob: JobHandler<BookImportMessage> = {
  parse: (body) =>
    typeof body.import_id === "string" ? { kind: "book-import", import_id: body.import_id } : null,
  describe: (message) => ({ import_id: message.import_id }),
  async run(database, env, message) {
    const outcome = await runImport(database, env.FILES, message.import_id, {
      deadline: Date.now() + RUN_BUDGET_MS,
    });
    if (outcome === "continue") return CONTINUE;
    if (outcome === "not-ready") return { kind: "wait", seconds: NOT_READY_RETRY_SECONDS };
    return DONE;
  },
  async failed(database, message, final) {
    if (final) await fail(database, message.import_id, "import_failed");
  },
  gaveUp: (database, message) => fail(database, message.import_id, "upload_not_finished"),
};
