import { z } from "@hono/zod-openapi";
import { AppError } from "../../platform/errors";
import type { Manifest, ManifestFile } from "../../platform/export-files";
import { EXPORT_TABLES } from "../exports/tables";

/**
 * Reading an export back for a restore: manifest.json checked against what the restore knows, and
 * each NDJSON file streamed line by line while its SHA-256, size and row count are computed, so a
 * file is never held in memory and a mismatch is found before the restore commits.
 */

const corrupt = (detail: string) => new AppError("export_corrupt", detail);

const ManifestFileSchema = z.object({
  name: z.string(),
  table: z.string(),
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const ManifestSchema = z.object({
  export_id: z.string(),
  tenant_id: z.string(),
  format: z.literal("ndjson"),
  files: z.array(ManifestFileSchema),
});

/**
 * The export's manifest, or 404 when there is none (no such export, or one that never completed:
 * manifest.json is the last object an export writes). It must name this export and tenant and
 * list every exported table exactly once.
 */
export async function readManifest(
  bucket: R2Bucket,
  prefix: string,
  expected: { tenantId: string; exportId: string },
): Promise<Pick<Manifest, "export_id" | "tenant_id"> & { files: ManifestFile[] }> {
  const object = await bucket.get(`${prefix}manifest.json`);
  if (!object) {
    throw new AppError("not_found", "No completed export with this id for the source tenant.");
  }
  let parsed: z.infer<typeof ManifestSchema>;
  try {
    parsed = ManifestSchema.parse(JSON.parse(await object.text()));
  } catch {
    throw corrupt("manifest.json is not a valid export manifest.");
  }
  if (parsed.export_id !== expected.exportId || parsed.tenant_id !== expected.tenantId) {
    throw corrupt("manifest.json names another export or tenant.");
  }
  const names = EXPORT_TABLES.map((t) => t.name);
  const listed = parsed.files.map((f) => f.table);
  const wellFormed =
    listed.length === names.length &&
    names.every((name) => listed.includes(name)) &&
    parsed.files.every((f) => f.name === `${f.table}.ndjson`);
  if (!wellFormed) {
    throw corrupt(`manifest.json must list exactly one file per table (${names.join(", ")}).`);
  }
  return parsed;
}

const hex = (digest: ArrayBuffer) =>
  Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * Streams one exported file as records. After the last record it compares the file's SHA-256,
 * byte size and row count with the manifest and throws `export_corrupt` on any difference (as it
 * does for a missing object or a line that is not a JSON object).
 */
export async function* verifiedRecords(
  bucket: R2Bucket,
  prefix: string,
  file: ManifestFile,
): AsyncGenerator<Record<string, unknown>> {
  const object = await bucket.get(`${prefix}${file.name}`);
  if (!object) throw corrupt(`${file.name} is missing from the export.`);
  const digest = new crypto.DigestStream("SHA-256");
  const hashing = digest.getWriter();
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const reader = object.body.getReader();
  let pending = "";
  let bytes = 0;
  let rows = 0;
  let finished = false;
  const parse = (line: string) => {
    rows++;
    if (rows > file.rows) throw corrupt(`${file.name} holds more rows than its manifest says.`);
    try {
      const value = JSON.parse(line) as unknown;
      if (value && typeof value === "object" && !Array.isArray(value)) {
        return value as Record<string, unknown>;
      }
    } catch {
      // Reported below like any other malformed line.
    }
    throw corrupt(`${file.name} line ${rows} is not a JSON object.`);
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > file.bytes) throw corrupt(`${file.name} is larger than its manifest says.`);
      await hashing.write(value);
      let text: string;
      try {
        text = decoder.decode(value, { stream: true });
      } catch {
        throw corrupt(`${file.name} is not valid UTF-8.`);
      }
      const lines = (pending + text).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line) yield parse(line);
    }
    if (pending) yield parse(pending);
    finished = true;
  } finally {
    // A file given up half-read (corrupt, or the restore failed) is not left streaming.
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
  await hashing.close();
  const sha256 = hex(await digest.digest);
  if (sha256 !== file.sha256 || bytes !== file.bytes || rows !== file.rows) {
    throw corrupt(`${file.name} does not match its manifest (checksum, size or row count).`);
  }
}
