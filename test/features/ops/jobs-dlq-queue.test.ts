import { env } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";

/**
 * Through the local queues themselves (miniflare runs wrangler.toml's producers and consumers):
 * a jobs message whose batch crashes every time is retried by the platform, moved to
 * `shelfwise-jobs-dlq` after max_retries, and handed to the jobs dead-letter consumer.
 */
describe("the jobs queue's dead-letter wiring", () => {
  it("moves a message that always crashes its consumer to the jobs DLQ consumer", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
    vi.spyOn(console, "warn").mockImplementation(() => {});
    // A null body is no job at all: the jobs consumer retries it at once until the platform
    // dead-letters it (src/platform/jobs/policy.ts).
    await env.JOBS.send(null);
    const deadLettered = () =>
      lines
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.message === "job dead-lettered");
    await vi.waitFor(() => expect(deadLettered()).toBeDefined(), {
      timeout: 20_000,
      interval: 200,
    });
    // No tenant is named: logged and counted, not stored (job_failures is a tenant table).
    expect(deadLettered()).toMatchObject({
      level: "error",
      queue: "shelfwise-jobs-dlq",
      kind: "unknown",
      tenant_id: null,
      stored: false,
    });
    vi.restoreAllMocks();
  }, 30_000);
});
