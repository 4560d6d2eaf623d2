import { sql } from "drizzle-orm";
import type { DatabaseHandle, Transaction, TransactionStart } from "../handle";
import { collectWrites } from "./write-behind";

/**
 * A COMMIT that Postgres answered with another command tag (ROLLBACK): the transaction had been
 * aborted by an error the caller never saw (e.g. a prepared statement missing on the server
 * connection a pooler handed over), so none of its writes exist. Answered as 503: the request
 * may be retried, and nothing it did may be reported as done.
 */
export class CommitNotAcknowledgedError extends Error {
  readonly code = "COMMIT_NOT_ACKNOWLEDGED";

  constructor(
    readonly commandTag: string | undefined,
    cause?: unknown,
  ) {
    super(
      `COMMIT was answered with ${commandTag ?? "no command tag"}; the transaction rolled back`,
      {
        cause,
      },
    );
    this.name = "CommitNotAcknowledgedError";
  }
}

/** The command tag of a raw result: postgres.js' RowList and node-postgres' result both carry it. */
function commandOf(result: unknown): string | undefined {
  const command = (result as { command?: unknown } | null)?.command;
  return typeof command === "string" ? command.toUpperCase() : undefined;
}

/**
 * Runs `work` in a transaction of `handle` and commits it itself, checking that Postgres answered
 * COMMIT. Both drivers' `transaction()` send COMMIT and ignore its result, and Postgres answers a
 * COMMIT in an aborted transaction with ROLLBACK and no error.
 *
 * The check sends `COMMIT AND CHAIN`: it commits (or, in an aborted transaction, rolls back and is
 * tagged ROLLBACK) and opens an empty transaction, which the library's own COMMIT then closes, so
 * nothing runs outside a transaction block and no warning is raised. Sent out of order (after the
 * library's COMMIT), it would fail loudly (25P01) rather than pass. It is sent without waiting
 * for its answer: postgres.js writes it and the library's COMMIT in one flight, so the check
 * costs one statement and no round trip (node-postgres sends them one after the other).
 *
 * Writes sent behind (write-behind.ts) travel with the COMMIT; the first that failed is what
 * the transaction then throws (its COMMIT rolled back).
 */
export async function checkedTransaction<T>(
  handle: DatabaseHandle,
  work: (tx: Transaction) => Promise<T>,
  start: TransactionStart,
): Promise<T> {
  const { readOnly } = start;
  let tag: Promise<string | undefined> | undefined;
  let writes: ReturnType<typeof collectWrites> | undefined;
  let result: T;
  try {
    result = await handle.transaction(start, async (tx) => {
      writes = collectWrites(tx);
      const value = await work(tx);
      if (readOnly) return value;
      // `.then` runs drizzle's lazy query exactly once (awaiting it twice would send it twice).
      tag = tx.execute(sql`commit and chain`).then(commandOf);
      // Observed below; this keeps a failure from being reported as unhandled in the meantime.
      tag.catch(() => {});
      return value;
    });
  } catch (error) {
    const failedWrite = await writes?.settle();
    if (failedWrite) throw failedWrite.error;
    // postgres.js throws an error the work swallowed once the work returns: if the checked
    // COMMIT was sent and rolled back, say so (the same answer as on node-postgres); the
    // swallowed error stays the cause, for the log.
    const command = await tag?.catch(() => undefined);
    if (tag && command !== "COMMIT") throw new CommitNotAcknowledgedError(command, error);
    throw error;
  }
  const failedWrite = await writes?.settle();
  if (failedWrite) throw failedWrite.error;
  if (readOnly) return result;
  const command = await tag;
  if (command !== "COMMIT") throw new CommitNotAcknowledgedError(command);
  return result;
}
