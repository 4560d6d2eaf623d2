import { eq } from "drizzle-orm";
import type { TenantRequestContext } from "../../platform/context";
import { uncachedRead } from "../../platform/db";
import { files } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { tooLarge } from "./limits";
import { type FileRow, findFile } from "./service";

/** A part's place in its upload's ledger, and what to put back if the part never lands. */
export interface PartReservation {
  row: FileRow;
  uploadId: string;
  /** The bytes the ledger held for this part number before (a re-sent part replaces it in R2). */
  previous: number | undefined;
}

const total = (parts: Record<string, number>) => Object.values(parts).reduce((a, b) => a + b, 0);

/**
 * Counts a part against its upload's declared size before a byte of it is read. The ledger
 * (`files.multipart_parts`, part number → bytes) holds every part stored or in flight, so the
 * parts together can never exceed the declared size (itself within the tenant's multipart limit):
 * 413 for the part that would. The row is locked while it is checked and written, so concurrent
 * parts cannot both take the last bytes.
 */
export async function reservePart(
  ctx: TenantRequestContext,
  id: string,
  partNumber: number,
  partLength: () => number,
): Promise<PartReservation> {
  return ctx.database.tenant(async (scope) => {
    const row = await findFile(scope, id, true);
    // Measured after the lookup: another tenant's file id is a 404 whatever the request carries.
    const length = partLength();
    if (row.status !== "uploading" || !row.multipartUploadId || row.sizeBytes === null) {
      throw new AppError("conflict", "This file has no multipart upload in progress.");
    }
    const key = String(partNumber);
    const parts = { ...(row.multipartParts ?? {}) };
    const previous = parts[key];
    delete parts[key];
    const declared = row.sizeBytes;
    if (total(parts) + length > declared) {
      throw new AppError(
        "payload_too_large",
        `The parts would total more than the file's declared size of ${declared} bytes.`,
        { extensions: { ...tooLarge(declared).extensions, received_bytes: total(parts) } },
      );
    }
    parts[key] = length;
    await scope.tx
      .update(files)
      .set({ multipartParts: parts })
      .where(scope.where(files, eq(files.id, id)));
    return { row, uploadId: row.multipartUploadId, previous };
  });
}

/**
 * Gives a failed part's bytes back: the ledger holds again what it held before the reservation
 * (R2 keeps an earlier part of that number when a re-sent one fails), so nothing stays counted
 * for bytes that never landed.
 */
export async function releasePart(
  ctx: TenantRequestContext,
  id: string,
  partNumber: number,
  reservation: PartReservation,
): Promise<void> {
  await ctx.database.tenant(async (scope) => {
    const [row] = await scope.tx
      .select({ parts: files.multipartParts })
      .from(files)
      .where(scope.where(files, eq(files.id, id), uncachedRead))
      .for("update");
    if (!row) return;
    const parts = { ...(row.parts ?? {}) };
    const key = String(partNumber);
    if (reservation.previous === undefined) delete parts[key];
    else parts[key] = reservation.previous;
    await scope.tx
      .update(files)
      .set({ multipartParts: parts })
      .where(scope.where(files, eq(files.id, id)));
  });
}
