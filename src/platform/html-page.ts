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
  /** The document's title, also the header's heading in the body. */
  title: string;
  /** The page's own rules, after the shared ones (BASE_STYLE). */
  style: string;
  /** The body's markup, without the script. */
  body: string;
  /** The path of the page's browser program, a static asset loaded as a module. */
  script: string;
}

/** What every page's look shares: palette, header bar, toolbar, status line, table headings. */
const BASE_STYLE = `
:root { color-scheme: light; --line: #d9dde3; --muted: #5b6470; --bad: #b42318; --warn: #a15c07; --ok: #067647; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2939; background: #f6f7f9; }
header { background: #101828; color: #fff; padding: 12px 24px; display: flex; align-items: center; gap: 16px; }
header h1 { font-size: 16px; margin: 0; font-weight: 600; }
header .spacer { flex: 1; }
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
.toolbar { display: flex; align-items: center; gap: 12px; margin-bottom: 12px; }
th { background: #f2f4f7; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
.id { color: var(--muted); font-size: 12px; font-family: ui-monospace, monospace; }
#message { min-height: 22px; margin-bottom: 8px; }
#message.error { color: var(--bad); }
#message.ok { color: var(--ok); }`;

/** The page's document; its style and script run under the response's nonce (the CSP allows nothing else). */
function htmlDocument(page: HtmlPage, nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${page.title}</title>
<style nonce="${nonce}">${BASE_STYLE}${page.style}</style>
</head>
<body>
${page.body}
<script type="module" nonce="${nonce}" src="${page.script}"></script>
</body>
</html>`;
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
    return c.html(htmlDocument(page, nonce), 200);
  });
}
