import { htmlPageRoutes } from "../../platform/html-page";
import { portalStreamRoutes } from "./stream";

/** The browser program, a static asset (public/portal/portal.js, wrangler.toml `[assets]`). */
const PORTAL_SCRIPT_PATH = "/portal/portal.js";

const STYLE = `
#expires { color: #d0d5dd; }
main { max-width: 1180px; margin: 24px auto; padding: 0 24px; }
button { font: inherit; padding: 5px 10px; border: 1px solid #98a2b3; background: #fff; border-radius: 6px; cursor: pointer; }
button:disabled { opacity: .5; cursor: default; }
section.endpoint { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin-bottom: 20px; }
section.endpoint h2 { font-size: 15px; margin: 0 0 4px; word-break: break-all; }
.meta { display: flex; flex-wrap: wrap; gap: 16px; color: var(--muted); margin-bottom: 10px; }
table { width: 100%; border-collapse: collapse; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { margin: 0; max-width: 420px; max-height: 6em; overflow: auto; white-space: pre-wrap; word-break: break-all; font-size: 12px; }
.status-suspended, .status-disabled, .failed { color: var(--bad); font-weight: 600; }
.status-active, .delivered { color: var(--ok); font-weight: 600; }
.empty { color: var(--muted); }
.live { font-size: 13px; color: var(--muted); }
.live.on { color: var(--ok); font-weight: 600; }
.live.on::before { content: "● "; }
.live.off { color: var(--bad); }
tr.fresh td { background: #fef7c3; }
`;

/** The page's body (the shared document around it: `htmlPageRoutes`). */
const BODY = `<header><h1>Shelfwise Edge · Webhook deliveries</h1><span class="spacer"></span><span id="expires"></span><button id="signout" type="button">Close session</button></header>
<main>
  <div class="toolbar"><button id="refresh" type="button" disabled>Refresh</button><span id="live" class="live" role="status" title="New delivery attempts appear as they happen"></span></div>
  <div id="message" role="status"></div>
  <div id="endpoints"></div>
</main>`;

/** /portal: the webhook delivery portal page (every figure is fetched with the portal token). */
export const portalPageRoutes = htmlPageRoutes({
  tag: "webhooks",
  operationId: "getWebhookPortal",
  summary: "Webhook delivery portal (HTML page for a tenant's staff)",
  description:
    "The webhook delivery portal: served without a credential and with no data in it. The page reads a portal token (POST /v2/portal-tokens) from its URL fragment (#token=…), keeps it in the tab's sessionStorage and calls the API with it. Its CSP runs only the page's own nonced style and script (/portal/portal.js) and connects only to this origin.",
  defaultSrc: "'self'",
  title: "Shelfwise Edge · Webhook deliveries",
  style: STYLE,
  body: BODY,
  script: PORTAL_SCRIPT_PATH,
}).route("/stream", portalStreamRoutes);
