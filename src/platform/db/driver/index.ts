/**
 * The Postgres driver of a request: postgres.js over a Workers TCP socket, shaped so a request
 * pays one round trip to the database per flight of statements it does not wait between.
 *
 * What is pipelined
 * - Statements carry their values as literals (inline.ts): one flight each, none of postgres.js'
 *   Parse/Describe round trip before a statement with parameters.
 * - On the request's one-connection client (pipeline.ts), BEGIN, the transaction's setup (role,
 *   tenant, timeouts: `TransactionStart.setup`) and the work's first statement leave together; a
 *   savepoint leaves with its first statement; statements the work sends without awaiting (e.g.
 *   `Promise.all` over `scope.tx`) leave together. The connection's start-up is answered by the
 *   socket itself (socket.ts), so nothing queued behind it waits for an extra round trip.
 * - Writes the work never reads back (audit rows, outbox events, the idempotency record) are sent
 *   behind (write-behind.ts): they travel with the next statement, at the latest with the COMMIT.
 *
 * When a failure surfaces
 * - A statement that fails fails its transaction or savepoint, even when the work swallowed the
 *   error (Postgres aborted the transaction anyway); the statement that aborted it is reported,
 *   not the "current transaction is aborted" of the ones behind it. A failed setup is reported
 *   as the cause of whatever the work then met.
 * - A write sent behind that failed fails the transaction when it ends (its COMMIT rolled back).
 * - A connection that cannot open fails every statement queued behind its start-up with the real
 *   error, at once.
 *
 * What the COMMIT carries
 * - `checkedTransaction` (checked.ts) sends `COMMIT AND CHAIN` and reads its tag: a COMMIT that
 *   Postgres answered ROLLBACK (an abort the work never saw) is a 503, never a success. The writes
 *   sent behind leave in the same flight. A read-only transaction's COMMIT is sent, not awaited.
 */

import { PostgresJsSession, PostgresJsTransaction } from "drizzle-orm/postgres-js";
import type { Transaction, TransactionStart } from "../handle";
import { relationalSchema, SQL_DIALECT } from "./dialect";
import { type DriverClient, inlineParameters } from "./inline";

export { CommitNotAcknowledgedError, checkedTransaction } from "./checked";
export { type DriverClient, inlineParameters, inliningClient } from "./inline";
export { pipelineTransactions } from "./pipeline";
export { openWorkerSocket, READY_PROBE } from "./socket";
export { writeBehind } from "./write-behind";

/** The setup statement as text with its values inline, or null when they cannot be inlined. */
function setupText(start: TransactionStart): string | null {
  if (!start.setup) return null;
  const query = SQL_DIALECT.sqlToQuery(start.setup);
  return inlineParameters(query.sql, query.params);
}

/** Hands a statement to the connection now (postgres.js otherwise sends on first `await`). */
function sendNow(client: DriverClient, text: string): Promise<unknown> {
  const query = client.unsafe(text) as { execute(): Promise<unknown> };
  const sent = query.execute();
  sent.catch(() => {});
  return sent;
}

/**
 * `DatabaseHandle.transaction` over a postgres.js client (inlining, and pipelined when it has one
 * connection): begins `read only` when the work only reads, sends the setup right behind BEGIN
 * without waiting for it, and gives the work drizzle's transaction over the scoped client, exactly
 * as drizzle's own `transaction()` builds it.
 */
export function postgresTransactions(client: DriverClient) {
  const begin = client.begin;
  if (!begin) throw new Error("this client opens no transaction");
  return <T>(start: TransactionStart, work: (tx: Transaction) => Promise<T>): Promise<T> =>
    begin.call(client, start.readOnly ? "read only" : "", async (scoped: DriverClient) => {
      const text = setupText(start);
      const sent = text === null ? undefined : sendNow(scoped, text);
      const schema = relationalSchema();
      const session = new PostgresJsSession(scoped as never, SQL_DIALECT, schema, {});
      const tx = new PostgresJsTransaction(SQL_DIALECT, session, schema) as unknown as Transaction;
      // A setup whose values cannot be inlined runs first, awaited (never the case for ours).
      if (start.setup && text === null) await tx.execute(start.setup);
      try {
        return await work(tx);
      } finally {
        // A failed setup is the cause of whatever the work then met (an aborted transaction).
        await sent;
      }
    }) as Promise<T>;
}
