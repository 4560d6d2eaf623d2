import { htmlPageRoutes } from "../../platform/html-page";
import { opsStreamRoutes } from "./stream";

/** The browser program, a static asset (public/ops/console.js, wrangler.toml `[assets]`). */
const CONSOLE_SCRIPT_PATH = "/ops/console.js";

const STYLE = `
main, #signin { max-width: 1180px; margin: 24px auto; padding: 0 24px; }
#signin { max-width: 420px; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 24px; }
#signin label { display: block; font-weight: 600; margin-bottom: 6px; }
#signin p { color: var(--muted); margin-top: 0; }
input, select, button { font: inherit; }
input[type=password] { width: 100%; padding: 8px; border: 1px solid var(--line); border-radius: 6px; margin-bottom: 12px; }
button { padding: 6px 12px; border: 1px solid #98a2b3; background: #fff; border-radius: 6px; cursor: pointer; }
button.danger { border-color: var(--bad); color: var(--bad); }
button.link { border: 0; padding: 0; background: none; color: #1d4ed8; font-weight: 600; text-align: left; }
.toolbar .spacer { flex: 1; }
#updated { color: var(--muted); }
#live.ok { color: var(--ok); font-weight: 600; }
#live.warn { color: var(--warn); font-weight: 600; }
.figure.warn .value { color: var(--warn); }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
th, td { padding: 8px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.selected { background: #eef4ff; }
.bad { color: var(--bad); font-weight: 600; }
.warn { color: var(--warn); font-weight: 600; }
.status-suspended { color: var(--bad); font-weight: 600; }
#detail { margin-top: 24px; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; }
#detail h2 { margin: 0; font-size: 18px; }
.figures { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin: 16px 0; }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 10px; }
.figure .value { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
.figure .label { color: var(--muted); font-size: 12px; }
.actions { display: flex; gap: 8px; margin-top: 8px; }
h3 { font-size: 14px; margin: 16px 0 8px; }
#health { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 20px; margin-bottom: 16px; }
#health h2 { margin: 0 0 8px; font-size: 16px; }
#health-alerts { margin: 0 0 8px; padding-left: 20px; }
#health-alerts li.page { color: var(--bad); font-weight: 600; }
#health-alerts li.ticket { color: var(--warn); font-weight: 600; }
#health-alerts li.none { color: var(--ok); list-style: none; margin-left: -20px; }
.health-row { display: flex; gap: 24px; flex-wrap: wrap; color: var(--muted); margin-bottom: 8px; }
.charts { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; margin: 8px 0 16px; }
.chart { border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
.chart .label { color: var(--muted); font-size: 12px; }
.chart .value { font-weight: 600; font-variant-numeric: tabular-nums; }
.chart svg { display: block; width: 100%; height: 48px; }
`;

/** The page's body (the shared document around it: `htmlPageRoutes`). */
const BODY = `<header><h1>Shelfwise Edge · Ops console</h1><span class="spacer"></span><button id="signout" type="button">Sign out</button></header>
<form id="signin" hidden autocomplete="off">
  <p>Operators only. The token stays in this browser tab (sessionStorage) and is sent only to this API.</p>
  <label for="token">Operator token</label>
  <input id="token" name="token" type="password" autocomplete="off" required>
  <button class="primary" type="submit">Sign in</button>
</form>
<main id="main" hidden>
  <div class="toolbar">
    <label for="window">Window</label>
    <select id="window">
      <option value="5m">5 minutes</option><option value="15m">15 minutes</option>
      <option value="1h" selected>1 hour</option><option value="6h">6 hours</option>
      <option value="24h">24 hours</option>
    </select>
    <button id="refresh" type="button">Refresh</button>
    <span class="spacer"></span><span id="live" role="status"></span><span id="updated"></span>
  </div>
  <div id="message" role="status"></div>
  <section id="health" hidden>
    <h2>Platform health</h2>
    <ul id="health-alerts"></ul>
    <div id="health-relay" class="health-row"></div>
    <table>
      <thead><tr><th>Cron job</th><th>Schedule</th><th>Last success</th><th class="num">Failures in a row</th><th>Last error</th></tr></thead>
      <tbody id="health-crons"></tbody>
    </table>
  </section>
  <table id="tenants">
    <thead><tr>
      <th>Tenant</th><th>Status</th><th>Plan</th><th class="num">Req / min</th><th class="num">Requests</th>
      <th class="num">5xx rate</th><th class="num">429s</th><th class="num">Webhook backlog</th><th class="num">Failed deliveries</th>
    </tr></thead>
    <tbody id="tenants-body"></tbody>
  </table>
  <section id="detail" hidden>
    <h2 id="detail-name"></h2>
    <div id="detail-id" class="id"></div>
    <div id="detail-notes"></div>
    <div id="detail-figures" class="figures"></div>
    <h3>Live stream (event hub)</h3>
    <div id="detail-live" class="figures"></div>
    <h3>Last hour, per minute</h3>
    <div id="detail-charts" class="charts"></div>
    <div class="actions">
      <button id="suspend" class="danger" type="button">Suspend tenant</button>
      <button id="resume" class="primary" type="button">Resume tenant</button>
      <button id="pause-webhooks" type="button" hidden>Pause webhooks</button>
      <button id="resume-webhooks" class="primary" type="button" hidden>Resume webhooks</button>
    </div>
    <h3>Webhook endpoints</h3>
    <table>
      <thead><tr><th>Endpoint</th><th>Status</th><th class="num">Pending</th><th class="num">Held</th><th class="num">Failed</th><th></th></tr></thead>
      <tbody id="endpoints-body"></tbody>
    </table>
  </section>
</main>`;

/**
 * /ops: the operators' console page (no data in it: every figure is fetched with the token), and
 * /ops/stream, the live reports it listens to (features/ops/stream.ts).
 */
export const opsConsoleRoutes = htmlPageRoutes({
  tag: "ops",
  operationId: "getOpsConsole",
  summary: "Ops console (HTML page for operators)",
  description:
    "The operators' console: served without a credential and with no data in it; the page asks for the operator token and calls /admin/ops with it. Its CSP runs only the page's own nonced style and script (/ops/console.js) and connects only to this origin.",
  defaultSrc: "'none'",
  title: "Shelfwise Edge · Ops console",
  style: STYLE,
  body: BODY,
  script: CONSOLE_SCRIPT_PATH,
}).route("/stream", opsStreamRoutes);
