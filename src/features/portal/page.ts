import { htmlPageRoutes } from "../../platform/html-page";

/** The browser program, a static asset (public/portal/portal.js, wrangler.toml `[assets]`). */
export const PORTAL_SCRIPT_PATH = "/portal/portal.js";

const STYLE = `
:root { color-scheme: light; --line: #d9dde3; --muted: #5b6470; --bad: #b42318; --ok: #067647; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2939; background: #f6f7f9; }
header { background: #101828; color: #fff; padding: 12px 24px; display: flex; align-items: center; gap: 16px; }
header h1 { font-size: 16px; margin: 0; font-weight: 600; }
header .spacer { flex: 1; }
#expires { color: #d0d5dd; }
main { max-width: 1180px; margin: 24px auto; padding: 0 24px; }
button { font: inherit; padding: 5px 10px; border: 1px solid #98a2b3; background: #fff; border-radius: 6px; cursor: pointer; }
button.primary { background: #1d4ed8; border-color: #1d4ed8; color: #fff; }
button:disabled { opacity: .5; cursor: default; }
.toolbar { display: flex; align-items: center; gap: 12px; margin-bottom: 12px; }
#message { min-height: 22px; margin-bottom: 8px; }
#message.error { color: var(--bad); }
#message.ok { color: var(--ok); }
section.endpoint { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin-bottom: 20px; }
section.endpoint h2 { font-size: 15px; margin: 0 0 4px; word-break: break-all; }
.meta { display: flex; flex-wrap: wrap; gap: 16px; color: var(--muted); margin-bottom: 10px; }
.id { color: var(--muted); font-size: 12px; font-family: ui-monospace, monospace; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #f2f4f7; font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { margin: 0; max-width: 420px; max-height: 6em; overflow: auto; white-space: pre-wrap; word-break: break-all; font-size: 12px; }
.status-suspended, .status-disabled, .failed { color: var(--bad); font-weight: 600; }
.status-active, .delivered { color: var(--ok); font-weight: 600; }
.empty { color: var(--muted); }
`;

/** The portal page; its style and script run under a per-response nonce (CSP allows nothing else). */
function page(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>Shelfwise Edge · Webhook deliveries</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header><h1>Shelfwise Edge · Webhook deliveries</h1><span class="spacer"></span><span id="expires"></span><button id="signout" type="button">Close session</button></header>
<main>
  <div class="toolbar"><button id="refresh" type="button" disabled>Refresh</button></div>
  <div id="message" role="status"></div>
  <div id="endpoints"></div>
</main>
<script type="module" nonce="${nonce}" src="${PORTAL_SCRIPT_PATH}"></script>
</body>
</html>`;
}

/** /portal: the webhook delivery portal page (every figure is fetched with the portal token). */
export const portalPageRoutes = htmlPageRoutes({
  tag: "webhooks",
  operationId: "getWebhookPortal",
  summary: "Webhook delivery portal (HTML page for a tenant's staff)",
  description:
    "The webhook delivery portal: served without a credential and with no data in it. The page reads a portal token (POST /v2/portal-tokens) from its URL fragment (#token=…), keeps it in the tab's sessionStorage and calls the API with it. Its CSP runs only the page's own nonced style and script (/portal/portal.js) and connects only to this origin.",
  defaultSrc: "'self'",
  render: page,
});
