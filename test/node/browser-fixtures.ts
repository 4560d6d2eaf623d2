import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";

/** The Worker under `wrangler dev` (bench/lib/stack.mjs), as the browser tests use it. */
export interface Stack {
  baseUrl: string;
  operatorToken: string;
  start(): Promise<Stack>;
  stop(): Promise<void>;
  log(lines?: number): string;
}

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
/**
 * Debian's chromium, or the Chromium-based browser CHROMIUM_PATH names (GitHub's runners carry
 * Google Chrome): the browser tests are skipped on a machine without one.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

/** Starts the Worker and a headless Chromium; `stop()` ends both. */
export async function startBrowserStack(): Promise<{
  stack: Stack;
  browser: Browser;
  stop(): Promise<void>;
}> {
  const module = (await import(new URL("../../bench/lib/stack.mjs", import.meta.url).href)) as {
    createStack: () => Stack;
  };
  const stack = module.createStack();
  try {
    await stack.start();
  } catch (error) {
    throw new Error(`the Worker did not start: ${error}\n${stack.log(40)}`);
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    stack,
    browser,
    async stop() {
      await browser.close().catch(() => {});
      await stack.stop();
    },
  };
}

/**
 * Starts the Worker and Chromium before the enclosing describe's tests (handing both to
 * `started`) and stops them after: inside `describe.skipIf(!hasChromium)`, nothing starts on a
 * machine without the browser.
 */
export function useBrowserStack(started: (parts: { stack: Stack; browser: Browser }) => void) {
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const parts = await startBrowserStack();
    stop = parts.stop;
    started(parts);
  }, 240_000);
  afterAll(async () => {
    await stop?.();
  }, 60_000);
}

/** A call to the Worker with a bearer token (an API key, the operator token, a portal token). */
export function apiCall(stack: Stack, path: string, token: string, init: RequestInit = {}) {
  return fetch(new URL(path, stack.baseUrl), {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body ? { "content-type": "application/json" } : {}),
    },
    signal: AbortSignal.timeout(15_000),
  });
}

/** A new standard-plan tenant, provisioned by the operator: its id and admin key. */
export async function provisionTenant(stack: Stack, name: string) {
  const response = await apiCall(stack, "/admin/tenants", stack.operatorToken, {
    method: "POST",
    body: JSON.stringify({ name, plan: "standard" }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as {
    tenant: { id: string };
    api_key: { id: string; key: string };
  };
  return { id: body.tenant.id, key: body.api_key.key, keyId: body.api_key.id };
}

/** `apiCall` and `provisionTenant` on the stack a test file started (looked up at each call). */
export function onStack(current: () => Stack | undefined) {
  const started = () => {
    const stack = current();
    if (!stack) throw new Error("stack not started");
    return stack;
  };
  return {
    api: (path: string, token: string, init: RequestInit = {}) =>
      apiCall(started(), path, token, init),
    provision: (name: string) => provisionTenant(started(), name),
    /**
     * An endpoint of the tenant to `url`, then twelve new books: against a failing receiver the
     * breaker suspends the endpoint after ten consecutive failures and holds the rest.
     */
    async endpointWithTwelveEvents(key: string, url: string, isbnPrefix: "978" | "979" = "978") {
      const created = await apiCall(started(), "/v2/webhook-endpoints", key, {
        method: "POST",
        body: JSON.stringify({ url }),
      });
      expect(created.status).toBe(201);
      const endpointId = ((await created.json()) as { id: string }).id;
      for (let i = 0; i < 12; i++) {
        const book = await apiCall(started(), "/v2/books", key, {
          method: "POST",
          body: JSON.stringify({
            isbn: isbn13(i, isbnPrefix),
            title: `Book ${i}`,
            authors: ["A. Writer"],
            price: { amount: 1250, currency: "EUR" },
          }),
        });
        expect(book.status).toBe(201);
      }
      return endpointId;
    },
  };
}

/**
 * A webhook receiver on loopback whose answer (status and body) the test switches; it counts
 * the deliveries it answered with a 2xx.
 */
export async function startReceiver(answer: { status: number; body?: string }) {
  const state = { status: answer.status, body: answer.body ?? "", received: 0 };
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      if (state.status < 300) state.received++;
      response.writeHead(state.status, { "content-type": "text/plain" }).end(state.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    state,
    url: `http://127.0.0.1:${port}/hook`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An ISBN-13 with a valid check digit from a running number (each test file its own prefix). */
export function isbn13(n: number, prefix: "978" | "979" = "978"): string {
  const body = `${prefix}${String(100_000_000 + n).padStart(9, "0")}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** Polls `read` until `done` holds (the queue consumer works in the background). */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 500));
    last = await read();
  }
  return last;
}
