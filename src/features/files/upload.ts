import { eq } from "drizzle-orm";
import { auditInScope } from "../../platform/audit";
import { assertRole } from "../../platform/auth/roles";
import type { TenantRequestContext } from "../../platform/context";
import { ownTransactions } from "../../platform/db";
import { files } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { isId, newId } from "../../platform/ids";
import { describeError, log } from "../../platform/observability/logger";
import { recordEvent } from "../../platform/outbox";
import {
  allowedContentType,
  declaredLength,
  fileLimits,
  MAX_PARTS,
  MIN_PART_BYTES,
  tooLarge,
} from "./limits";
import { releasePart, reservePart } from "./multipart-parts";
import { type FileRow, fileKey, fileView, findFile, noSuchFile, purgeFile } from "./service";
import { meter, sha256OfStream } from "./streaming";

/** Inserts the `uploading` row first, so an object can never exist without a row to find it by. */
async function insertUploading(
  ctx: TenantRequestContext,
  values: { filename: string; contentType: string; sizeBytes: number; multipartUploadId?: string },
  id = newId("file"),
): Promise<FileRow> {
  const [row] = await ctx.database.tenant((scope) =>
    scope.tx
      .insert(files)
      .values({
        id,
        tenantId: scope.tenantId,
        filename: values.filename,
        contentType: values.contentType,
        sizeBytes: values.sizeBytes,
        r2Key: fileKey(scope.tenantId, id),
        status: "uploading",
        multipartUploadId: values.multipartUploadId ?? null,
        createdBy: `${ctx.actor.type}:${ctx.actor.id}`,
      })
      .returning(),
  );
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Flips an uploaded file to `ready` with its audit row and the `file.uploaded` event, in one transaction. */
async function markReady(ctx: TenantRequestContext, id: string, sizeBytes: number, sha256: string) {
  return ctx.database.tenant(async (scope) => {
    const [row] = await scope.tx
      .update(files)
      .set({ status: "ready", sizeBytes, sha256, multipartUploadId: null, updatedAt: new Date() })
      .where(scope.where(files, eq(files.id, id), eq(files.status, "uploading")))
      .returning();
    // The sweep reclaimed an upload that outlived its deadline.
    if (!row) throw new AppError("conflict", "The upload expired before it completed.");
    const view = fileView(row);
    await auditInScope(scope, ctx, {
      action: "file.uploaded",
      targetType: "file",
      targetId: id,
      after: view,
    });
    await recordEvent(scope, "file.uploaded", view);
    return view;
  });
}

/**
 * Gives up an upload: marks the row for deletion and removes whatever reached R2. Outside the
 * request's transaction, which is rolled back (or was never opened) when an upload is given up.
 */
function discard(ctx: TenantRequestContext, row: FileRow) {
  return discardRow({ ...ctx, database: ownTransactions(ctx.database) }, row);
}

async function discardRow(ctx: TenantRequestContext, row: FileRow) {
  try {
    await ctx.database.tenant((scope) =>
      scope.tx
        .update(files)
        .set({ status: "deleting", updatedAt: new Date() })
        .where(scope.where(files, eq(files.id, row.id))),
    );
    await purgeFile(ctx.database, ctx.bucket, { ...row, status: "deleting" });
  } catch (error) {
    log("warn", "failed upload left for the sweep", { file_id: row.id, ...describeError(error) });
  }
}

/**
 * Uploads a file in one request by streaming the body to R2: counted against the limit, hashed
 * (SHA-256) on the way, never held in memory. 413 before reading when Content-Length is over the
 * limit, 415 for a media type outside the allow-list.
 *
 * No transaction is open while the body streams, however slowly the client sends it: the
 * `uploading` row commits on its own first (so the sweep finds the object whatever happens
 * next), and a keyed request's transaction (idempotency claim, `ready`, audit, event, record)
 * opens at `markReady`. If that claim is lost to a retry that committed first, this copy is
 * discarded and the retry's file is the answer.
 */
export async function uploadFile({
  ctx,
  input,
}: {
  ctx: TenantRequestContext;
  input: {
    filename: string;
    contentType: string | undefined;
    contentLength: string | undefined;
    body: ReadableStream<Uint8Array> | null;
  };
}) {
  assertRole(ctx.role, "editor");
  const contentType = allowedContentType(input.contentType);
  const limit = fileLimits(ctx.tenant).single;
  const length = declaredLength(input.contentLength);
  if (length > limit) throw tooLarge(limit);
  if (!input.body) throw new AppError("validation_failed", "The file is empty.");

  // Committed at once, whatever the request does: the sweep must find the object.
  const row = await insertUploading(
    { ...ctx, database: ownTransactions(ctx.database) },
    { filename: input.filename, contentType, sizeBytes: length },
  );
  const metered = meter(input.body, length, limit);
  try {
    await ctx.bucket.put(row.r2Key, metered.readable, { httpMetadata: { contentType } });
  } catch (error) {
    await discard(ctx, row);
    throw metered.failure() ?? error;
  }
  const sha256 = await metered.sha256();
  try {
    return await markReady(ctx, row.id, metered.bytes(), sha256);
  } catch (error) {
    // A keyed retry committed first: its file is the answer, this copy goes now. On any other
    // failure the request's transaction may still be open (and roll back), so the `uploading`
    // row is left to the sweep rather than written beside it.
    if (error instanceof AppError && error.code === "idempotency_key_in_use") {
      await discard(ctx, row);
    }
    throw error;
  }
}

/** Starts a multipart upload for a file up to the tenant's multipart limit. */
export async function createMultipartUpload({
  ctx,
  input,
}: {
  ctx: TenantRequestContext;
  input: { filename: string; content_type: string; size_bytes: number };
}) {
  assertRole(ctx.role, "editor");
  const contentType = allowedContentType(input.content_type);
  const limits = fileLimits(ctx.tenant);
  if (input.size_bytes > limits.multipart) throw tooLarge(limits.multipart);
  const id = newId("file");
  const upload = await ctx.bucket.createMultipartUpload(fileKey(ctx.tenantId, id), {
    httpMetadata: { contentType },
  });
  const row = await insertUploading(
    ctx,
    {
      filename: input.filename,
      contentType,
      sizeBytes: input.size_bytes,
      multipartUploadId: upload.uploadId,
    },
    id,
  ).catch(async (error: unknown) => {
    // No row points at it (e.g. a keyed retry committed first): nothing else would abort it.
    await upload.abort().catch(() => {});
    throw error;
  });
  return {
    ...fileView(row),
    upload: {
      min_part_bytes: MIN_PART_BYTES,
      max_parts: MAX_PARTS,
      max_total_bytes: limits.multipart,
    },
  };
}

async function findMultipart(ctx: TenantRequestContext, id: string) {
  const row = await ctx.database.tenant((scope) => findFile(scope, id));
  if (row.status !== "uploading" || !row.multipartUploadId || row.sizeBytes === null) {
    throw new AppError("conflict", "This file has no multipart upload in progress.");
  }
  return { row, uploadId: row.multipartUploadId, declared: row.sizeBytes };
}

/** Streams one part to R2. The parts together may not exceed the file's declared size. */
export async function uploadPart({
  ctx,
  id,
  partNumber,
  input,
}: {
  ctx: TenantRequestContext;
  id: string;
  partNumber: number;
  input: { contentLength: string | undefined; body: ReadableStream<Uint8Array> | null };
}) {
  assertRole(ctx.role, "editor");
  if (!isId("file", id)) throw noSuchFile();
  const body = input.body;
  let length = 0;
  // Counted against the declared total before it is read (413 past it); given back if it fails.
  const reservation = await reservePart(ctx, id, partNumber, () => {
    length = declaredLength(input.contentLength);
    if (!body) throw new AppError("validation_failed", "The part is empty.");
    return length;
  });
  if (!body) throw new AppError("validation_failed", "The part is empty.");
  const metered = meter(body, length, length);
  const upload = ctx.bucket.resumeMultipartUpload(reservation.row.r2Key, reservation.uploadId);
  try {
    const part = await upload.uploadPart(partNumber, metered.readable);
    return { part_number: part.partNumber, etag: part.etag, size_bytes: length };
  } catch (error) {
    await releasePart(ctx, id, partNumber, reservation).catch((releaseError) =>
      log("warn", "part left counted", { file_id: id, ...describeError(releaseError) }),
    );
    throw metered.failure() ?? error;
  }
}

/**
 * Assembles the parts. The object is then read back once through a DigestStream for its SHA-256
 * (part hashes cannot be combined) and checked against the declared size and the limit.
 */
export async function completeMultipartUpload({
  ctx,
  id,
  input,
}: {
  ctx: TenantRequestContext;
  id: string;
  input: { parts: Array<{ part_number: number; etag: string }> };
}) {
  assertRole(ctx.role, "editor");
  if (!isId("file", id)) throw noSuchFile();
  const { row, uploadId, declared } = await findMultipart(ctx, id);
  const upload = ctx.bucket.resumeMultipartUpload(row.r2Key, uploadId);
  const parts = [...input.parts]
    .sort((a, b) => a.part_number - b.part_number)
    .map((p) => ({ partNumber: p.part_number, etag: p.etag }));
  let object: R2Object;
  try {
    object = await upload.complete(parts);
  } catch (error) {
    log("info", "multipart completion refused", { file_id: id, ...describeError(error) });
    throw new AppError("validation_failed", "The parts do not form a valid upload.", {
      errors: [
        {
          path: "json.parts",
          message: `each part but the last must be at least ${MIN_PART_BYTES} bytes and all of one size, with the etags returned for them`,
        },
      ],
    });
  }
  const limit = fileLimits(ctx.tenant).multipart;
  if (object.size !== declared || object.size > limit) {
    await discard(ctx, row);
    if (object.size > limit) throw tooLarge(limit);
    throw new AppError("validation_failed", "The parts do not add up to the declared size.", {
      errors: [{ path: "json.parts", message: `total ${object.size} bytes, declared ${declared}` }],
    });
  }
  const stored = await ctx.bucket.get(row.r2Key);
  if (!stored) throw new Error("completed object is missing");
  const sha256 = await sha256OfStream(stored.body);
  return markReady(ctx, id, object.size, sha256);
}

/** Aborts a multipart upload: marked for deletion with its audit row, then its parts and row go. */
export async function abortMultipartUpload({ ctx, id }: { ctx: TenantRequestContext; id: string }) {
  assertRole(ctx.role, "editor");
  if (!isId("file", id)) throw noSuchFile();
  const { row } = await findMultipart(ctx, id);
  await ctx.database.tenant(async (scope) => {
    await scope.tx
      .update(files)
      .set({ status: "deleting", updatedAt: new Date() })
      .where(scope.where(files, eq(files.id, id)));
    await auditInScope(scope, ctx, {
      action: "file.upload_aborted",
      targetType: "file",
      targetId: id,
      before: fileView(row),
    });
  });
  try {
    await purgeFile(ctx.database, ctx.bucket, { ...row, status: "deleting" });
  } catch (error) {
    log("warn", "aborted upload left for the sweep", { file_id: id, ...describeError(error) });
  }
  return { id, deleted: true as const };
}
