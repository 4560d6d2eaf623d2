import type { getTableColumns } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { sealSecret } from "../../platform/crypto/secret-box";
import { generateWebhookSecret } from "../../platform/crypto/webhook-signature";
import { AppError } from "../../platform/errors";

/**
 * How an exported row becomes a row of the target tenant. Every column the export holds is taken
 * as it is (ids included, so references held by clients stay valid), `tenant_id` becomes the
 * target, and the columns the export never carries get a documented value per table
 * (docs/runbooks/disaster-recovery.md, "What a restore brings back").
 */

/** Never taken from an export even if present: secrets, ciphertexts and storage internals. */
const NEVER_FROM_EXPORT = /secret|hash|ciphertext|^r2_key$|^multipart_upload_id$/;

/** Why a restored endpoint is disabled: it has a fresh signing secret nobody knows yet. */
export const RESTORED_ENDPOINT_REASON =
  "restored from an export with a new signing secret: rotate the secret, then enable the endpoint";

/** A restored API key's hash: the export never holds the real one, and no key hashes to this. */
export const restoredKeyHash = (keyId: string) => `restored:${keyId}`;

/** R2 key of a file's content: the same layout as uploads (`files.r2_key`). */
export const fileObjectKey = (tenantId: string, fileId: string) =>
  `tenants/${tenantId}/files/${fileId}`;

export interface RestoreContext {
  tenantId: string;
  /** Encrypts a restored endpoint's fresh signing secret (WEBHOOK_SECRET_KEY). */
  secretKey: string;
  restoredAt: Date;
}

type Overrides = (
  record: Record<string, unknown>,
  ctx: RestoreContext,
) => Promise<Record<string, unknown>> | Record<string, unknown>;

/** Values (by drizzle property name) of the columns an export does not restore as they were. */
const OVERRIDES: Record<string, Overrides> = {
  webhook_endpoints: async (record, ctx) => ({
    enabled: false,
    status: "disabled",
    statusReason: RESTORED_ENDPOINT_REASON,
    secretCiphertext: await sealSecret(ctx.secretKey, generateWebhookSecret(), String(record.id)),
    previousSecretCiphertext: null,
    previousSecretExpiresAt: null,
    customHeadersCiphertext: null,
    customHeaderHints: null,
  }),
  api_keys: (record, ctx) => ({
    keyHash: restoredKeyHash(String(record.id)),
    previousKeyExpiresAt: null,
    revokedAt: record.revoked_at ? timestampOf(record.revoked_at) : ctx.restoredAt,
  }),
  files: (record, ctx) => ({
    r2Key: fileObjectKey(ctx.tenantId, String(record.id)),
    multipartUploadId: null,
  }),
  // Restored events are history: they are not relayed to receivers a second time.
  events: (record, ctx) => ({
    dispatchedAt: record.dispatched_at ? timestampOf(record.dispatched_at) : ctx.restoredAt,
  }),
};

function timestampOf(value: unknown): Date {
  const date = typeof value === "string" ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new AppError("export_corrupt", "The export holds a timestamp that is not one.");
  }
  return date;
}

/** An exported record as insert values for `table` in the target tenant. */
export async function restoredRow(
  name: string,
  columns: ReturnType<typeof getTableColumns>,
  record: Record<string, unknown>,
  ctx: RestoreContext,
): Promise<Record<string, unknown>> {
  if (typeof record.id !== "string" || record.id === "") {
    throw new AppError("export_corrupt", `A row of ${name}.ndjson has no id.`);
  }
  const values: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns as Record<string, PgColumn>)) {
    if (NEVER_FROM_EXPORT.test(column.name) || !(column.name in record)) continue;
    const value = record[column.name];
    values[key] =
      column.columnType === "PgTimestamp" && value !== null ? timestampOf(value) : value;
  }
  values.tenantId = ctx.tenantId;
  return { ...values, ...(await OVERRIDES[name]?.(record, ctx)) };
}
