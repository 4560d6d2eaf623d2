import { Hono } from "hono";
import { z } from "zod";
import { authenticate } from "../../src/platform/auth/middleware";
import { requireRole } from "../../src/platform/auth/roles";
import type { AppEnv } from "../../src/platform/context";
import { withTenant } from "../../src/platform/db";
import { AppError } from "../../src/platform/errors";
import { recordEvent } from "../../src/platform/outbox";
import { relayTenant } from "../../src/platform/webhooks/relay";
import { benchOnly } from "./guard";

const backlogBody = z.object({ count: z.number().int().min(1).max(2000) });
const fetchLoopBody = z.object({
  url: z.string().url(),
  count: z.number().int().min(1).max(20_000),
  concurrency: z.number().int().min(1).max(100).default(1),
  body: z.string().max(16_384).default("{}"),
});

/** The JSON body (undefined when it is not JSON); a schema's ZodError is the usual 400 problem. */
const jsonBody = (request: Request): Promise<unknown> => request.json().catch(() => undefined);

/**
 * /bench/webhooks: the two sides of the webhook benchmark. `backlog` commits many outbox events in
 * one transaction and hands them to the product's relay (so the delivery pipeline can be measured
 * without the write path bounding it); `fetch-loop` is the baseline, a plain fetch loop from the
 * same runtime to the same receiver. Development/test with BENCH_ROUTES only.
 */
export const webhookBenchRoutes = new Hono<AppEnv>()
  .use("*", benchOnly())
  .post("/backlog", authenticate(), requireRole("admin"), async (c) => {
    const { count } = backlogBody.parse(await jsonBody(c.req.raw));
    const tenantId = c.var.principal?.tenantId ?? "";
    await withTenant(c.var.database, tenantId, async (scope) => {
      for (let i = 0; i < count; i++) {
        await recordEvent(scope, "book.created", {
          id: `bok_bench${String(i).padStart(17, "0")}`,
          isbn: "9780000000002",
          title: `Bench backlog ${i}`,
          authors: ["B"],
          price: { amount: 100, currency: "EUR" },
          stock: 0,
        });
      }
    });
    const committedAt = new Date().toISOString();
    // The same hand-off as after a product mutation: relay once the response is sent.
    c.executionCtx.waitUntil(relayTenant(c.env, tenantId).catch(() => {}));
    return c.json({ events: count, committed_at: committedAt }, 201);
  })
  .post("/fetch-loop", async (c) => {
    const { url, count, concurrency, body } = fetchLoopBody.parse(await jsonBody(c.req.raw));
    const target = new URL(url);
    // A loop to anywhere would be an open proxy, even in development: loopback only.
    if (target.protocol !== "http:" || !["127.0.0.1", "localhost"].includes(target.hostname)) {
      throw new AppError("validation_failed", "The fetch loop only targets http://127.0.0.1.");
    }
    let next = 0;
    let failed = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < count) {
          const response = await fetch(target, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body,
          });
          await response.arrayBuffer();
          if (!response.ok) failed++;
        }
      }),
    );
    const ms = performance.now() - started;
    return c.json({ count, failed, ms: Math.round(ms), per_second: count / (ms / 1000) });
  });
