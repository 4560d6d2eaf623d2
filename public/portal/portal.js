// @ts-check
/**
 * The webhook delivery portal's browser program (plain ES2020, no build step), loaded by the page
 * GET /portal serves (src/features/portal/page.ts) under its Content-Security-Policy nonce. The
 * portal token arrives in the URL fragment (#token=…, never sent to a server), moves to this tab's
 * sessionStorage and the fragment is cleared at once, so it is neither in the history nor in a
 * copied address. Every call goes to this origin's /v2 API with the token; data is only ever
 * written with textContent (URLs and response excerpts are never parsed as HTML). Type-checked
 * against the DOM by `npm run check` (tsconfig.console.json).
 *
 * Live: the page follows GET /portal/stream for the endpoints it shows (server-sent events read
 * with fetch, so the token stays in Authorization, never in a URL). Each `attempt` message reloads
 * that endpoint's section; a dropped stream is opened again after 1 s, doubling to 30 s, and the
 * page reloads what it may have missed. The Refresh button still reloads everything.
 */

/**
 * @typedef {{ id: string, url: string, description: string | null, event_types: string[],
 *   enabled: boolean, status: string, status_reason: string | null, consecutive_failures: number,
 *   ordering?: string }} Endpoint
 * @typedef {{ id: string, delivery_id: string, event_id: string, attempt_number: number,
 *   status_code: number | null, latency_ms: number, error_class: string | null,
 *   response_snippet: string | null, created_at: string }} Attempt
 * @typedef {{ delivery: string, event: string, attempts: Attempt[] }} Delivery
 * @typedef {{ id: string, event_id: string, event_type: string, status: string,
 *   resource: string | null, waiting_for: string | null, created_at: string }} Unsent
 * @typedef {{ data: any[], has_more: boolean, next_cursor?: string | null }} Page
 * @typedef {{ redelivered: number, has_more: boolean }} Redelivery
 * @typedef {{ id: string, type: "attempt", endpoint_id: string, delivery_id: string,
 *   event_id: string, status: string, status_code: number | null, at: string }} AttemptMessage
 */

const KEY = "shelfwise.portal.token";
/** How far back "Recover" re-delivers failed deliveries. */
const RECOVER_DAYS = 7;
/** Deliveries shown per endpoint. */
const DELIVERIES_SHOWN = 20;
/** @type {ReturnType<typeof setTimeout>[]} */
let followUps = [];
/** The live stream: the endpoints it follows, how to end it, and the reconnect's state. */
let streamEndpoints = "";
/** @type {AbortController | null} */
let streamAbort = null;
/** @type {ReturnType<typeof setTimeout> | null} */
let reconnectTimer = null;
let reconnectDelay = 1000;
/** Endpoints an attempt was announced for, reloaded together 250 ms after the first. */
const dueEndpoints = new Set();
/** @type {Set<string>} deliveries an attempt was announced for (their rows are marked) */
const freshDeliveries = new Set();
/** @type {ReturnType<typeof setTimeout> | null} */
let dueTimer = null;

/**
 * The page's element with this id (the page and this program ship together).
 * @param {string} id
 * @returns {HTMLElement}
 */
function $(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the portal page has no #${id}`);
  return node;
}

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

/** Takes the token out of the fragment into sessionStorage and clears the fragment. */
function adoptTokenFromFragment() {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
}

/**
 * The token's expiry, read from its payload for display only (the API verifies it).
 * @param {string} token
 * @returns {Date | null}
 */
function expiryOf(token) {
  try {
    const part = token.split(".")[1] ?? "";
    const payload = JSON.parse(atob(part.replace(/-/g, "+").replace(/_/g, "/")));
    return typeof payload.exp === "number" ? new Date(payload.exp * 1000) : null;
  } catch {
    return null;
  }
}

/** @param {string} reason */
function endSession(reason) {
  sessionStorage.removeItem(KEY);
  stopStream();
  setLive("", "");
  for (const t of followUps) clearTimeout(t);
  followUps = [];
  $("endpoints").replaceChildren();
  /** @type {HTMLButtonElement} */ ($("refresh")).disabled = true;
  $("expires").textContent = "";
  say(reason, "error");
}

/**
 * @param {string} path
 * @param {RequestInit} [init]
 * @returns {Promise<any>}
 */
async function api(path, init) {
  const token = sessionStorage.getItem(KEY);
  if (!token) throw new Error("unauthenticated");
  /** @type {Record<string, string>} */
  const headers = { authorization: `Bearer ${token}` };
  if (init?.body) headers["content-type"] = "application/json";
  // A retry of the same click cannot act twice.
  if (init?.method === "POST") headers["idempotency-key"] = crypto.randomUUID();
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401) {
    endSession("This portal link has expired. Ask your administrator for a new one.");
    throw new Error("unauthenticated");
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || body.title || `HTTP ${response.status}`);
  return body;
}

/**
 * The endpoint's recent attempts grouped by delivery, newest delivery first.
 * @param {Attempt[]} attempts newest first
 * @returns {Delivery[]}
 */
function deliveriesOf(attempts) {
  /** @type {Map<string, Delivery>} */
  const byId = new Map();
  for (const a of attempts) {
    let d = byId.get(a.delivery_id);
    if (!d) {
      d = { delivery: a.delivery_id, event: a.event_id, attempts: [] };
      byId.set(a.delivery_id, d);
    }
    d.attempts.push(a);
  }
  return [...byId.values()].slice(0, DELIVERIES_SHOWN);
}

/** @param {Attempt} a */
const succeeded = (a) => a.status_code !== null && a.status_code >= 200 && a.status_code < 300;

/** @param {Attempt} a */
const responseOf = (a) =>
  a.status_code !== null ? `HTTP ${a.status_code}` : (a.error_class ?? "no response");

/**
 * Deliveries not sent yet (held, or waiting for an earlier one of their resource), which have no
 * attempts and so are not in the attempts table.
 * @param {Unsent[]} unsent newest first
 * @param {Attempt[]} attempts to name an awaited delivery by its event when it was attempted
 */
function renderUnsent(unsent, attempts) {
  const eventOf = new Map(attempts.map((a) => [a.delivery_id, a.event_id]));
  for (const u of unsent) eventOf.set(u.id, u.event_id);
  const table = el("table", null, "unsent");
  const head = el("tr");
  for (const title of ["Event", "Type", "Status", "Resource", "Waits for event", "Queued"]) {
    head.append(el("th", title));
  }
  table.append(el("thead"), el("tbody"));
  table.tHead?.append(head);
  for (const u of unsent) {
    const row = el("tr", null, "unsent-delivery");
    row.dataset.delivery = u.id;
    row.dataset.event = u.event_id;
    const awaited = u.waiting_for ? (eventOf.get(u.waiting_for) ?? u.waiting_for) : "";
    row.append(
      el("td", u.event_id, "id"),
      el("td", u.event_type),
      el("td", u.status, `delivery-status ${u.status}`),
      el("td", u.resource ?? "", "id"),
      el("td", awaited, "id waits-for"),
      el("td", new Date(u.created_at).toLocaleString()),
    );
    table.tBodies[0]?.append(row);
  }
  return [el("h3", `Not sent yet (${unsent.length})`), table];
}

/**
 * @param {Endpoint} endpoint
 * @param {Attempt[]} attempts
 * @param {Unsent[]} [unsent]
 */
function renderEndpoint(endpoint, attempts, unsent = []) {
  const section = el("section", null, "endpoint");
  section.dataset.endpoint = endpoint.id;
  section.dataset.status = endpoint.status;
  const heading = el("h2", endpoint.url);
  const meta = el("div", null, "meta");
  const status = el("span", null);
  status.append("Status: ");
  status.append(el("span", endpoint.status, `endpoint-status status-${endpoint.status}`));
  if (endpoint.status_reason) status.append(` (${endpoint.status_reason})`);
  meta.append(
    status,
    el("span", `Ordering: ${endpoint.ordering ?? "unordered"}`),
    el("span", `Consecutive failures: ${endpoint.consecutive_failures}`),
    el("span", `Events: ${endpoint.event_types.length ? endpoint.event_types.join(", ") : "all"}`),
    el("span", endpoint.id, "id"),
  );
  section.append(heading, meta);
  if (endpoint.status === "suspended") {
    const recover = el("button", "Recover endpoint", "primary recover");
    recover.title = `Re-activates the endpoint, releases held deliveries and re-delivers what failed in the last ${RECOVER_DAYS} days`;
    recover.addEventListener("click", () => act(recover, () => recoverEndpoint(endpoint.id)));
    section.append(recover);
  }
  if (unsent.length > 0) section.append(...renderUnsent(unsent, attempts));
  const deliveries = deliveriesOf(attempts);
  if (deliveries.length === 0) {
    section.append(el("p", "No delivery attempts yet.", "empty"));
    return section;
  }
  const table = el("table");
  const head = el("tr");
  for (const title of [
    "Event",
    "Status",
    "Attempts",
    "Response",
    "Response excerpt",
    "Last attempt",
    "",
  ]) {
    head.append(el("th", title));
  }
  table.append(el("thead"), el("tbody"));
  table.tHead?.append(head);
  for (const d of deliveries) {
    const last = /** @type {Attempt} */ (d.attempts[0]);
    const row = el("tr", null, freshDeliveries.has(d.delivery) ? "delivery fresh" : "delivery");
    row.dataset.delivery = d.delivery;
    row.dataset.event = d.event;
    const ok = succeeded(last);
    const excerpt = el("td");
    excerpt.append(el("pre", last.response_snippet ?? "", "excerpt"));
    const action = el("td");
    const resend = el("button", "Resend", "resend");
    resend.title = "Sends this event again to every endpoint subscribed to it";
    resend.addEventListener("click", () => act(resend, () => resendEvent(d.event)));
    action.append(resend);
    row.append(
      el("td", d.event, "id"),
      el("td", ok ? "delivered" : "failed", `delivery-status ${ok ? "delivered" : "failed"}`),
      el("td", d.attempts.length, "num attempts"),
      el("td", responseOf(last), "response"),
      excerpt,
      el("td", new Date(last.created_at).toLocaleString()),
      action,
    );
    table.tBodies[0]?.append(row);
  }
  section.append(table);
  return section;
}

/**
 * The endpoint's waiting and held deliveries, newest first (at most DELIVERIES_SHOWN of each).
 * @param {string} endpointId
 * @returns {Promise<Unsent[]>}
 */
async function unsentOf(endpointId) {
  const path = `/v2/webhook-endpoints/${encodeURIComponent(endpointId)}/deliveries`;
  const pages = await Promise.all(
    ["waiting", "held"].map(
      (status) =>
        /** @type {Promise<Page>} */ (api(`${path}?status=${status}&limit=${DELIVERIES_SHOWN}`)),
    ),
  );
  return pages
    .flatMap((p) => /** @type {Unsent[]} */ (p.data))
    .sort((a, b) => (a.id < b.id ? 1 : -1));
}

async function refresh() {
  try {
    /** @type {Page} */
    const endpoints = await api("/v2/webhook-endpoints?limit=100");
    const attempts = await Promise.all(
      endpoints.data.map(
        (/** @type {Endpoint} */ e) =>
          /** @type {Promise<Page>} */ (api(`/v2/webhook-endpoints/${e.id}/attempts?limit=100`)),
      ),
    );
    const unsent = await Promise.all(
      endpoints.data.map((/** @type {Endpoint} */ e) => unsentOf(e.id)),
    );
    const list = $("endpoints");
    list.replaceChildren();
    if (endpoints.data.length === 0) list.append(el("p", "No webhook endpoints.", "empty"));
    endpoints.data.forEach((/** @type {Endpoint} */ e, i) => {
      list.append(renderEndpoint(e, attempts[i]?.data ?? [], unsent[i] ?? []));
    });
    listen(endpoints.data.map((/** @type {Endpoint} */ e) => e.id));
  } catch (error) {
    const message = messageOf(error);
    if (message !== "unauthenticated") say(`Could not load the deliveries: ${message}`, "error");
  }
}

/**
 * The endpoint's section, loaded again (endpoint, attempts, deliveries not sent yet) in place.
 * @param {string} endpointId
 */
async function reloadEndpoint(endpointId) {
  const id = encodeURIComponent(endpointId);
  const [endpoint, attempts, unsent] = await Promise.all([
    /** @type {Promise<Endpoint>} */ (api(`/v2/webhook-endpoints/${id}`)),
    /** @type {Promise<Page>} */ (api(`/v2/webhook-endpoints/${id}/attempts?limit=100`)),
    unsentOf(endpointId),
  ]);
  const section = document.querySelector(`section[data-endpoint="${CSS.escape(endpointId)}"]`);
  const fresh = renderEndpoint(endpoint, attempts.data, unsent);
  if (section) section.replaceWith(fresh);
  else $("endpoints").append(fresh);
}

/** Reloads the sections of the endpoints the last attempts named. */
async function reloadDue() {
  dueTimer = null;
  const ids = [...dueEndpoints];
  dueEndpoints.clear();
  try {
    await Promise.all(ids.map(reloadEndpoint));
  } catch (error) {
    const message = messageOf(error);
    if (message !== "unauthenticated") say(`Could not load the deliveries: ${message}`, "error");
  }
}

/**
 * @param {string} text
 * @param {string} state
 */
function setLive(text, state) {
  const node = $("live");
  node.textContent = text;
  node.className = state ? `live ${state}` : "live";
}

function stopStream() {
  if (dueTimer) clearTimeout(dueTimer);
  dueTimer = null;
  dueEndpoints.clear();
  streamAbort?.abort();
  streamAbort = null;
  streamEndpoints = "";
  if (reconnectTimer) clearTimeout(reconnectTimer);
  reconnectTimer = null;
}

/**
 * Follows these endpoints' attempts (the first 20, the stream's limit): a stream already open
 * for the same endpoints is kept.
 * @param {string[]} endpointIds
 */
function listen(endpointIds) {
  const wanted = endpointIds.slice(0, 20).join(",");
  if (wanted === streamEndpoints && (streamAbort || reconnectTimer)) return;
  stopStream();
  if (!wanted) {
    setLive("", "");
    return;
  }
  streamEndpoints = wanted;
  connect(wanted, false);
}

/**
 * Opens the stream and reads it until it ends; then schedules a reconnect.
 * @param {string} endpoints
 * @param {boolean} reconnecting reload what may have been missed once it is open
 */
async function connect(endpoints, reconnecting) {
  reconnectTimer = null;
  const token = sessionStorage.getItem(KEY);
  if (!token || endpoints !== streamEndpoints) return;
  const abort = new AbortController();
  streamAbort = abort;
  try {
    const response = await fetch(`/portal/stream?endpoints=${encodeURIComponent(endpoints)}`, {
      headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
      signal: abort.signal,
    });
    if (response.status === 401) {
      endSession("This portal link has expired. Ask your administrator for a new one.");
      return;
    }
    if (response.status === 404) {
      // An endpoint went away: reload the list, which opens the stream for what is left.
      stopStream();
      await refresh();
      return;
    }
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
    reconnectDelay = 1000;
    setLive("Live", "on");
    if (reconnecting) refresh();
    await readEvents(response.body);
  } catch {
    // Dropped, refused or aborted: reconnect below unless it was ended on purpose.
  }
  if (streamAbort !== abort || abort.signal.aborted) return;
  streamAbort = null;
  setLive("Reconnecting…", "off");
  reconnectTimer = setTimeout(() => connect(endpoints, true), reconnectDelay);
  reconnectDelay = Math.min(reconnectDelay * 2, 30_000);
}

/**
 * Reads server-sent events until the stream ends: each `attempt` marks its endpoint for reload.
 * @param {ReadableStream<Uint8Array>} body
 */
async function readEvents(body) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf("\n\n");
      const data = block.split("\n").find((line) => line.startsWith("data: "));
      if (!data) continue; // a comment: connected, heartbeat
      /** @type {AttemptMessage} */
      const message = JSON.parse(data.slice(6));
      if (message.type !== "attempt") continue;
      freshDeliveries.add(message.delivery_id);
      dueEndpoints.add(message.endpoint_id);
      dueTimer ??= setTimeout(reloadDue, 250);
    }
  }
}

/**
 * Runs an action from a button (disabled meanwhile), then shows its effect as it lands: the
 * deliveries are queued, so the page refreshes now and twice more shortly after.
 * @param {HTMLButtonElement} button
 * @param {() => Promise<string>} action resolves to the message to show
 */
async function act(button, action) {
  button.disabled = true;
  try {
    say(await action(), "ok");
  } catch (error) {
    const message = messageOf(error);
    if (message !== "unauthenticated") say(message, "error");
    return;
  } finally {
    button.disabled = false;
  }
  await refresh();
  for (const t of followUps) clearTimeout(t);
  followUps = [2000, 5000].map((ms) => setTimeout(refresh, ms));
}

/**
 * @param {string} eventId
 * @returns {Promise<string>}
 */
async function resendEvent(eventId) {
  /** @type {Redelivery} */
  const result = await api(`/v2/events/${encodeURIComponent(eventId)}/resend`, { method: "POST" });
  return `Event ${eventId} queued for ${result.redelivered} endpoint(s).`;
}

/**
 * @param {string} endpointId
 * @returns {Promise<string>}
 */
async function recoverEndpoint(endpointId) {
  const since = new Date(Date.now() - RECOVER_DAYS * 86_400_000).toISOString();
  /** @type {Redelivery} */
  const result = await api(`/v2/webhook-endpoints/${encodeURIComponent(endpointId)}/recover`, {
    method: "POST",
    body: JSON.stringify({ since }),
  });
  const more = result.has_more ? " More remain: recover again." : "";
  return `Endpoint recovered: ${result.redelivered} deliveries queued again.${more}`;
}

function start() {
  adoptTokenFromFragment();
  const token = sessionStorage.getItem(KEY);
  if (!token) {
    say("Open the portal link your administrator gave you.", "error");
    return;
  }
  const expiry = expiryOf(token);
  if (expiry) $("expires").textContent = `Session ends ${expiry.toLocaleTimeString()}`;
  /** @type {HTMLButtonElement} */ ($("refresh")).disabled = false;
  refresh();
}

$("refresh").addEventListener("click", refresh);
$("signout").addEventListener("click", () => endSession("Session closed."));
start();

// A module (the page loads it as one): its names stay its own when type-checked with the console's.
export {};
