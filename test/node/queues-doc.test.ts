/**
 * docs/architecture.md's queues cannot drift from the code: its table ("## Queues") and its
 * diagram (and README.md's) must name exactly the queues wrangler.toml consumes and `queue()` in src/index.ts
 * dispatches, each with the consumer function that `case` calls, and the jobs queue's row must
 * list exactly the kinds the jobs dispatcher (src/jobs.ts) handles.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";

const STAGING_SUFFIX = "-staging";

/** The queues wrangler.toml consumes in an environment (undefined: the top level, development). */
function wranglerConsumers(env?: string): string[] {
  const config = unstable_readConfig({ config: "wrangler.toml", env });
  return (config.queues.consumers ?? []).map((c: { queue: string }) => c.queue).sort();
}

/** `case "<queue>": return <consumer>(` of `queue()` in src/index.ts, queue → consumer. */
function indexConsumers(): Map<string, string> {
  const source = readFileSync("src/index.ts", "utf8");
  const start = source.indexOf("async function queue(");
  const end = source.indexOf("\n}\n", start);
  expect(start, "src/index.ts has no queue() handler").toBeGreaterThan(-1);
  const body = source.slice(start, end);
  return new Map(
    [...body.matchAll(/case "([^"]+)":\s*return (\w+)\(/g)].map((m) => [m[1] ?? "", m[2] ?? ""]),
  );
}

/** The kinds `bind()` of src/jobs.ts switches on. */
function dispatchedJobKinds(): string[] {
  const source = readFileSync("src/jobs.ts", "utf8");
  return [...source.matchAll(/case "([^"]+)":/g)].map((m) => m[1] ?? "").sort();
}

interface DocRow {
  queue: string;
  consumer: string;
  carries: string;
}

const architecture = () => readFileSync("docs/architecture.md", "utf8");

/** The rows of the table under "## Queues" in docs/architecture.md. */
function documentedQueues(): DocRow[] {
  const doc = architecture();
  const start = doc.indexOf("\n## Queues\n");
  expect(start, 'docs/architecture.md has no "## Queues" section').toBeGreaterThan(-1);
  const next = doc.indexOf("\n## ", start + 1);
  const section = doc.slice(start, next === -1 ? undefined : next);
  return section
    .split("\n")
    .filter((line) => /^\| `[^`]+` +\|/.test(line))
    .map((line) => {
      const [queue = "", consumer = "", carries = ""] = line
        .slice(1, -1)
        .split("|")
        .map((cell) => cell.trim());
      return {
        queue: queue.replaceAll("`", ""),
        consumer: /`(\w+)`/.exec(consumer)?.[1] ?? "",
        carries,
      };
    });
}

/** The queue names in a document's diagram of the Worker (the code block that draws it). */
function diagramQueues(path: string): string[] {
  const blocks = [...readFileSync(path, "utf8").matchAll(/```[a-z]*\n([\s\S]*?)```/g)];
  const diagram = blocks.map((m) => m[1] ?? "").find((block) => block.includes("Worker (Hono"));
  expect(diagram, `${path} has no diagram of the Worker`).toBeDefined();
  return [
    ...new Set([...(diagram ?? "").matchAll(/"(shelfwise-[a-z-]+)"/g)].map((m) => m[1] ?? "")),
  ].sort();
}

describe("the queues docs/architecture.md lists", () => {
  it("are the queues wrangler.toml consumes, in every environment", () => {
    const consumed = wranglerConsumers();
    expect(consumed.length).toBeGreaterThan(0);
    expect(wranglerConsumers("production")).toEqual(consumed);
    expect(wranglerConsumers("staging")).toEqual(
      consumed.map((q) => `${q}${STAGING_SUFFIX}`).sort(),
    );
    expect(
      documentedQueues()
        .map((row) => row.queue)
        .sort(),
    ).toEqual(consumed);
    expect(diagramQueues("docs/architecture.md")).toEqual(consumed);
    expect(diagramQueues("README.md")).toEqual(consumed);
  });

  it("are the queues src/index.ts's queue() hands to a consumer, each with that consumer", () => {
    const consumers = indexConsumers();
    expect([...consumers.keys()].sort()).toEqual(wranglerConsumers());
    expect(Object.fromEntries(documentedQueues().map((row) => [row.queue, row.consumer]))).toEqual(
      Object.fromEntries(consumers),
    );
  });

  it("carry, on the jobs queue, exactly the kinds the jobs dispatcher handles", () => {
    const kinds = dispatchedJobKinds();
    expect(kinds.length).toBeGreaterThan(0);
    const jobs = documentedQueues().find((row) => row.queue === "shelfwise-jobs");
    const documented = [...(jobs?.carries ?? "").matchAll(/`([a-z-]+)`/g)]
      .map((m) => m[1] ?? "")
      .sort();
    expect(documented).toEqual(kinds);
  });
});
