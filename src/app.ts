import { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import { NONCE, secureHeaders } from "hono/secure-headers";
import { getConfig } from "./env";
import { apiKeyRoutes } from "./features/api-keys/routes";
import { auditLogRoutes } from "./features/audit-log/routes";
import { bookImportRoutes, isBookImportUpload } from "./features/books/imports/routes";
import { bookRoutes } from "./features/books/routes";
import { v1BookRoutes } from "./features/books/v1-routes";
import { eventFeedRoutes, streamTicketRoutes } from "./features/events/feed-routes";
import { eventRoutes } from "./features/events/routes";
import { eventStreamRoutes } from "./features/events/stream";
import { eventTypeRoutes } from "./features/events/types-routes";
import { tenantExportRoutes } from "./features/exports/routes";
import { signedDownloadRoutes } from "./features/files/download-routes";
import { isRawUpload } from "./features/files/limits";
import { fileRoutes } from "./features/files/routes";
import { graphqlRoutes } from "./features/graphql/routes";
import { healthRoutes } from "./features/health/routes";
import { indexRoutes } from "./features/index/routes";
import { opsConsoleRoutes } from "./features/ops/console";
import { opsRoutes } from "./features/ops/routes";
import { orderRoutes } from "./features/orders/routes";
import { v1OrderRoutes } from "./features/orders/v1-routes";
import { portalPageRoutes } from "./features/portal/page";
import { portalTokenRoutes } from "./features/portal/routes";
import { adminTenantLifecycleRoutes } from "./features/tenant-lifecycle/admin-routes";
import { adminTenantRoutes } from "./features/tenants/admin-routes";
import { ownTenantRoutes } from "./features/tenants/routes";
import { eventResendRoutes } from "./features/webhooks/events-routes";
import { webhookEndpointRoutes } from "./features/webhooks/routes";
import { authenticate } from "./platform/auth/middleware";
import { operatorAuth } from "./platform/auth/operator";
import { bodyLimit, JSON_BODY_LIMIT_BYTES } from "./platform/body-limit";
import type { AppEnv } from "./platform/context";
import { handleError, notFoundHandler } from "./platform/error-handler";
import { requestContext } from "./platform/observability/request-context";
import { createRouter, documentObject, registerEventWebhooks } from "./platform/openapi";
import { rateLimit } from "./platform/rate-limit/middleware";
import { deprecation } from "./platform/versioning";
import { relayAfterCommit } from "./platform/webhooks/relay";

/** Requests whose body streams to R2 (file uploads, book imports): no JSON body limit, never read whole. */
const isStreamedBody = (method: string, path: string) =>
  isRawUpload(method, path) || isBookImportUpload(method, path);

/**
 * The middleware of a tenant request (/v2, /v1), in the order it runs. Declared here once, step
 * by step; steps 5 to 7 are each route's own (its `middleware` in its route definition).
 *
 * 1. body limit (`createApp`, every area): an oversized body is refused (413) before any
 *    database lookup; the streamed uploads (`isStreamedBody`) are exempt and limited per plan.
 * 2. authenticate: the credential, its tenant and their status (401, 403 tenant_suspended).
 * 3. rate limit (Durable Object): per tenant and per credential (429).
 * 4. webhook relay (`relayAfterCommit`): wraps the route, so its code after `next()` sees the
 *    request's final answer: the route's transaction committed (or rolled back), and a replay or
 *    a lost claim's recorded answer in place of the handler's. Only for a success does it add the
 *    outbox relay as an after-response task on the request's own database handle. It needs the
 *    tenant, so it comes after authenticate; inside the route it would add its task before the
 *    commit, for a request that may still roll back.
 * 5. route: `requireRole(role)`, a plain role check (401, 403) before the body is validated.
 * 6. route: `idempotent()` on every keyed write (POST, PATCH, DELETE documenting Idempotency-Key),
 *    after the role check, so nothing is replayed or stored for a credential that may not write;
 *    `test/platform/idempotency/idempotency-routes.test.ts` holds every route to this.
 * 7. route: validation (400), then the handler.
 */
function tenantMiddleware(router: ReturnType<typeof createRouter>) {
  router.use("*", authenticate()); // 2
  router.use("*", rateLimit()); // 3
  router.use("*", relayAfterCommit()); // 4
  return router;
}

/** /v2: authenticated tenant routes. */
function v2Routes() {
  const v2 = tenantMiddleware(createRouter());
  return v2
    .route("/tenant", ownTenantRoutes)
    .route("/tenant", tenantExportRoutes)
    .route("/files", fileRoutes)
    .route("/api-keys", apiKeyRoutes)
    .route("/audit-log", auditLogRoutes)
    .route("/books/imports", bookImportRoutes)
    .route("/books", bookRoutes)
    .route("/orders", orderRoutes)
    .route("/graphql", graphqlRoutes)
    .route("/events", eventFeedRoutes)
    .route("/events", eventRoutes)
    .route("/events", eventResendRoutes)
    .route("/event-types", eventTypeRoutes)
    .route("/webhook-endpoints", webhookEndpointRoutes)
    .route("/portal-tokens", portalTokenRoutes)
    .route("/stream-tickets", streamTicketRoutes);
}

/**
 * /v1 (deprecated): the same services as /v2 behind a representation translation. Every
 * response, errors included, carries Deprecation, Sunset and a deprecation Link, so the
 * deprecation middleware comes first; the rest is v2's (`tenantMiddleware`).
 */
function v1Routes() {
  const v1 = createRouter();
  v1.use(
    "*",
    deprecation({
      deprecatedAt: new Date("2026-11-01T00:00:00Z"),
      sunsetAt: new Date("2027-06-30T00:00:00Z"),
      link: (env) => `${env.DOCS_URL}/migrating-from-v1`,
    }),
  );
  tenantMiddleware(v1);
  return v1.route("/books", v1BookRoutes).route("/orders", v1OrderRoutes);
}

/** /admin: operator routes (operator token; exempt from tenant rate limits). */
function adminRoutes() {
  const admin = createRouter();
  admin.use("*", operatorAuth());
  return admin
    .route("/tenants", adminTenantRoutes)
    .route("/tenants", adminTenantLifecycleRoutes)
    .route("/ops", opsRoutes);
}

/**
 * The reference's script at /docs: @scalar/api-reference's standalone bundle, served by this Worker
 * as a static asset (public/docs/, wrangler.toml `[assets]`); no third-party origin is involved.
 */
export const API_REFERENCE_SCRIPT_PATH = "/docs/scalar-api-reference-1.72.1.js";

/**
 * /docs's security headers: scripts, styles, fonts, images and requests from this origin only, no
 * framing, no referrer. Scripts: the reference's file and the page's start-up script (nonced).
 * Styles: the reference's components set inline styles and add style elements without the nonce,
 * so inline styles are allowed (a nonce in style-src would switch that off); they can load nothing,
 * since every fetch, image and font stays on this origin.
 */
const docsHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", NONCE],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'", "data:"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
  },
  referrerPolicy: "no-referrer",
  xFrameOptions: "DENY",
});

/**
 * Builds the Hono app. Order matters: request context first (request id, db handle, timing,
 * log line), then each area's own middleware (authentication, …) inside its router, then the
 * one error handler and the 404/405 handler.
 */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>();
  app.use("*", requestContext());
  // Step 1 of a tenant request (see tenantMiddleware), before every area's authentication: an
  // oversized body is refused before any database lookup.
  app.use("*", bodyLimit({ maxBytes: JSON_BODY_LIMIT_BYTES, exempt: isStreamedBody }));

  const routes = app
    // The bare origin: name, version and links to the reference (no credential).
    .route("/", indexRoutes)
    .route("/health", healthRoutes)
    // Before /v2: a browser's ticket stands in for the credential (features/events/stream.ts).
    .route("/v2/events/stream", eventStreamRoutes)
    .route("/v2", v2Routes())
    .route("/v1", v1Routes())
    .route("/admin", adminRoutes())
    // The operators' console page; its data comes from /admin/ops with the operator token.
    .route("/ops", opsConsoleRoutes)
    // The tenant's webhook delivery portal page; its data comes from /v2 with a portal token.
    .route("/portal", portalPageRoutes)
    // Signed download URLs: the signature is the credential, so no authenticate() here.
    .route("/downloads", signedDownloadRoutes);

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description:
      "API key (sk_live_…/sk_test_…), a JWT from the tenant's own IdP, or a portal token (POST /v2/portal-tokens; the webhook portal's operations only)",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "streamTicket", {
    type: "apiKey",
    in: "query",
    name: "ticket",
    description:
      "A single-use ticket (valid 60 s) from POST /v2/stream-tickets for GET /v2/events/stream, or from POST /admin/ops/stream-tickets for GET /ops/stream: how a browser, which cannot send Authorization on a WebSocket or EventSource, opens a stream",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "operator", {
    type: "http",
    scheme: "bearer",
    description:
      "An identity token from the operators' OIDC provider (OPERATOR_OIDC_*; a second factor in amr, a role in shelfwise_operator_role), or the static operator token (a Worker secret; break-glass once a provider is configured)",
  });
  // Every event type under the document's `webhooks`, from the catalog's schemas.
  registerEventWebhooks(app);
  // The configured origin, never the request's Host: a forged Host would name another server.
  app.doc31("/openapi.json", (c) => documentObject(getConfig(c.env).PUBLIC_BASE_URL));
  app.get(
    "/docs",
    docsHeaders,
    Scalar((c) => ({
      url: "/openapi.json",
      pageTitle: "Shelfwise Edge API",
      // The reference's script is a static asset of this Worker, not a CDN's.
      cdn: API_REFERENCE_SCRIPT_PATH,
      nonce: c.get("secureHeadersNonce"),
      // Nothing that would reach another origin: no font CDN, no telemetry, no hosted AI agent or
      // MCP generator, no developer toolbar (its actions publish the document elsewhere).
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      showDeveloperTools: "never",
    })),
  );

  app.onError(handleError);
  app.notFound(notFoundHandler(app));
  return routes;
}

export const app = createApp();
/** The app's type, for typed clients: `hc<AppType>(baseUrl)` from `hono/client`. */
export type AppType = typeof app;
