import { eq } from "drizzle-orm";
import { type DatabaseHandle, withTenant } from "./db";
import { tenantExports } from "./db/schema";
import { AppError } from "./errors";

/**
 * A tenant export's files as both sides see them: features/exports writes them (manifest.json, one
 * NDJSON file per table under the export's R2 prefix) and features/files serves them behind signed
 * links (/downloads/exports). Kept here so neither feature imports the other for it.
 */

/** One exported file, as listed in manifest.json. */
export interface ManifestFile {
  name: string;
  table: string;
  rows: number;
  bytes: number;
  sha256: string;
}

/** manifest.json, also kept in tenant_exports.manifest (with progress while running). */
export interface Manifest {
  export_id: string;
  tenant_id: string;
  reason: string;
  format: "ndjson";
  created_at: string;
  completed_at: string | null;
  tables_total: number;
  files: ManifestFile[];
}

/** The stored object behind a signed export link (`{export_id}/{file}`), once its export has completed. */
export async function exportObject(database: DatabaseHandle, tenantId: string, object: string) {
  const match = /^(exp_[0-9a-z]{26})\/([a-z_]+\.ndjson|manifest\.json)$/.exec(object);
  if (!match) throw new AppError("not_found", "No such export file.");
  const [, exportId = "", name = ""] = match;
  const [row] = await withTenant(database, tenantId, (scope) =>
    scope.tx
      .select()
      .from(tenantExports)
      .where(scope.where(tenantExports, eq(tenantExports.id, exportId)))
      .limit(1),
  );
  if (row?.status !== "completed") throw new AppError("not_found", "No such export file.");
  const file = (row.manifest as Manifest | null)?.files.find((f) => f.name === name);
  return { key: `${row.r2Prefix}${name}`, name, sha256: file?.sha256 ?? null };
}
