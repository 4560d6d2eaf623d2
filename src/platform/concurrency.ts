/** Runs a task when a slot is free. */
export type Limiter = <R>(task: () => Promise<R>) => Promise<R>;

/**
 * A limiter with `limit` slots: at most `limit` tasks run at once, the others start in the order
 * they were given as slots free up. A task's failure frees its slot like a success.
 */
export function concurrencyLimit(limit: number): Limiter {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
