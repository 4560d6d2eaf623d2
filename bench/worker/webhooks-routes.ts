import { Hono } from "hono";
import { z } from "zod";
import { authenticate } from "../../src/platform/auth/middleware";
import { requireRole } from "../../src/platform/auth/roles";
import type { AppEnv } from "../../src/platform/context";
import { withTenant } from "../../src/platform/db";
import { AppError } from "../../src/platform/errors";
import { recordEvent } from "../../src/platform/outbox";
import { setEndpointOrdering } from "../../src/platform/webhooks/ordering";
import { relayTenant } from "../../src/platform/webhooks/relay";
import { benchOnly } from "./guard";

const backlogBody = z.object({
  count: z.number().int().min(1).max(2000),
  /** book.deleted events go to the ordered endpoints of the bench (their own subscription). */
  type: z.enum(["book.created", "book.deleted"]).default("book.created"),
  /** Distinct resources the events are about (default: one each). */
  resources: z.number().int().min(1).max(2000).optional(),
});
const orderingBody = z.object({
  endpoint_id: z.string().min(1).max(64),
  ordering: z.enum(["unordered", "per_resource"]),
});
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
    const { count, type, resources = count } = backlogBody.parse(await jsonBody(c.req.raw));
    const tenantId = c.var.principal?.tenantId ?? "";
    const now = new Date().toISOString();
    await withTenant(c.var.database, tenantId, async (scope) => {
      for (let i = 0; i < count; i++) {
        await recordEvent(scope, type, {
          id: `bok_bench${String(i % resources).padStart(17, "0")}`,
          isbn: "9780000000002",
          title: `Bench backlog ${i}`,
          authors: ["B"],
          price: { amount: 100, currency: "EUR" },
          stock: 0,
          status: "active",
          version: 1,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        });
      }
    });
    const committedAt = new Date().toISOString();
    // The same hand-off as after a product mutation: relay once the response is sent.
    c.executionCtx.waitUntil(relayTenant(c.env, tenantId).catch(() => {}));
    return c.json({ events: count, committed_at: committedAt }, 201);
  })
  // The endpoints API may not take `ordering` yet: the bench sets it directly.
  .post("/ordering", authenticate(), requireRole("admin"), async (c) => {
    const { endpoint_id, ordering } = orderingBody.parse(await jsonBody(c.req.raw));
    const tenantId = c.var.principal?.tenantId ?? "";
    const updated = await withTenant(c.var.database, tenantId, (scope) =>
      setEndpointOrdering(scope, endpoint_id, ordering),
    );
    if (!updated) throw new AppError("not_found", "No such endpoint.");
    return c.json({ endpoint_id, ordering });
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
