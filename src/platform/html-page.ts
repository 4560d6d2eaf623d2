import { createRoute, z } from "@hono/zod-openapi";
import { NONCE, secureHeaders } from "hono/secure-headers";
import {
  createRouter,
  headersFor,
  PayloadTooLargeProblemSchema,
  problemFor,
  publicSecurity,
} from "./openapi";

/** A page the Worker serves itself (the ops console, the webhook portal): no data in it. */
export interface HtmlPage {
  tag: string;
  operationId: string;
  summary: string;
  description: string;
  /** The CSP's default source: `'none'`, or `'self'` for a page that may load same-origin media. */
  defaultSrc: "'none'" | "'self'";
  /** The page's HTML, given the response's CSP nonce for its style and script. */
  render: (nonce: string) => string;
}

/**
 * The page's route: served without a credential, never cached. Its security headers: a CSP that
 * runs only the nonced style and script and talks only to this origin, no plugins, forms, framing
 * or referrer, and hono's other defaults.
 */
export function htmlPageRoutes(page: HtmlPage) {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: [page.defaultSrc],
      scriptSrc: [NONCE],
      styleSrc: [NONCE],
      connectSrc: ["'self'"],
      imgSrc: ["data:"],
      objectSrc: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy: "no-referrer",
    xFrameOptions: "DENY",
  });
  const route = createRoute({
    method: "get",
    path: "/",
    tags: [page.tag],
    security: publicSecurity,
    operationId: page.operationId,
    summary: page.summary,
    description: page.description,
    middleware: [headers] as const,
    responses: {
      200: {
        description: "The page",
        headers: headersFor("public"),
        content: { "text/html": { schema: z.string() } },
      },
      // Like any route: a body over 1 MiB is refused before routing. No database is involved.
      413: problemFor("public", "A request body over 1 MiB (payload_too_large)", {
        schema: PayloadTooLargeProblemSchema,
      }),
      500: problemFor("public", "Internal error (internal; no details are disclosed)"),
    },
  });
  return createRouter().openapi(route, (c) => {
    const nonce = c.get("secureHeadersNonce");
    if (!nonce) throw new Error("secureHeaders() set no nonce");
    c.header("cache-control", "no-store");
    return c.html(page.render(nonce), 200);
  });
}
