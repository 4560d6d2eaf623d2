/**
 * Transactions pipelined on a single-connection postgres.js client. The driver's own `begin()`
 * waits for BEGIN's answer before the transaction's first statement may leave, and its
 * savepoints wait for SAVEPOINT: one round trip each, on every transaction, before any work. On a
 * client with one connection nothing else can slip between a transaction's statements as long as
 * every user of the client takes turns, so BEGIN, the setup statement and the first statement of
 * the work leave together, and a savepoint leaves with its first statement.
 *
 * The semantics are the driver's: a statement that failed inside a transaction or savepoint fails
 * it even when the work swallowed the error (the transaction is aborted in Postgres anyway); a
 * failed transaction is rolled back, a failed savepoint rolled back to; a savepoint is not
 * released (as with the driver: released at COMMIT). Statements outside a transaction wait for
 * the one in progress.
 */

import type { DriverClient } from "./inline";
import { READY_PROBE } from "./socket";

type Query = Promise<unknown> & { execute(): Query; values(): Query };
type Unsafe = (text: string, params?: unknown[], options?: object) => Query;
type Work = (sql: ScopedClient) => unknown;

/** What drizzle and inline.ts use of a transaction's client. */
interface ScopedClient {
  unsafe: Unsafe;
  savepoint: (...args: unknown[]) => Promise<unknown>;
}

interface Driver {
  options?: unknown;
  unsafe: Unsafe;
}

/** The first error of any statement a scope sent, as the driver records it. */
interface Scope {
  client: ScopedClient;
  failure?: { error: unknown };
  run: Unsafe;
}

const IN_FAILED_TRANSACTION = "25P02";
const READ_ONLY = /\bread only\b/i;

function codeOf(error: unknown): string | undefined {
  return (error as { code?: unknown } | null)?.code as string | undefined;
}

/** Turn-taking for one connection: FIFO, and `held` while someone has the turn. */
class Turns {
  private tail: Promise<void> = Promise.resolve();
  held = 0;

  async take(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((resolve) => {
      release = resolve;
    });
    const previous = this.tail;
    this.tail = previous.then(() => next);
    this.held++;
    await previous;
    return () => {
      this.held--;
      release();
    };
  }
}

/**
 * A statement sent outside any transaction while one is in progress: it waits for its turn. It
 * offers what drizzle and inline.ts call on a driver query (`values`, `execute`, awaiting).
 */
function queuedStatement(turns: Turns, ready: () => Promise<void>, send: () => Query): Query {
  let raw = false;
  let started: Promise<unknown> | undefined;
  const start = () => {
    started ??= turns.take().then(async (release) => {
      try {
        await ready();
        const query = send();
        if (raw) query.values();
        return await query;
      } finally {
        release();
      }
    });
    return started;
  };
  const statement = {
    values() {
      raw = true;
      return statement;
    },
    execute() {
      start();
      return statement;
    },
    // biome-ignore lint/suspicious/noThenProperty: a driver query is awaited like a promise.
    then: (onValue?: (value: unknown) => unknown, onError?: (error: unknown) => unknown) =>
      start().then(onValue, onError),
    catch: (onError: (error: unknown) => unknown) => start().catch(onError),
    finally: (onFinally: () => void) => start().finally(onFinally),
  };
  return statement as unknown as Query;
}

/**
 * The client to use in place of a postgres.js client created with `max: 1`: `begin` and
 * savepoints pipeline as described above; statements outside a transaction take their turn.
 */
export function pipelineTransactions(client: DriverClient): DriverClient {
  // The statements of a postgres.js client are lazy queries (sent on `execute()` or when awaited).
  const driver = client as unknown as Driver;
  const turns = new Turns();
  // The connection's first statement is the socket's probe (socket.ts): once it is answered the
  // connection is open and idle, and nothing behind it waits for a round trip of its own.
  // A connection that cannot open fails the probe with the real error, which is what the
  // statements behind it then fail with: none of them is handed to the driver, whose reconnect
  // backoff would otherwise take them one by one. The next transaction probes again.
  let probe: Promise<void> | undefined;
  const ready = () => {
    probe ??= Promise.resolve(driver.unsafe(READY_PROBE)).then(
      () => {},
      (error: unknown) => {
        probe = undefined;
        throw error;
      },
    );
    return probe;
  };

  const openScope = (): Scope => {
    const scope: Scope = {
      run: (text, params, options) => {
        const query = driver.unsafe(text, params, options);
        // Sends it (the driver's queries are lazy) and records its failure, as the driver does.
        query.catch((error: unknown) => {
          scope.failure ??= { error };
        });
        return query;
      },
      client: {
        unsafe: (text, params, options) => scope.run(text, params, options),
        savepoint: (...args: unknown[]) => savepoint(args.pop() as Work),
      },
    };
    let savepoints = 0;
    const savepoint = async (work: Work) => {
      const name = `s${savepoints++}`;
      const inner = openScope();
      inner.run(`savepoint ${name}`);
      try {
        return await finish(inner, work);
      } catch (error) {
        await scope.run(`rollback to ${name}`);
        throw error;
      }
    };
    return scope;
  };

  /** Runs the work; a statement that failed fails it, swallowed or not. */
  const finish = async (scope: Scope, work: Work) => {
    try {
      const result = await work(scope.client);
      if (scope.failure) throw scope.failure.error;
      return result;
    } catch (error) {
      // The statement that aborted the transaction explains it better than "in failed transaction".
      if (codeOf(error) === IN_FAILED_TRANSACTION && scope.failure) throw scope.failure.error;
      throw error;
    }
  };

  const begin = async (...args: unknown[]) => {
    const work = args.pop() as Work;
    const options = typeof args[0] === "string" ? args[0].replace(/[^a-z ]/gi, "") : "";
    const release = await turns.take();
    try {
      await ready();
      const scope = openScope();
      scope.run(`begin ${options}`);
      let result: unknown;
      try {
        result = await finish(scope, work);
      } catch (error) {
        // A connection that failed fails this too; the work's error is the one to report.
        await driver.unsafe("rollback").catch(() => {});
        throw error;
      }
      const commit = driver.unsafe("commit");
      // A read-only transaction has nothing to lose: its COMMIT leaves (ahead of anything sent
      // after it) and the work's result is returned without waiting for the answer.
      if (READ_ONLY.test(options)) {
        commit.catch(() => {});
        return result;
      }
      await commit;
      return result;
    } finally {
      release();
    }
  };

  return {
    options: driver.options,
    begin,
    unsafe: (text: string, params?: unknown[], options?: object) =>
      turns.held > 0 || !probe
        ? queuedStatement(turns, ready, () => driver.unsafe(text, params, options))
        : driver.unsafe(text, params, options),
  };
}
