import { describeError, log } from "./logger";

interface Task {
  name: string;
  run: () => Promise<unknown>;
}

/**
 * Work a request leaves for after its response (the outbox relay, an API key's `last_used_at`),
 * run on the request's own database handle. `requestContext()` drains it through `waitUntil` and
 * closes the handle only once every task is done, so after-response work never opens a
 * connection of its own. Tasks run one after another, in the order they were added: one
 * statement at a time keeps them on the handle's one connection (two at once would make its pool
 * open a second).
 */
export class AfterResponse {
  readonly #tasks: Task[] = [];
  #closed = false;

  /** Adds `run` (started after the response, never before) to the request's after-response work. */
  add(name: string, run: () => Promise<unknown>): void {
    // A task added once the handle is closed would fail on it: a programming error, said loudly.
    if (this.#closed) throw new Error(`after-response task "${name}" added after the drain`);
    this.#tasks.push({ name, run });
  }

  /**
   * Runs every task (a failed one is logged and does not stop the others), then `close`. Its
   * first step yields, so nothing starts before the caller has read the request's figures.
   */
  async drain(close: () => Promise<void>, fields: Record<string, unknown> = {}): Promise<void> {
    await Promise.resolve();
    try {
      for (let task = this.#tasks.shift(); task; task = this.#tasks.shift()) {
        try {
          await task.run();
        } catch (error) {
          log("warn", "after-response task failed", {
            ...fields,
            task: task.name,
            ...describeError(error),
          });
        }
      }
    } finally {
      this.#closed = true;
      await close().catch(() => {});
    }
  }
}
