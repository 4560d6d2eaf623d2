/**
 * The webhook delivery portal in a real browser (Debian's chromium, driven by playwright-core)
 * against the Worker served by `wrangler dev` with throwaway state, as a tenant's staff member
 * would use it: an admin mints a portal token through the API and hands over the link; the page
 * shows the endpoint, its deliveries with the receiver's answer, recovers the suspended endpoint
 * and resends an event, and never talks to another origin; with the page open, a new delivery's
 * attempt appears without a reload or a click (GET /portal/stream).
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

const SCREENSHOT = join(root, ".data/portal.png");

let stack: Stack | undefined;
let browser: Browser | undefined;

const { api, provision, endpointWithTwelveEvents } = onStack(() => stack);

/** Deliveries go through the queue consumer and the breaker: up to 90 s on a busy machine. */
const SETTLE_MS = 90_000;

type Attempt = { delivery_id: string; event_id: string; status_code: number | null };

/** Each delivery's attempts (newest first), read through the API with the admin key. */
async function deliveries(key: string, endpointId: string) {
  const response = await api(`/v2/webhook-endpoints/${endpointId}/attempts?limit=100`, key);
  const { data } = (await response.json()) as { data: Attempt[] };
  const byDelivery = new Map<string, Attempt[]>();
  for (const a of data)
    byDelivery.set(a.delivery_id, [...(byDelivery.get(a.delivery_id) ?? []), a]);
  return byDelivery;
}

/** Clicks Refresh until `read` of the page satisfies `done`. */
async function pollPage<T>(page: Page, read: () => Promise<T>, done: (value: T) => boolean) {
  await expect
    .poll(
      async () => {
        const value = await read();
        if (done(value)) return true;
        await page.click("#refresh");
        return false;
      },
      { timeout: 60_000, interval: 1000 },
    )
    .toBe(true);
}

describe.skipIf(!hasChromium)("webhook delivery portal in a browser", () => {
  useBrowserStack((started) => {
    ({ stack, browser } = started);
  });

  it("opens from the minted link, shows deliveries with the receiver's answer, recovers the endpoint and resends an event", async () => {
    if (!stack || !browser) throw new Error("not started");
    const base = stack.baseUrl.replace(/\/$/, "");
    const receiver = await startReceiver({ status: 500, body: "upstream database is down" });
    try {
      const tenant = await provision("Quayside Books");
      // Twelve events against a failing receiver: the breaker suspends the endpoint after ten
      // consecutive failures and holds the rest.
      const endpointId = await endpointWithTwelveEvents(tenant.key, receiver.url, "979");
      await waitFor(
        async () =>
          (
            (await (await api(`/v2/webhook-endpoints/${endpointId}`, tenant.key)).json()) as {
              status: string;
            }
          ).status,
        (status) => status === "suspended",
        "the endpoint to be suspended",
        SETTLE_MS,
      );
      // An event while suspended is held: never attempted, so only the deliveries listing has it.
      const heldBook = await api("/v2/books", tenant.key, {
        method: "POST",
        body: JSON.stringify({
          isbn: isbn13(12, "979"),
          title: "Book held",
          authors: ["A. Writer"],
          price: { amount: 1250, currency: "EUR" },
        }),
      });
      expect(heldBook.status).toBe(201);
      const heldOnes = await waitFor(
        async () => {
          const response = await api(
            `/v2/webhook-endpoints/${endpointId}/deliveries?status=held`,
            tenant.key,
          );
          return ((await response.json()) as { data: Array<{ id: string }> }).data;
        },
        (data) => data.length > 0,
        "a held delivery",
        SETTLE_MS,
      );

      const minted = await api("/v2/portal-tokens", tenant.key, {
        method: "POST",
        body: JSON.stringify({ ttl_seconds: 900 }),
      });
      expect(minted.status).toBe(201);
      const { token, portal_url } = (await minted.json()) as { token: string; portal_url: string };
      expect(portal_url).toBe(`${base}/portal#token=${token}`);

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      const requests: Array<{ url: string; authorization: string | undefined }> = [];
      page.on("request", (request) =>
        requests.push({ url: request.url(), authorization: request.headers().authorization }),
      );

      await page.goto(portal_url);
      const section = `section[data-endpoint="${endpointId}"]`;
      await page.waitForSelector(`${section} tr.delivery`);
      // The token left the address bar for this tab's sessionStorage.
      expect(page.url()).toBe(`${base}/portal`);
      expect(await page.evaluate(() => sessionStorage.getItem("shelfwise.portal.token"))).toBe(
        token,
      );
      expect(await page.textContent(`${section} h2`)).toBe(receiver.url);
      expect(await page.textContent(`${section} .endpoint-status`)).toBe("suspended");
      expect(await page.textContent(`${section} .meta`)).toContain("Ordering: unordered");
      const firstRow = `${section} tbody tr.delivery:first-child`;
      expect(await page.textContent(`${firstRow} .response`)).toBe("HTTP 500");
      expect(await page.textContent(`${firstRow} .excerpt`)).toBe("upstream database is down");
      expect(await page.textContent(`${firstRow} .delivery-status`)).toBe("failed");
      const heldRow = `${section} tr.unsent-delivery[data-delivery="${heldOnes[0]?.id}"]`;
      expect(await page.textContent(`${heldRow} .delivery-status`)).toBe("held");
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: true });

      // Recover: the endpoint is active again and what failed or was held is delivered.
      receiver.state.status = 200;
      receiver.state.body = "thanks, got it";
      await page.click(`${section} button.recover`);
      await expect
        .poll(() => page.textContent("#message"))
        .toMatch(/^Endpoint recovered: \d+ deliveries queued again\./);
      await pollPage(
        page,
        async () => page.getAttribute(section, "data-status"),
        (status) => status === "active",
      );
      // A delivery the healthy receiver answered (others may still wait for their retry).
      const delivered = (byDelivery: Map<string, Attempt[]>) =>
        [...byDelivery.entries()].find(([, a]) => a[0]?.status_code === 200);
      const settled = await waitFor(
        () => deliveries(tenant.key, endpointId),
        (byDelivery) => delivered(byDelivery) !== undefined,
        "a delivery to reach the healthy receiver",
        SETTLE_MS,
      );

      // Resend that delivery's event from its row: a new attempt appears, answered 200.
      const [deliveryId, attempts] = delivered(settled) ?? [];
      if (!deliveryId || !attempts) throw new Error("no delivery");
      const row = `${section} tr[data-delivery="${deliveryId}"]`;
      await pollPage(
        page,
        async () => page.textContent(`${row} .attempts`),
        (count) => count === String(attempts.length),
      );
      const receivedBefore = receiver.state.received;
      await page.click(`${row} button.resend`);
      await expect
        .poll(() => page.textContent("#message"))
        .toBe(`Event ${attempts[0]?.event_id} queued for 1 endpoint(s).`);
      await pollPage(
        page,
        async () => page.textContent(`${row} .attempts`),
        (count) => count === String(attempts.length + 1),
      );
      expect(await page.textContent(`${row} .response`)).toBe("HTTP 200");
      expect(await page.textContent(`${row} .excerpt`)).toBe("thanks, got it");
      expect(receiver.state.received).toBeGreaterThan(receivedBefore);

      // The audit log names the portal token and the key that minted it.
      const audit = await api("/v2/audit-log?action=event.resent", tenant.key);
      const { data } = (await audit.json()) as { data: Array<{ actor: unknown }> };
      expect(data[0]?.actor).toEqual({ type: "portal_token", id: `api_key:${tenant.keyId}` });

      // Nothing left for another origin; every API call carried the portal token, never a key.
      const foreign = requests.filter(
        (r) => !r.url.startsWith("data:") && !r.url.startsWith(`${base}/`),
      );
      expect(foreign).toEqual([]);
      const apiCalls = requests.filter((r) => r.url.startsWith(`${base}/v2/`));
      expect(apiCalls.length).toBeGreaterThan(3);
      expect(apiCalls.every((r) => r.authorization === `Bearer ${token}`)).toBe(true);
      expect(await page.content()).not.toContain(tenant.key);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await receiver.close();
    }
  }, 240_000);

  it("shows new delivery attempts as they happen, without a reload or a click on Refresh", async () => {
    if (!stack || !browser) throw new Error("not started");
    const base = stack.baseUrl.replace(/\/$/, "");
    const receiver = await startReceiver({ status: 200, body: "received live" });
    try {
      const tenant = await provision("Harbour Lights Books");
      const created = await api("/v2/webhook-endpoints", tenant.key, {
        method: "POST",
        body: JSON.stringify({ url: receiver.url }),
      });
      expect(created.status).toBe(201);
      const endpointId = ((await created.json()) as { id: string }).id;
      const minted = await api("/v2/portal-tokens", tenant.key, {
        method: "POST",
        body: JSON.stringify({}),
      });
      const { portal_url, token } = (await minted.json()) as { portal_url: string; token: string };

      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(error.message));
      let navigations = 0;
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame()) navigations++;
      });
      const streams: Array<string | undefined> = [];
      page.on("request", (request) => {
        if (request.url().startsWith(`${base}/portal/stream`)) {
          streams.push(request.headers().authorization);
        }
      });
      await page.goto(portal_url);
      const section = `section[data-endpoint="${endpointId}"]`;
      await page.waitForSelector(`${section} p.empty`);
      expect(await page.textContent(`${section} p.empty`)).toBe("No delivery attempts yet.");
      await expect.poll(() => page.textContent("#live"), { timeout: 15_000 }).toBe("Live");
      expect(await page.isVisible("#refresh")).toBe(true);
      await page.evaluate(() => {
        (globalThis as unknown as { unchanged: boolean }).unchanged = true;
      });
      const navigationsBefore = navigations;

      // A book created through the API: its delivery's attempt appears on the open page.
      const book = async (n: number) => {
        const response = await api("/v2/books", tenant.key, {
          method: "POST",
          body: JSON.stringify({
            isbn: isbn13(100 + n),
            title: `Live book ${n}`,
            authors: ["A. Writer"],
            price: { amount: 990, currency: "EUR" },
          }),
        });
        expect(response.status).toBe(201);
        const events = await api("/v2/events?limit=1", tenant.key);
        return ((await events.json()) as { data: Array<{ id: string }> }).data[0]?.id;
      };
      const firstEvent = await book(1);
      const firstRow = `${section} tbody tr.delivery:first-child`;
      await page.waitForSelector(`${firstRow}[data-event="${firstEvent}"]`, {
        timeout: SETTLE_MS,
      });
      expect(await page.textContent(`${firstRow} .response`)).toBe("HTTP 200");
      expect(await page.textContent(`${firstRow} .excerpt`)).toBe("received live");
      expect(await page.textContent(`${firstRow} .delivery-status`)).toBe("delivered");
      expect(await page.getAttribute(firstRow, "class")).toContain("fresh");

      // The next one is prepended above it.
      const secondEvent = await book(2);
      await page.waitForSelector(`${firstRow}[data-event="${secondEvent}"]`, {
        timeout: SETTLE_MS,
      });
      expect(await page.locator(`${section} tbody tr.delivery`).count()).toBe(2);

      // Neither a reload nor a navigation: the same document, one stream with the portal token.
      expect(navigations).toBe(navigationsBefore);
      expect(
        await page.evaluate(() => (globalThis as unknown as { unchanged?: boolean }).unchanged),
      ).toBe(true);
      expect(streams.length).toBeGreaterThanOrEqual(1);
      expect(streams.every((authorization) => authorization === `Bearer ${token}`)).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await receiver.close();
    }
  }, 240_000);

  it("asks for a link when opened without a token, and ends the session when the token is refused", async () => {
    if (!stack || !browser) throw new Error("not started");
    const page = await browser.newPage();
    await page.goto(`${stack.baseUrl.replace(/\/$/, "")}/portal`);
    await expect
      .poll(() => page.textContent("#message"))
      .toBe("Open the portal link your administrator gave you.");
    await page.close();
    // A new tab: the same page with another fragment would not load again.
    const refused = await browser.newPage();
    await refused.goto(`${stack.baseUrl.replace(/\/$/, "")}/portal#token=not.a.token`);
    await expect
      .poll(() => refused.textContent("#message"))
      .toBe("This portal link has expired. Ask your administrator for a new one.");
    expect(
      await refused.evaluate(() => sessionStorage.getItem("shelfwise.portal.token")),
    ).toBeNull();
    await refused.close();
  }, 60_000);
});
