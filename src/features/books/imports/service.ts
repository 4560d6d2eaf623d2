import { eq, inArray, lt, sql } from "drizzle-orm";
import { auditInScope } from "../../../platform/audit";
import { assertRole } from "../../../platform/auth/roles";
import type { TenantRequestContext } from "../../../platform/context";
import { ownTransactions, READ_ONLY, uncachedRead, withTenant } from "../../../platform/db";
import { bookImports } from "../../../platform/db/schema/book-imports";
import { AppError } from "../../../platform/errors";
import { newId } from "../../../platform/ids";
import { describeError, log } from "../../../platform/observability/logger";
import { effectiveLimits } from "../../../platform/plans";
import { meter } from "../../files/streaming";
import { IMPORT_MEDIA_TYPES, type ImportFormat } from "./rows";

export type BookImportRow = typeof bookImports.$inferSelect;

/** The jobs-queue message that applies an import. */
export interface BookImportMessage {
  kind: "book-import";
  import_id: string;
}

/**
 * An import file may be this many times the tenant's single-request file limit (standard plan:
 * 10 MB per file, 50 MB per import: about 250,000 rows of a typical catalog).
 */
export const IMPORT_FACTOR = 5;

/** The largest import file the tenant may send. */
export function importLimit(tenant: TenantRequestContext["tenant"]): number {
  return effectiveLimits(tenant).max_file_bytes * IMPORT_FACTOR;
}

/** Import ids: `imp_` and a time-ordered ULID, like every other id. */
export const newImportId = () => newId("imp");
const isImportId = (value: string) => /^imp_[0-9a-hjkmnp-tv-z]{26}$/.test(value);

/** R2 keys live under the tenant's prefix, so the tenant purge removes them. */
export const importKey = (tenantId: string, id: string) =>
  `tenants/${tenantId}/imports/${id}/source`;
export const errorReportKey = (tenantId: string, id: string) =>
  `tenants/${tenantId}/imports/${id}/errors.ndjson`;

const notFound = () => new AppError("not_found", "No such import.");

/** The representation of an import. */
export function importView(row: BookImportRow) {
  return {
    id: row.id,
    status: row.status,
    format: row.format,
    size_bytes: row.sizeBytes,
    counts: { created: row.createdCount, updated: row.updatedCount, failed: row.failedCount },
    progress: { lines_done: row.nextLine },
    error: row.error,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    completed_at: row.completedAt ? row.completedAt.toISOString() : null,
  };
}
export type BookImportView = ReturnType<typeof importView>;

/** The import's format from its Content-Type, or 415. */
export function importFormat(header: string | undefined | null): ImportFormat {
  const essence = (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const format = (IMPORT_MEDIA_TYPES as Record<string, ImportFormat>)[essence];
  if (!format) {
    throw new AppError(
      "unsupported_media_type",
      essence ? `${essence} is not an import format.` : "A Content-Type is required.",
      { extensions: { accepted: Object.keys(IMPORT_MEDIA_TYPES) } },
    );
  }
  return format;
}

function tooLarge(limit: number) {
  return new AppError(
    "payload_too_large",
    `The import exceeds this tenant's limit of ${limit} bytes.`,
    { extensions: { limit_bytes: limit } },
  );
}

function declaredLength(header: string | undefined | null): number {
  if (header === undefined || header === null || !/^\d{1,16}$/.test(header)) {
    throw new AppError("validation_failed", "A Content-Length header is required.", {
      errors: [{ path: "header.content-length", message: "required (a byte count)" }],
    });
  }
  const length = Number(header);
  if (length === 0) {
    throw new AppError("validation_failed", "The import file is empty.", {
      errors: [{ path: "body", message: "must not be empty" }],
    });
  }
  return length;
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === "23505";
}

/** Seconds a refused import waits before trying again: a batch of 500 lines takes about one. */
const BUSY_RETRY_AFTER_SECONDS = 5;

const busy = () =>
  new AppError("conflict", "Another import of this tenant is not finished yet.", {
    errors: [{ path: "body", message: "one import at a time per tenant" }],
    headers: { "retry-after": String(BUSY_RETRY_AFTER_SECONDS) },
  });

/** Gives up an import whose file did not arrive: frees the tenant's slot, removes the object. */
async function abandon(ctx: TenantRequestContext, row: BookImportRow, reason: string) {
  try {
    // Committed at once: the request's own transaction (if any) rolls back with its failure.
    await withTenant(ctx.database.handle, ctx.tenantId, (scope) =>
      scope.tx
        .update(bookImports)
        .set({ status: "failed", error: reason, updatedAt: new Date() })
        .where(scope.where(bookImports, eq(bookImports.id, row.id))),
    );
    await ctx.bucket.delete(row.r2Key);
  } catch (error) {
    log("warn", "abandoned import not cleaned up", { import_id: row.id, ...describeError(error) });
  }
}

/** An `uploading` import not updated for this long lost its request: it is given up. */
export const ABANDONED_UPLOAD = "1 hour";
/** A `queued` or `running` import not updated for this long lost its message: it is re-queued. */
export const STALLED_RUN = "15 minutes";

/**
 * Looks at the import holding the tenant's slot: one whose upload was abandoned is marked failed
 * (true: the slot is free), one whose queue message was lost is sent again (false: it resumes at
 * its next line and keeps the slot). Runs when a new import finds the slot taken, so no import
 * blocks its tenant for good and no sweep is needed.
 */
async function recoverStalled(ctx: TenantRequestContext, jobs: Queue): Promise<boolean> {
  const [active] = await ctx.database.tenant((scope) =>
    scope.tx
      .select({ id: bookImports.id, status: bookImports.status, r2Key: bookImports.r2Key })
      .from(bookImports)
      .where(
        scope.where(
          bookImports,
          eq(bookImports.status, "uploading"),
          lt(bookImports.updatedAt, sql`now() - ${ABANDONED_UPLOAD}::interval`),
        ),
      ),
  );
  if (active?.status === "uploading") {
    const [freed] = await ctx.database.tenant((scope) =>
      scope.tx
        .update(bookImports)
        .set({ status: "failed", error: "upload_abandoned", updatedAt: new Date() })
        .where(
          scope.where(
            bookImports,
            eq(bookImports.id, active.id),
            eq(bookImports.status, "uploading"),
          ),
        )
        .returning({ id: bookImports.id }),
    );
    if (freed) await ctx.bucket.delete(active.r2Key).catch(() => {});
    return freed !== undefined;
  }
  const [stalled] = await ctx.database.tenant((scope) =>
    scope.tx
      .update(bookImports)
      .set({ updatedAt: new Date() })
      .where(
        scope.where(
          bookImports,
          inArray(bookImports.status, ["queued", "running"]),
          lt(bookImports.updatedAt, sql`now() - ${STALLED_RUN}::interval`),
        ),
      )
      .returning({ id: bookImports.id }),
  );
  if (stalled) {
    await jobs.send({ kind: "book-import", import_id: stalled.id } satisfies BookImportMessage);
    log("warn", "stalled book import re-queued", { import_id: stalled.id });
  }
  return false;
}

/**
 * Starts an import: the body streams to R2 (counted against the tenant's import limit, never held
 * in memory), then the import is queued for the jobs consumer. The `uploading` row commits on its
 * own first, and the tenant's one-active-import index makes a second import a 409 from there on.
 */
export async function createImport({
  ctx,
  input,
  jobs,
}: {
  ctx: TenantRequestContext;
  input: {
    contentType: string | undefined;
    contentLength: string | undefined;
    body: ReadableStream<Uint8Array> | null;
  };
  jobs: Queue;
}): Promise<BookImportView> {
  assertRole(ctx.role, "editor");
  const format = importFormat(input.contentType);
  const limit = importLimit(ctx.tenant);
  const length = declaredLength(input.contentLength);
  if (length > limit) throw tooLarge(limit);
  if (!input.body) throw new AppError("validation_failed", "The import file is empty.");

  const id = newImportId();
  // The `uploading` row (the tenant's import slot) commits at once, before the body streams.
  const own: TenantRequestContext = { ...ctx, database: ownTransactions(ctx.database) };
  const insert = () =>
    own.database.tenant((scope) =>
      scope.tx
        .insert(bookImports)
        .values({
          id,
          tenantId: scope.tenantId,
          status: "uploading",
          format,
          r2Key: importKey(scope.tenantId, id),
          sizeBytes: length,
          requestedBy: `${ctx.actor.type}:${ctx.actor.id}`,
        })
        .returning(),
    );
  const row = await (async () => {
    try {
      const [inserted] = await insert().catch(async (error: unknown) => {
        // The slot may be held by an import that stalled: recovered, the insert is tried again.
        if (isUniqueViolation(error) && (await recoverStalled(own, jobs))) return insert();
        throw error;
      });
      if (!inserted) throw new Error("insert returned no row");
      return inserted;
    } catch (error) {
      if (isUniqueViolation(error)) throw busy();
      throw error;
    }
  })();

  const metered = meter(input.body, length, limit);
  try {
    await ctx.bucket.put(row.r2Key, metered.readable, {
      httpMetadata: { contentType: format === "csv" ? "text/csv" : "application/x-ndjson" },
    });
  } catch (error) {
    await abandon(ctx, row, "upload_failed");
    const failure = metered.failure();
    throw failure?.code === "payload_too_large" ? tooLarge(limit) : (failure ?? error);
  }

  try {
    const queued = await ctx.database.tenant(async (scope) => {
      const [updated] = await scope.tx
        .update(bookImports)
        .set({ status: "queued", updatedAt: new Date() })
        .where(
          scope.where(bookImports, eq(bookImports.id, id), eq(bookImports.status, "uploading")),
        )
        .returning();
      if (!updated) throw new AppError("conflict", "The import was given up before it was queued.");
      const view = importView(updated);
      await auditInScope(scope, ctx, {
        action: "book.import.requested",
        targetType: "book_import",
        targetId: id,
        after: view,
      });
      return view;
    });
    await jobs.send({ kind: "book-import", import_id: id } satisfies BookImportMessage);
    return queued;
  } catch (error) {
    // A keyed retry committed first: its import is the answer, this copy goes.
    if (error instanceof AppError && error.code === "idempotency_key_in_use") {
      await abandon(ctx, row, "superseded");
    }
    throw error;
  }
}

async function findImport(ctx: TenantRequestContext, id: string): Promise<BookImportRow> {
  if (!isImportId(id)) throw notFound();
  const [row] = await ctx.database.tenant(
    // Uncached (Hyperdrive's query cache): clients poll this for progress.
    (scope) =>
      scope.tx
        .select()
        .from(bookImports)
        .where(scope.where(bookImports, eq(bookImports.id, id), uncachedRead)),
    READ_ONLY,
  );
  if (!row) throw notFound();
  return row;
}

export async function getImport({ ctx, id }: { ctx: TenantRequestContext; id: string }) {
  assertRole(ctx.role, "viewer");
  return importView(await findImport(ctx, id));
}

/** The error report (NDJSON: line, field, message), once the import has completed; else 409. */
export async function importErrorReport({ ctx, id }: { ctx: TenantRequestContext; id: string }) {
  assertRole(ctx.role, "viewer");
  const row = await findImport(ctx, id);
  if (row.status !== "completed") {
    throw new AppError(
      "conflict",
      `The import is ${row.status}; its error report comes when it completes.`,
    );
  }
  const object = await ctx.bucket.get(errorReportKey(row.tenantId, row.id));
  if (!object) throw new Error(`error report of ${row.id} missing from R2`);
  return { body: object.body, size: object.size };
}
