/**
 * Why an export failed, as a tenant admin (and the operator's API) sees it: a closed set of
 * stable codes with a fixed message. The raw error (driver, SQL, storage, stack) is written to
 * the log with the export and message ids only: it can name tables, hosts or a query's
 * parameters, none of which a tenant may read (DESIGN invariant 6).
 */
export const EXPORT_FAILURE_REASONS = {
  export_failed:
    "The export could not be completed. It is retried automatically; if it stays failed, request a new export or contact support with the export id.",
} as const;

export type ExportFailureReason = keyof typeof EXPORT_FAILURE_REASONS;

/** The reason stored for any failure of the export job (no failure is told apart yet). */
export const EXPORT_FAILED: ExportFailureReason = "export_failed";

/**
 * The public reason of a stored `tenant_exports.error`. Anything outside the closed set (raw
 * messages stored by earlier releases) is shown as the generic reason, never as stored.
 */
export function failureReason(stored: string | null): {
  error: ExportFailureReason | null;
  error_message: string | null;
} {
  if (stored === null) return { error: null, error_message: null };
  const error = stored in EXPORT_FAILURE_REASONS ? (stored as ExportFailureReason) : EXPORT_FAILED;
  return { error, error_message: EXPORT_FAILURE_REASONS[error] };
}
