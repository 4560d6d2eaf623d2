// @ts-check
/**
 * The ops console's browser program (plain ES2020, no build step), loaded by the page GET /ops
 * serves (src/features/ops/console.ts) under its Content-Security-Policy nonce. It only ever
 * writes data with textContent (tenant names and URLs are never parsed as HTML), keeps the
 * operator token in sessionStorage (this tab only, gone when it closes, never in a URL) and calls
 * the ops API with it. Type-checked against the DOM by `npm run check` (tsconfig.console.json).
 */

/**
 * @typedef {{ id: string, name: string, status: string, plan: string }} Tenant
 * @typedef {{ backlog: number, failed: number }} WebhookFigures
 * @typedef {{ tenant: Tenant, requests_per_minute: number, requests: number, error_rate: number,
 *   rate_limited: number, webhooks: WebhookFigures }} TenantRow
 * @typedef {{ data: TenantRow[], generated_at: string, source: string }} TenantList
 * @typedef {{ id: string, url: string, status: string, status_reason?: string | null,
 *   pending: number, held: number, failed: number }} Endpoint
 * @typedef {TenantRow & { rate_limit: { used: number, limit: number } | null,
 *   endpoints: Endpoint[] }} TenantDetail
 * @typedef {{ redelivered: number, has_more: boolean }} Recovery
 */

const KEY = "shelfwise.ops.token";
/** @type {string | null} */
let selected = null;
/** @type {ReturnType<typeof setInterval> | null} */
let timer = null;

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
  if (timer) clearInterval(timer);
  timer = null;
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
  for (const t of list.data) {
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
    body.append(row);
  }
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
  const suspended = t.tenant.status === "suspended";
  $("suspend").hidden = suspended;
  $("resume").hidden = !suspended;
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

/** @param {"suspend" | "resume"} verb */
async function tenantAction(verb) {
  const id = selected;
  if (!id) return;
  if (verb === "suspend" && !confirm("Suspend this tenant? Its API calls will get 403.")) return;
  try {
    await api(`/admin/tenants/${id}/${verb}`, { method: "POST" });
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

function start() {
  showSignedIn(true);
  say("");
  refresh();
  timer = setInterval(refresh, 15000);
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
if (sessionStorage.getItem(KEY)) start();
else showSignedIn(false);
