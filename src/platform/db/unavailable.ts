import { CommitNotAcknowledgedError } from "./driver";

/**
 * SQLSTATEs that mean "the database cannot take this now", not "this request is wrong":
 * too many connections, the server starting or shutting down, lost connections (class 08), and
 * the runtime timeouts (docs/database.md): a statement cancelled by `statement_timeout` (57014),
 * a lock not granted within `lock_timeout` (55P03), a session ended by
 * `idle_in_transaction_session_timeout` (25P03). Each rolled the transaction back; a retry may pass.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  "53300",
  "57P01",
  "57P02",
  "57P03",
  "57014",
  "55P03",
  "25P03",
]);
/** postgres.js error codes for a connection that could not be made or was lost. */
const DRIVER_CODES = new Set([
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);
/** Socket-level failures that carry no code (the runtime's connect, node-postgres' pool). */
const UNAVAILABLE_MESSAGES = [
  /connection attempt failed/i,
  /network connection lost/i,
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
];

/**
 * Whether an error (or one of its causes, as drizzle wraps driver errors) says the database is
 * unreachable or saturated, or that a COMMIT was not acknowledged: worth a 503 with Retry-After
 * rather than a 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    // Nothing was written, and a retry may well commit: the client is told to retry, never "done".
    if (current instanceof CommitNotAcknowledgedError) return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") {
      if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith("08") || DRIVER_CODES.has(code)) {
        return true;
      }
    }
    const message = current.message;
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = current.cause;
  }
  return false;
}
