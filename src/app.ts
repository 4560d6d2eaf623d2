import { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import { healthRoutes } from "./features/health/routes";
import type { AppEnv } from "./platform/context";
import { handleError, notFoundHandler } from "./platform/error-handler";
import { requestContext } from "./platform/observability/request-context";

/**
 * Builds the Hono app. Order matters: request context first (request id, db handle, timing,
 * log line), then per-area middleware inside each mounted router, then the one error handler.
 */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>();
  app.use("*", requestContext());

  const routes = app.route("/health", healthRoutes);

  app.doc31("/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: {
      title: "Shelfwise Edge API",
      version: "2.0.0",
      description:
        "Multi-tenant catalog, orders, files and webhooks for bookshops and distributors.",
    },
    servers: [{ url: new URL(c.req.url).origin }],
  }));
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "API key (sk_live_…/sk_test_…) or a JWT from the tenant's own IdP",
  });
  app.get("/docs", Scalar({ url: "/openapi.json", pageTitle: "Shelfwise Edge API" }));

  app.onError(handleError);
  app.notFound(notFoundHandler(app));
  return routes;
}

export const app = createApp();
/** The app's type, for typed clients: `hc<AppType>(baseUrl)` from `hono/client`. */
export type AppType = typeof app;
