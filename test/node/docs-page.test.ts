/**
 * The API reference at /docs in a real browser (Debian's chromium, driven by playwright-core)
 * against the Worker served by `wrangler dev` (static assets included), with every request to
 * another origin blocked, as on a machine with no internet access or behind a strict network
 * policy: the page still renders and lists the operations of /openapi.json.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasChromium, root, type Stack, useBrowserStack } from "./browser-fixtures";

const SCREENSHOT = join(root, ".data/docs-page.png");

let stack: Stack | undefined;
let browser: Browser | undefined;

describe.skipIf(!hasChromium)("API reference (/docs) in a browser, offline", () => {
  useBrowserStack((started) => {
    ({ stack, browser } = started);
  });

  it("serves a CSP that allows this origin only", async () => {
    if (!stack) throw new Error("not started");
    const response = await fetch(`${stack.baseUrl}/docs`, { signal: AbortSignal.timeout(15_000) });
    expect(response.status).toBe(200);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
    // No other origin, no scheme-wide source (https:), no wildcard; no inline script but the
    // nonced one, no eval.
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    const html = await response.text();
    // Every script the page loads comes from this origin.
    const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual(["/docs/scalar-api-reference-1.72.1.js"]);
    // The lint config beside the script is not an asset (public/.assetsignore).
    const config = await fetch(`${stack.baseUrl}/docs/biome.json`);
    expect(config.status).toBe(404);
  }, 30_000);

  it("renders from the Worker's own assets and lists the operations", async () => {
    if (!stack || !browser) throw new Error("not started");
    const origin = new URL(stack.baseUrl).origin;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const blocked: string[] = [];
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      blocked.push(url);
      return route.abort("internetdisconnected");
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    const served: string[] = [];
    page.on("response", (response) => served.push(`${response.status()} ${response.url()}`));

    await page.goto(`${stack.baseUrl}/docs`);
    // The first tag's operations are listed open, by their summaries.
    await page
      .getByText("The caller's tenant: plan, effective limits and usage (viewer)", { exact: true })
      .first()
      .waitFor({ timeout: 60_000 });
    // Every tag is listed; opening one lists its operations.
    for (const tag of ["books", "orders", "files", "webhooks", "v1 (deprecated)", "operators"]) {
      await page.getByRole("button", { name: `Open Group - ${tag}` }).waitFor();
    }
    for (const [tag, summary] of <Array<[string, string]>>[
      ["health", "Liveness: the Worker answers (no dependencies)"],
      ["ops", "Ops console (HTML page for operators)"],
    ]) {
      await page.getByRole("button", { name: `Open Group - ${tag}` }).click();
      await page.getByText(summary, { exact: true }).first().waitFor({ timeout: 15_000 });
    }

    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    expect(served).toContain(`200 ${origin}/docs/scalar-api-reference-1.72.1.js`);
    expect(served).toContain(`200 ${origin}/openapi.json`);
    // Nothing was even attempted elsewhere, and nothing was refused by the page's CSP.
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
