/**
 * scripts/smoke.mjs (the deploy pipeline's gate) against the Worker served by `wrangler dev` with
 * throwaway state, run as CI runs it: a child process with BASE_URL and OPERATOR_TOKEN. It passes
 * end to end with its own loopback receiver (the local Worker allows loopback http); it fails, with
 * a non-zero exit, when a step fails, and still offboards the tenant it created.
 */
import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, type Stack } from "./browser-fixtures";

const SCRIPT = join(root, "scripts/smoke.mjs");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** This process's environment without the script's own settings (a developer's shell may have
 * them), plus `env`. */
function scriptEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  for (const key of Object.keys(inherited)) {
    if (key === "BASE_URL" || key === "OPERATOR_TOKEN" || key.startsWith("SMOKE_")) {
      delete inherited[key];
    }
  }
  return { ...inherited, ...env };
}

/**
 * Runs the script without blocking this process: the embedded Postgres the Worker uses lives in
 * this process, so a synchronous spawn would starve it.
 */
function smoke(env: Record<string, string>, args: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [SCRIPT, ...args],
      { env: scriptEnv(env), timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A webhook receiver on loopback that answers every delivery with `status`. */
async function startReceiver(status: number) {
  let received = 0;
  const server: Server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      received++;
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const STEPS = [
  "ready",
  "provision tenant",
  "create admin key",
  "create webhook endpoint",
  "create book",
  "place order",
  "receive webhook",
  "webhook attempt listed",
  "offboard tenant",
  "tenant refused",
];

describe("usage", () => {
  it("refuses a remote target without a receiver URL (exit 2), before any call", async () => {
    const run = await smoke({
      BASE_URL: "https://api.shelfwise.example",
      OPERATOR_TOKEN: "op_x",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("set SMOKE_WEBHOOK_URL");
    expect(run.stdout).toBe("");
  });

  it("refuses a missing operator token (exit 2)", async () => {
    const run = await smoke({ BASE_URL: "http://127.0.0.1:9" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("OPERATOR_TOKEN is not set");
  });
});

describe("smoke test against a local Worker", () => {
  let stack: Stack | undefined;

  beforeAll(async () => {
    const module = (await import(new URL("../../bench/lib/stack.mjs", import.meta.url).href)) as {
      createStack: () => Stack;
    };
    stack = module.createStack();
    try {
      await stack.start();
    } catch (error) {
      throw new Error(`the Worker did not start: ${error}\n${stack.log(40)}`);
    }
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  function target(): Stack {
    if (!stack) throw new Error("stack not started");
    return stack;
  }

  it("passes every step with its own receiver and verifies the webhook's signature", async () => {
    const { baseUrl, operatorToken } = target();
    const run = await smoke({ BASE_URL: baseUrl, OPERATOR_TOKEN: operatorToken });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const okLines = run.stdout.split("\n").filter((line) => line.startsWith("smoke: ok "));
    expect(okLines.map((line) => /^smoke: ok {3}(.+?) \(\d+ ms\)/.exec(line)?.[1])).toEqual(STEPS);
    expect(run.stdout).toMatch(/receive webhook \(\d+ ms\) evt_\w+, signature verified/);
    expect(run.stdout).toMatch(/webhook attempt listed \(\d+ ms\) 204 in \d+ ms/);
    expect(run.stdout).toContain("tenant refused");
    expect(run.stdout).toContain(`smoke: passed (${STEPS.length} steps)`);
  }, 120_000);

  it("exits 1 at the first failing step: a wrong operator token stops it at provisioning", async () => {
    const run = await smoke({ BASE_URL: target().baseUrl, OPERATOR_TOKEN: "op_not_the_token" });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/smoke: FAIL provision tenant .*answered 401.*unauthenticated/);
    expect(run.stdout).not.toContain("create admin key");
    expect(run.stdout).toContain('smoke: failed at "provision tenant"');
  }, 60_000);

  it("with SMOKE_WEBHOOK_URL, fails when the receiver never answers 2xx and still offboards the tenant", async () => {
    const { baseUrl, operatorToken } = target();
    const receiver = await startReceiver(500);
    try {
      const run = await smoke({
        BASE_URL: baseUrl,
        OPERATOR_TOKEN: operatorToken,
        SMOKE_WEBHOOK_URL: receiver.url,
        SMOKE_WEBHOOK_TIMEOUT_MS: "4000",
      });
      expect(run.code, run.stdout).toBe(1);
      // Remote mode: no local receiver step, the attempts listing is the proof, and it has none 2xx.
      expect(run.stdout).not.toContain("receive webhook");
      expect(run.stdout).toMatch(/smoke: FAIL webhook attempt listed .*a 2xx delivery attempt/);
      expect(receiver.received()).toBeGreaterThan(0);
      const tenantId = /provision tenant \(\d+ ms\) (ten_\w+)/.exec(run.stdout)?.[1];
      expect(tenantId).toBeDefined();
      expect(run.stdout).toMatch(/smoke: ok {3}offboard tenant/);
      const tenant = await fetch(new URL(`/admin/tenants/${tenantId}`, baseUrl), {
        headers: { authorization: `Bearer ${operatorToken}` },
      });
      expect(((await tenant.json()) as { status: string }).status).toBe("offboarding");
    } finally {
      await receiver.close();
    }
  }, 60_000);
});
