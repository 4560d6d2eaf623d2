import { and, eq, ne } from "drizzle-orm";
import { auditInScope } from "../../platform/audit";
import { assertRole } from "../../platform/auth/roles";
import type { ServiceContext, TenantRequestContext } from "../../platform/context";
import { signedDownloadUrl } from "../../platform/crypto/signed-url";
import {
  type DatabaseHandle,
  type RequestDatabase,
  uncachedRead,
  withSystem,
} from "../../platform/db";
import { files, tenants } from "../../platform/db/schema";
import type { TenantScope } from "../../platform/db/tenant-scope";
import { AppError } from "../../platform/errors";
import { isId } from "../../platform/ids";
import { describeError, log } from "../../platform/observability/logger";
import { cursorClause, type ListQuery, toPage } from "../../platform/pagination";
import type { StoredObject } from "./content";

export type FileRow = typeof files.$inferSelect;

/** Public representation: never the R2 key or the multipart upload id. */
export function fileView(row: FileRow) {
  return {
    id: row.id,
    filename: row.filename,
    content_type: row.contentType,
    size_bytes: row.sizeBytes,
    sha256: row.sha256,
    status: row.status === "ready" ? ("ready" as const) : ("uploading" as const),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The R2 key of a file: derived from ids only, never from client input. */
export function fileKey(tenantId: string, fileId: string): string {
  return `tenants/${tenantId}/files/${fileId}`;
}

export const noSuchFile = () => new AppError("not_found", "No such file.");

/** A visible (not being deleted) file of the scope's tenant, optionally locked; 404 otherwise. */
export async function findFile(scope: TenantScope, id: string, lock = false): Promise<FileRow> {
  if (!isId("file", id)) throw noSuchFile();
  const query = scope.tx
    .select()
    .from(files)
    .where(
      scope.where(
        files,
        eq(files.id, id),
        ne(files.status, "deleting"),
        lock ? uncachedRead : undefined,
      ),
    );
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw noSuchFile();
  return row;
}

export async function listFiles({ ctx, query }: { ctx: ServiceContext; query: ListQuery }) {
  assertRole(ctx.role, "viewer");
  return ctx.database.tenant(async (scope) => {
    const page = cursorClause(files.id, query);
    const rows = await scope.tx
      .select()
      .from(files)
      .where(scope.where(files, ne(files.status, "deleting"), page.after))
      .orderBy(page.orderBy)
      .limit(page.limit);
    const { data, ...rest } = toPage(rows, query.limit);
    return { data: data.map(fileView), ...rest };
  });
}

export async function getFile({ ctx, id }: { ctx: ServiceContext; id: string }) {
  assertRole(ctx.role, "viewer");
  return fileView(await ctx.database.tenant((scope) => findFile(scope, id)));
}

/** What serving a ready file needs; 404 for unknown, foreign or unfinished files. */
export async function readyObject(database: RequestDatabase, id: string): Promise<StoredObject> {
  const row = await database.tenant((scope) => findFile(scope, id));
  if (row.status !== "ready" || row.sizeBytes === null) throw noSuchFile();
  return {
    key: row.r2Key,
    contentType: row.contentType,
    filename: row.filename,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
  };
}

/** The content of a file, for the authenticated content route. */
export function fileContent({ ctx, id }: { ctx: ServiceContext; id: string }) {
  assertRole(ctx.role, "viewer");
  return readyObject(ctx.database, id);
}

/** A signed URL that downloads the file without credentials until it expires. */
export async function createDownloadUrl({
  ctx,
  id,
  input,
  origin,
  signingKey,
}: {
  ctx: ServiceContext;
  id: string;
  input: { expires_in: number };
  origin: string;
  signingKey: string;
}) {
  assertRole(ctx.role, "viewer");
  await readyObject(ctx.database, id);
  const expiresAt = Math.floor(Date.now() / 1000) + input.expires_in;
  const url = await signedDownloadUrl(origin, signingKey, {
    kind: "file",
    tenantId: ctx.tenantId,
    object: id,
    expiresAt,
  });
  return { url, expires_at: new Date(expiresAt * 1000).toISOString() };
}

/**
 * Removes a file's object and row without ever leaving one without the other: the row is first
 * marked `deleting` (hidden from every read) in the transaction that writes the audit row, then
 * the object (and any unfinished multipart upload) is deleted, then the row. A failure after the
 * mark leaves a `deleting` row that a retry of the DELETE or the hourly sweep finishes.
 */
export async function deleteFile({ ctx, id }: { ctx: TenantRequestContext; id: string }) {
  assertRole(ctx.role, "editor");
  if (!isId("file", id)) throw noSuchFile();
  const row = await ctx.database.tenant(async (scope) => {
    const [found] = await scope.tx
      .select()
      .from(files)
      .where(scope.where(files, eq(files.id, id), uncachedRead))
      .for("update");
    if (!found) throw noSuchFile();
    if (found.status !== "deleting") {
      await scope.tx
        .update(files)
        .set({ status: "deleting", updatedAt: new Date() })
        .where(scope.where(files, eq(files.id, id)));
      await auditInScope(scope, ctx, {
        action: "file.deleted",
        targetType: "file",
        targetId: id,
        before: fileView(found),
      });
    }
    return found;
  });
  try {
    await purgeFile(ctx.database, ctx.bucket, row);
  } catch (error) {
    // The deletion is committed (the file is gone for every reader); the sweep finishes it.
    log("warn", "file deletion left for the sweep", { file_id: id, ...describeError(error) });
  }
  return { id, deleted: true as const };
}

/** Deletes a `deleting` row's object, then the row. Idempotent: each step tolerates a repeat. */
export async function purgeFile(database: RequestDatabase, bucket: R2Bucket, row: FileRow) {
  if (row.multipartUploadId) {
    await bucket
      .resumeMultipartUpload(row.r2Key, row.multipartUploadId)
      .abort()
      .catch(() => {});
  }
  await bucket.delete(row.r2Key);
  await database.tenant((scope) =>
    scope.tx
      .delete(files)
      .where(scope.where(files, eq(files.id, row.id), eq(files.status, "deleting"))),
  );
}

/** A tenant's status (signed downloads check it: a suspended tenant's links stop working). */
export async function tenantStatus(database: DatabaseHandle, tenantId: string) {
  if (!isId("ten", tenantId)) return undefined;
  const [row] = await withSystem(database, (tx) =>
    tx
      .select({ status: tenants.status })
      .from(tenants)
      .where(and(eq(tenants.id, tenantId), uncachedRead))
      .limit(1),
  );
  return row?.status;
}
