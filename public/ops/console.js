// @ts-check
/**
 * The ops console's browser program (plain ES2020, no build step), loaded by the page GET /ops
 * serves (src/features/ops/console.ts) under its Content-Security-Policy nonce. It only ever
 * writes data with textContent (tenant names and URLs are never parsed as HTML), keeps the
 * operator token in sessionStorage (this tab only, gone when it closes, never in a URL) and calls
 * the ops API with it. Type-checked against the DOM by `npm run check` (tsconfig.console.json).
 *
 * It does not poll: it listens to GET /ops/stream (server-sent events, opened with a single-use
 * ticket from POST /admin/ops/stream-tickets) and reloads only what a report names: that tenant's
 * row, and its detail when it is the one shown. A `reset` (first connect, or a resume the server
 * cannot serve) reloads everything. When the stream drops it reconnects with a new ticket and the
 * last report's id, so nothing in between is missed (docs/live-updates.md).
 */

/**
 * @typedef {{ id: string, name: string, status: string, plan: string,
 *   status_reason?: string | null,
 *   webhooks_paused?: { since: string, reason: string } | null }} Tenant
 * @typedef {{ backlog: number, failed: number }} WebhookFigures
 * @typedef {{ tenant: Tenant, requests_per_minute: number, requests: number, error_rate: number,
 *   rate_limited: number, webhooks: WebhookFigures }} TenantRow
 * @typedef {{ data: TenantRow[], generated_at: string, source: string }} TenantList
 * @typedef {{ id: string, url: string, status: string, status_reason?: string | null,
 *   pending: number, held: number, failed: number }} Endpoint
 * @typedef {TenantRow & { rate_limit: { used: number, limit: number } | null,
 *   endpoints: Endpoint[] }} TenantDetail
 * @typedef {{ redelivered: number, has_more: boolean }} Recovery
 * @typedef {{ rule: string, severity: string, summary: string }} Alert
 * @typedef {{ job: string, cron: string, last_succeeded_at: string | null,
 *   consecutive_failures: number, last_error: string | null, overdue: boolean }} CronRun
 * @typedef {{ undispatched: number, oldest_undispatched_seconds: number | null,
 *   lag_p50_seconds: number | null, lag_p99_seconds: number | null }} RelayHealth
 * @typedef {{ relay: RelayHealth, jobs: { backlog: number, failures: number },
 *   crons: CronRun[], alerts: Alert[] }} Health
 * @typedef {{ minutes: number, series: Record<string, Array<number | null>> }} Series
 * @typedef {{ open_connections: number, connections: number, messages_pushed: number,
 *   slow_consumer_closes: number, wake_ups: number, log_position: number,
 *   lag_events: number }} LiveFigures
 * @typedef {{ id: string, type: string, tenant_id: string, open_connections: number,
 *   messages_pushed: number, slow_consumer_closes: number, wake_ups: number }} HubReport
 */

const KEY = "shelfwise.ops.token";
/** @type {string | null} */
let selected = null;
/** @type {EventSource | null} */
let stream = null;
/** The id of the last report received: where a reconnect resumes. */
let lastReport = "";
/** @type {ReturnType<typeof setTimeout> | null} */
let reconnectTimer = null;
let reconnectDelay = 1000;
/** Tenants named by reports, reloaded together a moment later (a burst is one reload each). */
const dueTenants = new Set();
/** @type {ReturnType<typeof setTimeout> | null} */
let dueTimer = null;
let healthDue = 0;

/**
 * The page's element with this id (the page and this program ship together).
 * @param {string} id
 * @returns {HTMLElement}
 */
function $(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the console page has no #${id}`);
  return node;
}
/** @param {string} id */
const input = (id) => /** @type {HTMLInputElement | HTMLSelectElement} */ ($(id));

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {unknown} [text]
 * @param {string} [cls]
 * @returns {HTMLElementTagNameMap[K]}
 */
function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}
/** @param {number} x */
const pct = (x) => `${(x * 100).toFixed(x > 0 && x < 0.001 ? 3 : 1)} %`;

/**
 * @param {string} message
 * @param {string} [kind]
 */
function say(message, kind) {
  const box = $("message");
  box.textContent = message || "";
  box.className = kind || "";
}

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/**
 * @param {string} path
 * @param {RequestInit} [init]
 * @returns {Promise<any>}
 */
async function api(path, init) {
  const token = sessionStorage.getItem(KEY);
  /** @type {Record<string, string>} */
  const headers = { authorization: `Bearer ${token}` };
  if (init?.body) headers["content-type"] = "application/json";
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401) {
    signOut("The operator token was refused.");
    throw new Error("unauthenticated");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || body.title || `HTTP ${response.status}`);
  return body;
}

/** @param {boolean} signedIn */
function showSignedIn(signedIn) {
  $("signin").hidden = signedIn;
  $("main").hidden = !signedIn;
  $("signout").hidden = !signedIn;
}

/** @param {string} [reason] */
function signOut(reason) {
  sessionStorage.removeItem(KEY);
  stopStream();
  selected = null;
  showSignedIn(false);
  say(reason || "", reason ? "error" : "");
}

async function refresh() {
  const windowValue = input("window").value;
  try {
    /** @type {TenantList} */
    const list = await api(`/admin/ops/tenants?window=${encodeURIComponent(windowValue)}`);
    renderTable(list);
    await refreshHealth();
    if (selected) await showTenant(selected);
    $("updated").textContent =
      `Updated ${new Date(list.generated_at).toLocaleTimeString()} · source: ${list.source}`;
  } catch (error) {
    const message = messageOf(error);
    if (message !== "unauthenticated") say(`Could not load the figures: ${message}`, "error");
  }
}

/** @param {TenantList} list */
function renderTable(list) {
  const body = $("tenants-body");
  body.replaceChildren();
  if (list.data.length === 0) {
    const row = el("tr");
    const cell = el("td", "No tenants yet.");
    cell.colSpan = 9;
    row.append(cell);
    body.append(row);
  }
  for (const t of list.data) body.append(tenantRow(t));
}

/**
 * One tenant's row in the table.
 * @param {TenantRow} t
 */
function tenantRow(t) {
  const row = el("tr");
  row.dataset.tenant = t.tenant.id;
  if (t.tenant.id === selected) row.className = "selected";
  const name = el("td");
  const button = el("button", t.tenant.name, "link");
  button.addEventListener("click", () => showTenant(t.tenant.id));
  name.append(button, el("div", t.tenant.id, "id"));
  row.append(
    name,
    el("td", t.tenant.status, `status-${t.tenant.status}`),
    el("td", t.tenant.plan),
    el("td", t.requests_per_minute, "num"),
    el("td", t.requests, "num"),
    el("td", pct(t.error_rate), `num${t.error_rate > 0.05 ? " bad" : ""}`),
    el("td", t.rate_limited, `num${t.rate_limited > 0 ? " warn" : ""}`),
    el("td", t.webhooks.backlog, `num${t.webhooks.backlog > 100 ? " bad" : ""}`),
    el("td", t.webhooks.failed, `num${t.webhooks.failed > 0 ? " warn" : ""}`),
  );
  return row;
}

/**
 * @param {string} label
 * @param {unknown} value
 */
function figure(label, value) {
  const box = el("div", null, "figure");
  box.append(el("div", value, "value"), el("div", label, "label"));
  return box;
}

/** @param {string} id */
async function showTenant(id) {
  selected = id;
  for (const row of document.querySelectorAll("#tenants-body tr")) {
    if (row instanceof HTMLElement) row.classList.toggle("selected", row.dataset.tenant === id);
  }
  /** @type {TenantDetail} */
  const t = await api(`/admin/ops/tenants/${id}?window=${input("window").value}`);
  const panel = $("detail");
  panel.hidden = false;
  panel.dataset.tenant = id;
  $("detail-name").textContent = `${t.tenant.name} (${t.tenant.status})`;
  $("detail-id").textContent = `${t.tenant.id} · plan ${t.tenant.plan}`;
  const figures = $("detail-figures");
  figures.replaceChildren(
    figure("requests / min", t.requests_per_minute),
    figure("5xx rate", pct(t.error_rate)),
    figure("429s", t.rate_limited),
    figure("webhook backlog", t.webhooks.backlog),
    figure("failed deliveries", t.webhooks.failed),
    figure(
      "hourly limit used",
      t.rate_limit ? `${t.rate_limit.used} / ${t.rate_limit.limit}` : "n/a",
    ),
  );
  await Promise.all([showCharts(id), showLive(id)]);
  const suspended = t.tenant.status === "suspended";
  $("suspend").hidden = suspended;
  $("resume").hidden = !suspended;
  showOperatorNotes(t.tenant);
  const body = $("endpoints-body");
  body.replaceChildren();
  if (t.endpoints.length === 0) {
    const row = el("tr");
    const cell = el("td", "No webhook endpoints.");
    cell.colSpan = 6;
    row.append(cell);
    body.append(row);
  }
  for (const e of t.endpoints) {
    const row = el("tr");
    const action = el("td");
    if (e.status !== "disabled" && (e.status === "suspended" || e.failed > 0 || e.held > 0)) {
      const recover = el("button", "Recover");
      recover.addEventListener("click", () => recoverEndpoint(id, e.id));
      action.append(recover);
    }
    const url = el("td");
    url.append(el("div", e.url), el("div", e.id, "id"));
    row.append(
      url,
      el("td", e.status + (e.status_reason ? ` (${e.status_reason})` : "")),
      el("td", e.pending, "num"),
      el("td", e.held, "num"),
      el("td", e.failed, "num"),
      action,
    );
    body.append(row);
  }
}

/**
 * Why the tenant is suspended and whether its webhooks are paused, with the matching button.
 * @param {Tenant} tenant
 */
function showOperatorNotes(tenant) {
  const notes = $("detail-notes");
  notes.replaceChildren();
  if (tenant.status_reason) {
    notes.append(el("div", `Reason: ${tenant.status_reason}`, "status-reason"));
  }
  const paused = tenant.webhooks_paused;
  if (paused) {
    const since = new Date(paused.since).toLocaleString();
    notes.append(el("div", `Webhooks paused since ${since}: ${paused.reason}`, "webhooks-paused"));
  }
  $("pause-webhooks").hidden = Boolean(paused);
  $("resume-webhooks").hidden = !paused;
}

/**
 * Asks the operator why (recorded in the audit log); null when cancelled.
 * @param {string} question
 */
function askReason(question) {
  const answer = prompt(`${question}\nReason (recorded in the audit log):`, "");
  return answer === null ? null : answer.trim();
}

/** @param {"pause" | "resume"} verb */
async function webhooksAction(verb) {
  const id = selected;
  if (!id) return;
  /** @type {RequestInit} */
  const init = { method: "POST" };
  if (verb === "pause") {
    const reason = askReason("Pause this tenant's webhooks? Deliveries are held until resumed.");
    if (reason === null) return;
    if (!reason) return say("Pausing webhooks needs a reason.", "error");
    init.body = JSON.stringify({ reason });
  }
  try {
    await api(`/admin/tenants/${id}/webhooks/${verb}`, init);
    say(`Webhooks ${verb === "pause" ? "paused" : "resumed"}.`, "ok");
    await refresh();
  } catch (error) {
    const message = messageOf(error);
    if (message !== "unauthenticated") say(`Could not ${verb} webhooks: ${message}`, "error");
  }
}

// ---- Health panel: alerts firing, cron jobs' last runs, relay lag (GET /admin/ops/health) ----

/** @param {number | null} seconds */
const secs = (seconds) => (seconds === null ? "–" : `${Math.round(seconds)} s`);

/** Loads and shows the platform's health; a failure is reported without hiding the table. */
async function refreshHealth() {
  try {
    /** @type {Health} */
    const health = await api(
      `/admin/ops/health?window=${encodeURIComponent(input("window").value)}`,
    );
    renderHealth(health);
  } catch (error) {
    const message = messageOf(error);
    if (message !== "unauthenticated")
      say(`Could not load the health figures: ${message}`, "error");
  }
}

/** @param {Health} health */
function renderHealth(health) {
  $("health").hidden = false;
  const alerts = $("health-alerts");
  alerts.replaceChildren();
  if (health.alerts.length === 0) alerts.append(el("li", "No alert firing.", "none"));
  for (const alert of health.alerts) {
    const item = el("li", `${alert.rule}: ${alert.summary}`, alert.severity);
    item.dataset.rule = alert.rule;
    alerts.append(item);
  }
  const oldest = el(
    "span",
    `Oldest undispatched event: ${secs(health.relay.oldest_undispatched_seconds)}`,
  );
  oldest.id = "health-oldest";
  $("health-relay").replaceChildren(
    oldest,
    el("span", `Undispatched events: ${health.relay.undispatched}`),
    el(
      "span",
      `Relay lag p50 / p99: ${secs(health.relay.lag_p50_seconds)} / ${secs(health.relay.lag_p99_seconds)}`,
    ),
    el("span", `Jobs in progress: ${health.jobs.backlog} · dead-lettered: ${health.jobs.failures}`),
  );
  const body = $("health-crons");
  body.replaceChildren();
  if (health.crons.length === 0) {
    const row = el("tr");
    const cell = el("td", "No cron job has run yet.");
    cell.colSpan = 5;
    row.append(cell);
    body.append(row);
  }
  for (const cron of health.crons) {
    const row = el("tr");
    row.dataset.job = cron.job;
    const last = cron.last_succeeded_at
      ? new Date(cron.last_succeeded_at).toLocaleString()
      : "never";
    row.append(
      el("td", cron.job),
      el("td", cron.cron, "id"),
      el("td", cron.overdue ? `${last} (overdue)` : last, cron.overdue ? "bad" : ""),
      el("td", cron.consecutive_failures, `num${cron.consecutive_failures > 0 ? " bad" : ""}`),
      el("td", cron.last_error ?? ""),
    );
    body.append(row);
  }
}

// ---- Charts: the selected tenant's last hour, per minute (GET /admin/ops/tenants/{id}/series) ----

const SVG_NS = "http://www.w3.org/2000/svg";
const CHART_WIDTH = 240;
const CHART_HEIGHT = 48;
/** @type {Array<[string, string, (value: number) => string]>} */
const CHARTS = [
  ["requests", "requests / min", String],
  ["error_rate", "5xx rate", pct],
  ["rate_limited", "429s / min", String],
  ["webhook_backlog", "webhook backlog", String],
  ["relay_lag_seconds", "relay lag (p50)", secs],
];

/** @param {string} id */
async function showCharts(id) {
  try {
    /** @type {Series} */
    const data = await api(`/admin/ops/tenants/${id}/series?minutes=60`);
    if (selected !== id) return;
    $("detail-charts").replaceChildren(
      ...CHARTS.map(([key, label, format]) => chart(key, label, data.series[key] ?? [], format)),
    );
  } catch (error) {
    const message = messageOf(error);
    if (message !== "unauthenticated") say(`Could not load the charts: ${message}`, "error");
  }
}

/**
 * One small line chart (inline SVG, no library): a point per minute scaled to the series' own
 * maximum; a minute without a value (no event dispatched) is drawn at zero.
 * @param {string} key
 * @param {string} label
 * @param {Array<number | null>} values
 * @param {(value: number) => string} format
 */
function chart(key, label, values, format) {
  const box = el("div", null, "chart");
  const numbers = values.map((v) => v ?? 0);
  const max = Math.max(0, ...numbers);
  const last = values[values.length - 1] ?? null;
  box.dataset.series = key;
  box.dataset.points = String(values.length);
  box.dataset.max = String(max);
  box.dataset.total = String(numbers.reduce((a, b) => a + b, 0));
  box.append(el("div", label, "label"), el("div", last === null ? "–" : format(last), "value"));
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${label}: last ${values.length} minutes, peak ${format(max)}`);
  const step = numbers.length > 1 ? CHART_WIDTH / (numbers.length - 1) : 0;
  const y = (/** @type {number} */ v) =>
    CHART_HEIGHT - 2 - (max > 0 ? (v / max) * (CHART_HEIGHT - 4) : 0);
  const line = document.createElementNS(SVG_NS, "polyline");
  line.setAttribute(
    "points",
    numbers.map((v, i) => `${(i * step).toFixed(1)},${y(v).toFixed(1)}`).join(" "),
  );
  line.setAttribute("fill", "none");
  line.setAttribute("stroke", "#1d4ed8");
  line.setAttribute("stroke-width", "1.5");
  line.setAttribute("vector-effect", "non-scaling-stroke");
  svg.append(line);
  box.append(svg);
  return box;
}

/** @param {"suspend" | "resume"} verb */
async function tenantAction(verb) {
  const id = selected;
  if (!id) return;
  /** @type {RequestInit} */
  const init = { method: "POST" };
  if (verb === "suspend") {
    const reason = askReason("Suspend this tenant? Its API calls will get 403.");
    if (reason === null) return;
    // An empty answer suspends without a reason ("(no reason given)" is recorded).
    if (reason) init.body = JSON.stringify({ reason });
  }
  try {
    await api(`/admin/tenants/${id}/${verb}`, init);
    say(`Tenant ${verb === "suspend" ? "suspended" : "resumed"}.`, "ok");
    await refresh();
  } catch (error) {
    const message = messageOf(error);
    if (message !== "unauthenticated") say(`Could not ${verb}: ${message}`, "error");
  }
}

/**
 * @param {string} tenantId
 * @param {string} endpointId
 */
async function recoverEndpoint(tenantId, endpointId) {
  try {
    /** @type {Recovery} */
    const result = await api(
      `/admin/ops/tenants/${tenantId}/webhook-endpoints/${endpointId}/recover`,
      { method: "POST", body: "{}" },
    );
    const more = result.has_more ? " (more remain: recover again)." : ".";
    say(`Recovery queued ${result.redelivered} deliveries${more}`, "ok");
    await refresh();
  } catch (error) {
    const message = messageOf(error);
    if (message !== "unauthenticated") say(`Could not recover: ${message}`, "error");
  }
}

// ---- Live: the operators' stream (GET /ops/stream) instead of a timer ----

/**
 * The selected tenant's event-hub figures (GET /admin/ops/tenants/{id}/live).
 * @param {string} id
 */
async function showLive(id) {
  try {
    /** @type {LiveFigures} */
    const live = await api(`/admin/ops/tenants/${id}/live`);
    if (selected !== id) return;
    renderLive(live);
  } catch (error) {
    const message = messageOf(error);
    if (message !== "unauthenticated") say(`Could not load the live figures: ${message}`, "error");
  }
}

/** @param {Partial<LiveFigures>} live */
function renderLive(live) {
  const box = $("detail-live");
  /** @type {Array<[keyof LiveFigures, string]>} */
  const shown = [
    ["open_connections", "open connections"],
    ["messages_pushed", "messages pushed"],
    ["slow_consumer_closes", "slow-consumer closes"],
    ["wake_ups", "hub wake-ups"],
    ["log_position", "events in log"],
    ["lag_events", "hub lag (events)"],
  ];
  const previous = Object.fromEntries(
    [...box.querySelectorAll(".figure")].map((node) => [
      node instanceof HTMLElement ? node.dataset.figure : "",
      node.querySelector(".value")?.textContent ?? "",
    ]),
  );
  box.replaceChildren(
    ...shown.map(([key, label]) => {
      const value = live[key] ?? previous[key] ?? "–";
      const node = figure(label, value);
      node.dataset.figure = key;
      if (key === "lag_events" && Number(value) > 0) node.classList.add("warn");
      return node;
    }),
  );
}

function setLive(/** @type {string} */ text, /** @type {string} */ cls) {
  const node = $("live");
  node.textContent = text;
  node.className = cls;
}

function stopStream() {
  if (stream) stream.close();
  stream = null;
  if (reconnectTimer) clearTimeout(reconnectTimer);
  reconnectTimer = null;
  if (dueTimer) clearTimeout(dueTimer);
  dueTimer = null;
  dueTenants.clear();
  lastReport = "";
}

/** Opens the stream with a fresh ticket, resuming after the last report received. */
async function connectStream() {
  reconnectTimer = null;
  if (!sessionStorage.getItem(KEY)) return;
  /** @type {{ ticket: string }} */
  let issued;
  try {
    issued = await api("/admin/ops/stream-tickets", { method: "POST" });
  } catch (error) {
    if (messageOf(error) !== "unauthenticated") scheduleReconnect();
    return;
  }
  const query = new URLSearchParams({ ticket: issued.ticket });
  if (lastReport) query.set("after", lastReport);
  const source = new EventSource(`/ops/stream?${query}`);
  stream = source;
  source.addEventListener("open", () => {
    reconnectDelay = 1000;
    setLive("Live", "ok");
  });
  source.addEventListener("reset", (message) => {
    lastReport = /** @type {MessageEvent} */ (message).lastEventId;
    refresh();
  });
  source.addEventListener("tenant.activity", (message) => {
    const event = /** @type {MessageEvent} */ (message);
    lastReport = event.lastEventId;
    /** @type {HubReport} */
    const report = JSON.parse(event.data);
    if (report.tenant_id === selected) renderLive(report);
    dueTenants.add(report.tenant_id);
    dueTimer ??= setTimeout(reloadDue, 250);
  });
  // A ticket is single-use, so the browser's own retry cannot work: close and reconnect.
  source.addEventListener("error", () => {
    source.close();
    if (stream === source) {
      stream = null;
      scheduleReconnect();
    }
  });
}

function scheduleReconnect() {
  setLive("Reconnecting…", "warn");
  reconnectTimer = setTimeout(connectStream, reconnectDelay);
  reconnectDelay = Math.min(reconnectDelay * 2, 30000);
}

/** Reloads the rows (and the detail) of the tenants the last reports named. */
async function reloadDue() {
  dueTimer = null;
  const ids = [...dueTenants];
  dueTenants.clear();
  const windowValue = input("window").value;
  for (const id of ids) {
    try {
      /** @type {TenantDetail} */
      const t = await api(`/admin/ops/tenants/${id}?window=${encodeURIComponent(windowValue)}`);
      const row = document.querySelector(`#tenants-body tr[data-tenant="${CSS.escape(id)}"]`);
      if (!row) {
        // A tenant the table does not show yet: reload the list.
        await refresh();
        return;
      }
      row.replaceWith(tenantRow(t));
      if (selected === id) await showTenant(id);
    } catch (error) {
      const message = messageOf(error);
      if (message !== "unauthenticated") say(`Could not load the figures: ${message}`, "error");
    }
  }
  $("updated").textContent = `Updated ${new Date().toLocaleTimeString()} · live`;
  // The platform's health moves with the activity: at most every 5 s.
  if (Date.now() >= healthDue) {
    healthDue = Date.now() + 5000;
    await refreshHealth();
  }
}

function start() {
  showSignedIn(true);
  say("");
  refresh();
  connectStream();
}

$("signin").addEventListener("submit", (event) => {
  event.preventDefault();
  const token = input("token").value.trim();
  if (!token) return;
  sessionStorage.setItem(KEY, token);
  input("token").value = "";
  start();
});
$("signout").addEventListener("click", () => signOut());
$("refresh").addEventListener("click", refresh);
$("window").addEventListener("change", refresh);
$("suspend").addEventListener("click", () => tenantAction("suspend"));
$("resume").addEventListener("click", () => tenantAction("resume"));
$("pause-webhooks").addEventListener("click", () => webhooksAction("pause"));
$("resume-webhooks").addEventListener("click", () => webhooksAction("resume"));
if (sessionStorage.getItem(KEY)) start();
else showSignedIn(false);
