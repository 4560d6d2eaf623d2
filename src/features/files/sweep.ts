import { and, eq, lt, or, sql } from "drizzle-orm";
import { type DatabaseHandle, transactionPerCall, withSystem, withTenant } from "../../platform/db";
import { files } from "../../platform/db/schema";
import { describeError, log } from "../../platform/observability/logger";
import { purgeFile } from "./service";

/**
 * The hourly sweep: finishes deletions a failure interrupted (rows left `deleting`) and reclaims
 * uploads abandoned for a day (rows left `uploading`: a multipart upload never completed, or a
 * crash between the object and the row). Each file is handled on its own, so one failure does
 * not stop the rest.
 */
export async function sweepFiles(database: DatabaseHandle, bucket: R2Bucket, limit = 100) {
  const rows = await withSystem(database, (tx) =>
    tx
      .select()
      .from(files)
      .where(
        or(
          eq(files.status, "deleting"),
          and(eq(files.status, "uploading"), lt(files.updatedAt, sql`now() - interval '24 hours'`)),
        ),
      )
      .limit(limit),
  );
  let purged = 0;
  for (const row of rows) {
    try {
      if (row.status === "uploading") {
        // Only if still abandoned: a completion that got there first wins.
        const [claimed] = await withTenant(database, row.tenantId, (scope) =>
          scope.tx
            .update(files)
            .set({ status: "deleting", updatedAt: new Date() })
            .where(scope.where(files, eq(files.id, row.id), eq(files.status, "uploading")))
            .returning({ id: files.id }),
        );
        if (!claimed) continue;
      }
      await purgeFile(transactionPerCall(database, row.tenantId), bucket, {
        ...row,
        status: "deleting",
      });
      purged++;
    } catch (error) {
      log("warn", "file sweep could not purge a file", {
        file_id: row.id,
        ...describeError(error),
      });
    }
  }
  return { purged, seen: rows.length };
}
