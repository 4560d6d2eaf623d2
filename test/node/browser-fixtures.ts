import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";

/** The Worker under `wrangler dev` (bench/lib/stack.mjs), as the browser tests use it. */
export interface Stack {
  baseUrl: string;
  operatorToken: string;
  start(): Promise<Stack>;
  stop(): Promise<void>;
  log(lines?: number): string;
}

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
/** Debian's chromium: the browser tests are skipped on a machine without it. */
export const CHROMIUM = "/usr/bin/chromium";
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
