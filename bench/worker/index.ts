/**
 * The benchmark Worker: the product Worker (src/index.ts) plus the /bench comparison routes, which
 * measure a mechanism against the same work without it. Only the bench harness builds and serves
 * it (bench/lib/stack.mjs: `wrangler deploy --dry-run bench/worker/index.ts`, then `wrangler dev`
 * with the development config of wrangler.toml); `wrangler deploy` ships src/index.ts, which has
 * none of this code. Every other path goes to the product's own fetch handler unchanged.
 */
import { Hono } from "hono";
import type { Env } from "../../src/env";
import { isRawUpload } from "../../src/features/files/limits";
import product from "../../src/index";
import { bodyLimit, JSON_BODY_LIMIT_BYTES } from "../../src/platform/body-limit";
import type { AppEnv } from "../../src/platform/context";
import { handleError, notFoundHandler } from "../../src/platform/error-handler";
import { requestContext } from "../../src/platform/observability/request-context";
import { fileBenchRoutes } from "./files-routes";
import { benchLimitRoutes } from "./limits-routes";
import { bareStackRoutes } from "./stack-routes";
import { benchRoutes } from "./tenant-routes";
import { webhookBenchRoutes } from "./webhooks-routes";

export {
  EventHub,
  IdempotencyStore,
  RateLimiter,
  TrafficIndex,
} from "../../src/index";

/** /bench: the comparison routes, behind the same request context and body limit as the product's. */
function createBenchApp() {
  const bench = new Hono<AppEnv>();
  // A handler with no middleware at all, so registered first.
  bench.route("/bench/bare", bareStackRoutes);
  bench.use("*", requestContext());
  bench.use("*", bodyLimit({ maxBytes: JSON_BODY_LIMIT_BYTES, exempt: isRawUpload }));
  bench.route("/bench", benchRoutes);
  bench.route("/bench", benchLimitRoutes);
  bench.route("/bench/files", fileBenchRoutes);
  bench.route("/bench/webhooks", webhookBenchRoutes);
  bench.onError(handleError);
  bench.notFound(notFoundHandler(bench));
  return bench;
}

export const benchApp = createBenchApp();

const isBenchPath = (url: string) => /^\/bench(\/|$)/.test(new URL(url).pathname);

export default {
  ...product,
  fetch: (request: Request, env: Env, ctx: ExecutionContext) =>
    isBenchPath(request.url) ? benchApp.fetch(request, env, ctx) : product.fetch(request, env, ctx),
} satisfies ExportedHandler<Env>;
