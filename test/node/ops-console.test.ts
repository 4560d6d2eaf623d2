/**
 * The ops console in a real browser (Debian's chromium, driven by playwright-core) against the
 * Worker served by `wrangler dev` with throwaway state, as an operator would use it: sign in with
 * the token, read the per-tenant figures, suspend a tenant and see its API calls refused, resume it.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  hasChromium,
  isbn13,
  onStack,
  root,
  type Stack,
  startReceiver,
  useBrowserStack,
  waitFor,
} from "./browser-fixtures";

const SCREENSHOT = join(root, ".data/ops-console.png");

let stack: Stack | undefined;
let browser: Browser | undefined;

const { api, provision, endpointWithTwelveEvents } = onStack(() => stack);

/** Polls a tenant call until it answers `status` (credential caches may hold a tenant for ~5 s). */
async function expectTenantStatus(key: string, status: number, code?: string) {
  const deadline = Date.now() + 10_000;
  let last = 0;
  let body: { code?: string } = {};
  while (Date.now() < deadline) {
    const response = await api("/v2/api-keys?limit=1", key);
    last = response.status;
    body = (await response.json().catch(() => ({}))) as { code?: string };
    if (last === status) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(last).toBe(status);
  if (code) expect(body.code).toBe(code);
}

/** The text of each cell of a tenant's row in the console's table. */
async function rowCells(page: Page, tenantId: string): Promise<string[]> {
  return page.locator(`#tenants-body tr[data-tenant="${tenantId}"] td`).allTextContents();
}

describe.skipIf(!hasChromium)("ops console in a browser", () => {
  useBrowserStack((started) => {
    ({ stack, browser } = started);
  });

  it("lists both tenants with their figures, suspends one through the page and resumes it", async () => {
    if (!stack || !browser) throw new Error("not started");
    const quiet = await provision("Northwind Books");
    const limited = await provision("Harbor Distribution");
    const patched = await api(`/admin/tenants/${limited.id}`, stack.operatorToken, {
      method: "PATCH",
      body: JSON.stringify({ limits: { requests_per_hour: 3 } }),
    });
    expect(patched.status).toBe(200);
    for (let i = 0; i < 6; i++) expect((await api("/v2/api-keys", quiet.key)).status).toBe(200);
    const limitedStatuses: number[] = [];
    for (let i = 0; i < 5; i++)
      limitedStatuses.push((await api("/v2/api-keys", limited.key)).status);
    expect(limitedStatuses).toEqual([200, 200, 200, 429, 429]);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("dialog", (dialog) => void dialog.accept());

    await page.goto(`${stack.baseUrl}/ops`);
    await page.fill("#token", stack.operatorToken);
    await page.click("#signin button[type=submit]");
    await page.waitForSelector(`#tenants-body tr[data-tenant="${limited.id}"]`);
    await page.waitForSelector(`#tenants-body tr[data-tenant="${quiet.id}"]`);
    // The token lives in this tab's sessionStorage, never in the address bar.
    expect(page.url()).toBe(`${stack.baseUrl}/ops`);
    expect(await page.evaluate(() => sessionStorage.getItem("shelfwise.ops.token"))).toBe(
      stack.operatorToken,
    );

    // Tenant, status, plan, req/min, requests, 5xx rate, 429s, backlog, failed deliveries.
    const quietCells = await rowCells(page, quiet.id);
    expect(quietCells[0]).toContain("Northwind Books");
    expect(quietCells.slice(1, 3)).toEqual(["active", "standard"]);
    expect(quietCells[4]).toBe("6");
    expect(quietCells.slice(5)).toEqual(["0.0 %", "0", "0", "0"]);
    const limitedCells = await rowCells(page, limited.id);
    expect(limitedCells[0]).toContain("Harbor Distribution");
    expect(limitedCells[4]).toBe("5");
    expect(limitedCells[6]).toBe("2");

    // Per-tenant view: suspend through the page.
    await page.click(`#tenants-body tr[data-tenant="${limited.id}"] button.link`);
    await page.waitForSelector(`#detail[data-tenant="${limited.id}"]:not([hidden])`);
    await expect.poll(() => page.textContent("#detail-name")).toContain("(active)");
    await page.click("#suspend");
    await expect.poll(() => page.textContent("#message")).toBe("Tenant suspended.");
    await expect.poll(async () => (await rowCells(page, limited.id))[1]).toBe("suspended");
    await expectTenantStatus(limited.key, 403, "tenant_suspended");
    await expectTenantStatus(quiet.key, 200);

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    await page.click("#resume");
    await expect.poll(() => page.textContent("#message")).toBe("Tenant resumed.");
    await expect.poll(async () => (await rowCells(page, limited.id))[1]).toBe("active");
    // Resumed, but still over its hourly limit of 3: rate limited again, not refused as suspended.
    await expectTenantStatus(limited.key, 429);

    // Signing out forgets the token.
    await page.click("#signout");
    expect(await page.evaluate(() => sessionStorage.getItem("shelfwise.ops.token"))).toBeNull();
    expect(await page.isVisible("#signin")).toBe(true);

    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("updates a tenant's row and live-stream figures without a reload when the API changes them", async () => {
    if (!stack || !browser) throw new Error("not started");
    const tenant = await provision("Riverside Books");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    await page.goto(`${stack.baseUrl}/ops`);
    await page.fill("#token", stack.operatorToken);
    await page.click("#signin button[type=submit]");
    await page.waitForSelector(`#tenants-body tr[data-tenant="${tenant.id}"]`);
    await expect.poll(() => page.textContent("#live"), { timeout: 10_000 }).toBe("Live");
    await page.click(`#tenants-body tr[data-tenant="${tenant.id}"] button.link`);
    const live = (key: string) =>
      page.textContent(`#detail-live .figure[data-figure="${key}"] .value`);
    await expect.poll(() => live("log_position")).toBe("0");
    expect(await live("open_connections")).toBe("0");
    expect((await rowCells(page, tenant.id))[4]).toBe("0");
    // Marks this document: a reload would lose the mark.
    await page.evaluate(() => {
      (globalThis as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    // A book created through the API: the row and the detail follow, with no reload.
    const book = await api("/v2/books", tenant.key, {
      method: "POST",
      body: JSON.stringify({
        isbn: isbn13(77),
        title: "Live",
        authors: ["A. Writer"],
        price: { amount: 900, currency: "EUR" },
      }),
    });
    expect(book.status).toBe(201);
    await expect.poll(() => live("log_position"), { timeout: 10_000 }).toBe("1");
    await expect
      .poll(async () => (await rowCells(page, tenant.id))[4], { timeout: 10_000 })
      .toBe("1");

    // A client of the tenant opens the event stream: its open connection shows up live.
    const ticket = (await (
      await api("/v2/stream-tickets", tenant.key, { method: "POST" })
    ).json()) as { ticket: string };
    const socket = new WebSocket(
      `${stack.baseUrl.replace(/^http/, "ws")}/v2/events/stream?ticket=${ticket.ticket}&after=latest`,
    );
    await new Promise((resolve, reject) => {
      socket.addEventListener("open", resolve);
      socket.addEventListener("error", reject);
    });
    await expect.poll(() => live("open_connections"), { timeout: 10_000 }).toBe("1");
    socket.close(1000, "done");
    await expect.poll(() => live("open_connections"), { timeout: 10_000 }).toBe("0");

    expect(
      await page.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it("shows a tenant's suspended webhook endpoint and recovers it from the console", async () => {
    if (!stack || !browser) throw new Error("not started");
    const receiver = await startReceiver({ status: 500 });
    try {
      const tenant = await provision("Lighthouse Press");
      // Twelve events against a failing receiver: the breaker suspends the endpoint after ten
      // consecutive failures and holds the rest.
      const endpointId = await endpointWithTwelveEvents(tenant.key, receiver.url);
      type Detail = { endpoints: Array<{ id: string; status: string; held: number }> };
      const detailOf = async () =>
        (await (
          await api(`/admin/ops/tenants/${tenant.id}`, stack?.operatorToken ?? "")
        ).json()) as Detail;
      await waitFor(
        detailOf,
        (d) => d.endpoints[0]?.status === "suspended" && (d.endpoints[0]?.held ?? 0) > 0,
        "the endpoint to be suspended with held deliveries",
      );

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on("dialog", (dialog) => void dialog.accept());
      await page.goto(`${stack.baseUrl}/ops`);
      await page.fill("#token", stack.operatorToken);
      await page.click("#signin button[type=submit]");
      await page.click(`#tenants-body tr[data-tenant="${tenant.id}"] button.link`);
      await page.waitForSelector("#endpoints-body button");
      const cells = await page.locator("#endpoints-body tr td").allTextContents();
      expect(cells[0]).toContain(endpointId);
      expect(cells[1]).toContain("suspended");
      await page.screenshot({ path: SCREENSHOT.replace(".png", "-webhooks.png"), fullPage: true });

      receiver.state.status = 204;
      await page.click("#endpoints-body button");
      await expect
        .poll(() => page.textContent("#message"))
        .toMatch(/^Recovery queued \d+ deliveries/);
      const recovered = await waitFor(
        detailOf,
        (d) => d.endpoints[0]?.status === "active" && d.endpoints[0]?.held === 0,
        "the held deliveries to be released",
      );
      expect(recovered.endpoints[0]).toMatchObject({ status: "active", held: 0 });
      await waitFor(
        async () => receiver.state.received,
        (n) => n >= 1,
        "a delivery to reach the healthy receiver",
      );
      await page.close();
    } finally {
      await receiver.close();
    }
  }, 150_000);

  it("shows the health panel and draws the selected tenant's last hour as five per-minute charts", async () => {
    if (!stack || !browser) throw new Error("not started");
    const tenant = await provision("Atlas Readers");
    for (let i = 0; i < 4; i++) expect((await api("/v2/api-keys", tenant.key)).status).toBe(200);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    await page.goto(`${stack.baseUrl}/ops`);
    await page.fill("#token", stack.operatorToken);
    await page.click("#signin button[type=submit]");

    // The panel shows the alerts the health API reports. Which ones fire depends on the database:
    // wrangler dev runs no cron trigger, so on a fresh one the sweep's alert fires; on a shared one
    // (DATABASE_URL) the workers suites' cron runs may have swept within the last five minutes.
    // The cron jobs listed are those with a heartbeat in that database, whichever suites ran.
    const reported = async () => {
      const response = await api("/admin/ops/health", stack?.operatorToken ?? "");
      expect(response.status).toBe(200);
      const health = (await response.json()) as {
        alerts: { rule: string }[];
        crons: { job: string }[];
      };
      const rules = health.alerts.map((a) => a.rule).sort();
      const jobs = health.crons.map((c) => c.job).sort();
      return JSON.stringify({
        rules: rules.length ? rules : ["No alert firing."],
        jobs: jobs.length ? jobs : ["No cron job has run yet."],
      });
    };
    const before = await reported();
    await page.waitForSelector("#health:not([hidden])");
    const rules = (
      await page.$$eval("#health-alerts li", (items) =>
        items.map((item) => item.getAttribute("data-rule") ?? item.textContent ?? ""),
      )
    ).sort();
    const jobs = (
      await page.$$eval("#health-crons tr", (rows) =>
        rows.map((row) => row.getAttribute("data-job") ?? row.textContent ?? ""),
      )
    ).sort();
    const after = await reported();
    expect([before, after]).toContain(JSON.stringify({ rules, jobs }));
    expect(await page.textContent("#health-oldest")).toMatch(/^Oldest undispatched event: /);

    await page.click(`#tenants-body tr[data-tenant="${tenant.id}"] button.link`);
    await page.waitForSelector(`#detail[data-tenant="${tenant.id}"]:not([hidden])`);
    await expect.poll(() => page.locator("#detail-charts .chart").count()).toBe(5);
    const charts = await page.$$eval("#detail-charts .chart", (nodes) =>
      nodes.map((node) => ({
        series: node.getAttribute("data-series"),
        points: node.getAttribute("data-points"),
        total: Number(node.getAttribute("data-total")),
        max: Number(node.getAttribute("data-max")),
        drawn: (node.querySelector("polyline")?.getAttribute("points") ?? "").trim().split(/\s+/)
          .length,
        styled: node.querySelector("[style]") !== null,
      })),
    );
    expect(charts.map((c) => c.series)).toEqual([
      "requests",
      "error_rate",
      "rate_limited",
      "webhook_backlog",
      "relay_lag_seconds",
    ]);
    for (const c of charts) {
      expect(c, String(c.series)).toMatchObject({ points: "60", drawn: 60, styled: false });
    }
    // The tenant's four calls are in its requests chart; it had no 5xx and no 429.
    expect(charts[0]).toMatchObject({ total: 4 });
    expect(charts[0]?.max).toBeGreaterThan(0);
    expect(charts[1]?.total).toBe(0);
    expect(charts[2]?.total).toBe(0);
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT.replace(".png", "-charts.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it("asks for the token again when the API refuses it", async () => {
    if (!stack || !browser) throw new Error("not started");
    const page = await browser.newPage();
    await page.goto(`${stack.baseUrl}/ops`);
    await page.fill("#token", "not-the-operator-token");
    await page.click("#signin button[type=submit]");
    await expect.poll(() => page.textContent("#message")).toBe("The operator token was refused.");
    expect(await page.isVisible("#signin")).toBe(true);
    expect(await page.evaluate(() => sessionStorage.getItem("shelfwise.ops.token"))).toBeNull();
    const response = await page.request.get(`${stack.baseUrl}/ops`);
    expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
    await page.close();
  }, 60_000);

  it("serves the page under a fresh nonce and its program as a static script file", async () => {
    if (!stack) throw new Error("not started");
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${stack.baseUrl}/ops`);
      const csp = response.headers.get("content-security-policy") ?? "";
      const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
      expect(csp).toContain(`style-src 'nonce-${nonce}'`);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("referrer-policy")).toBe("no-referrer");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("cache-control")).toBe("no-store");
      const html = await response.text();
      // The only script is the file, under the response's nonce; no program inside the page.
      expect(html.match(/<script[^>]*>/g)).toEqual([
        `<script type="module" nonce="${nonce}" src="/ops/console.js">`,
      ]);
      expect(html).not.toMatch(/<script[^>]*>[^<]/);
      nonces.push(nonce);
    }
    expect(nonces[0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonces[1]).not.toBe(nonces[0]);
    const script = await fetch(`${stack.baseUrl}/ops/console.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/^(text|application)\/javascript/);
    expect(await script.text()).toContain('const KEY = "shelfwise.ops.token"');
  });

  it("pauses a tenant's webhooks from the console (held, with the reason shown) and resumes them", async () => {
    if (!stack || !browser) throw new Error("not started");
    const receiver = await startReceiver({ status: 500 });
    receiver.state.status = 204;
    try {
      const tenant = await provision("Quayside Comics");
      const endpoint = await api("/v2/webhook-endpoints", tenant.key, {
        method: "POST",
        body: JSON.stringify({ url: receiver.url }),
      });
      expect(endpoint.status).toBe(201);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const answers = ["Receiver migration"];
      page.on("dialog", (dialog) => void dialog.accept(answers.shift() ?? ""));
      await page.goto(`${stack.baseUrl}/ops`);
      await page.fill("#token", stack.operatorToken);
      await page.click("#signin button[type=submit]");
      await page.click(`#tenants-body tr[data-tenant="${tenant.id}"] button.link`);
      await page.waitForSelector(`#detail[data-tenant="${tenant.id}"]:not([hidden])`);
      expect(await page.isVisible("#resume-webhooks")).toBe(false);
      await page.click("#pause-webhooks");
      await expect.poll(() => page.textContent("#message")).toBe("Webhooks paused.");
      await expect
        .poll(() => page.textContent("#detail-notes"))
        .toMatch(/^Webhooks paused since .+: Receiver migration$/);
      expect(await page.isVisible("#pause-webhooks")).toBe(false);

      const book = await api("/v2/books", tenant.key, {
        method: "POST",
        body: JSON.stringify({
          isbn: isbn13(4242),
          title: "Held",
          authors: ["A. Writer"],
          price: { amount: 990, currency: "EUR" },
        }),
      });
      expect(book.status).toBe(201);
      type Detail = { webhooks: { held: number } };
      const detailOf = async () =>
        (await (
          await api(`/admin/ops/tenants/${tenant.id}`, stack?.operatorToken ?? "")
        ).json()) as Detail;
      await waitFor(detailOf, (d) => d.webhooks.held === 1, "the delivery to be held");
      expect(receiver.state.received).toBe(0);

      await page.click("#resume-webhooks");
      await expect.poll(() => page.textContent("#message")).toBe("Webhooks resumed.");
      await expect.poll(() => page.textContent("#detail-notes")).toBe("");
      await waitFor(
        async () => receiver.state.received,
        (n) => n === 1,
        "the released delivery",
      );
      await page.close();
    } finally {
      await receiver.close();
    }
  }, 120_000);

  it("asks for a suspension's reason and shows it in the tenant's detail", async () => {
    if (!stack || !browser) throw new Error("not started");
    const tenant = await provision("Estuary Books");
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("dialog", (dialog) => void dialog.accept("Unpaid invoice INV-0113"));
    await page.goto(`${stack.baseUrl}/ops`);
    await page.fill("#token", stack.operatorToken);
    await page.click("#signin button[type=submit]");
    await page.click(`#tenants-body tr[data-tenant="${tenant.id}"] button.link`);
    await page.waitForSelector(`#detail[data-tenant="${tenant.id}"]:not([hidden])`);
    await page.click("#suspend");
    await expect.poll(() => page.textContent("#message")).toBe("Tenant suspended.");
    await expect
      .poll(() => page.textContent("#detail-notes"))
      .toBe("Reason: Unpaid invoice INV-0113");
    const fetched = await api(`/admin/tenants/${tenant.id}`, stack.operatorToken);
    expect(((await fetched.json()) as { status_reason: string }).status_reason).toBe(
      "Unpaid invoice INV-0113",
    );
    await page.click("#resume");
    await expect.poll(() => page.textContent("#message")).toBe("Tenant resumed.");
    await expect.poll(() => page.textContent("#detail-notes")).toBe("");
    await page.close();
  }, 60_000);
});
