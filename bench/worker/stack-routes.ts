import { Hono } from "hono";
import { bookEtag } from "../../src/features/books/etag";
import { getBook } from "../../src/features/books/service";
import type { AppEnv, ServiceContext } from "../../src/platform/context";
import { openRequestDatabase, transactionPerCall } from "../../src/platform/db";
import { AppError } from "../../src/platform/errors";
import { isId } from "../../src/platform/ids";
import { benchOnly } from "./guard";

/**
 * /bench/bare: GET /v2/books/{id}'s handler with none of the /v2 stack around it (no request
 * context, authentication, tenant status, rate limit, idempotency, relay, log or analytics), the
 * tenant named in the path, for bench/scenarios/stack.mjs. Mounted before the app's middleware so
 * that none of it runs; it opens and closes its own database handle, as request context would.
 * 404 unless the Worker runs in development or test with BENCH_ROUTES = "true" (see ./guard.ts).
 */
export const bareStackRoutes = new Hono<AppEnv>()
  .use("*", benchOnly())
  .get("/tenants/:tenantId/books/:id", async (c) => {
    const { tenantId, id } = c.req.param();
    if (!isId("ten", tenantId) || !isId("book", id)) throw new AppError("not_found");
    const database = openRequestDatabase(c.env);
    try {
      const ctx: ServiceContext = {
        tenantId,
        actor: { type: "api_key", id: "bench" },
        role: "viewer",
        requestId: "bench-bare",
        database: transactionPerCall(database, tenantId),
      };
      const book = await getBook({ ctx, id });
      return c.json(book, 200, { ETag: bookEtag(book) });
    } finally {
      c.executionCtx.waitUntil(database.close().catch(() => {}));
    }
  });
