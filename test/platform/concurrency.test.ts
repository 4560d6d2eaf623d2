import { describe, expect, it } from "vitest";
import { concurrencyLimit } from "../../src/platform/concurrency";

describe("concurrencyLimit", () => {
  it("runs at most `limit` tasks at once, in the order given, freeing slots on failure", async () => {
    const slot = concurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      if (i === 1) throw new Error("task 1 fails");
      return i;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => slot(task(i))));
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
      "fulfilled",
    ]);
  });
});
