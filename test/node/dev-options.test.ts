/**
 * `npm run dev -- --port N`: the port it listens on, the address the Worker's links name, and the
 * wrangler flags that let the dev server run the cron triggers.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { devWorkerOptions, parseDevOptions } from "../../scripts/lib/dev-options.mjs";
import { wranglerDevArgs } from "../../scripts/lib/local-worker.mjs";

describe("npm run dev options", () => {
  it.each([
    [["--port", "8830"], {}, 8830],
    [["--port=8830"], {}, 8830],
    [["-p", "8831"], {}, 8831],
    [[], { PORT: "8788" }, 8788],
    [["--port", "8830"], { PORT: "8788" }, 8830],
    [[], {}, 8787],
    [[], { PORT: "" }, 8787],
  ])("%j with %j listens on %i", (argv, env, port) => {
    expect(parseDevOptions(argv, env).port).toBe(port);
  });

  it.each([
    [["--port"], /--port needs a port number/],
    [["--port", "--inspect"], /--port needs a port number/],
    [["--port=http"], /--port "http" is not a TCP port/],
    [["--port", "70000"], /--port "70000" is not a TCP port/],
    [["8830"], /unknown argument "8830"; usage: npm run dev/],
    [["--prot", "8830"], /unknown argument "--prot"/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseDevOptions(argv, {})).toThrow(message);
  });

  it("refuses a PORT that is not a port", () => {
    expect(() => parseDevOptions([], { PORT: "abc" })).toThrow(/PORT "abc" is not a TCP port/);
  });
});

describe("wrangler dev as npm run dev starts it", () => {
  const argsFor = (argv: string[], env: Record<string, string> = {}) =>
    wranglerDevArgs(devWorkerOptions({ port: parseDevOptions(argv, env).port, env }));

  it("listens on the port asked for, with the Worker's links on that address", () => {
    const args = argsFor(["--port", "8830"]);
    expect(args.slice(0, 5)).toEqual(["dev", "--port", "8830", "--ip", "127.0.0.1"]);
    expect(args[args.indexOf("--var") + 1]).toBe("PUBLIC_BASE_URL:http://localhost:8830");
  });

  it("keeps a positional script out of --var's values (the benchmark's entry, the smoke run's)", () => {
    const args = wranglerDevArgs({ port: 40123, args: ["bench/worker.ts", "--config", "w.toml"] });
    const script = args.indexOf("bench/worker.ts");
    expect(script).toBe(1);
    expect(args.indexOf("--var")).toBeGreaterThan(script);
    expect(args.slice(args.indexOf("--var") + 1)).not.toContain("bench/worker.ts");
  });

  it("exposes /__scheduled (--test-scheduled) so the dev server can run the cron triggers", () => {
    expect(argsFor([])).toContain("--test-scheduled");
  });

  it("takes PUBLIC_BASE_URL from the environment when set (a tunnel)", () => {
    const args = argsFor([], { PUBLIC_BASE_URL: "https://dev.tunnel.example" });
    expect(args).toContain("PUBLIC_BASE_URL:https://dev.tunnel.example");
  });

  it("is how scripts/dev.mjs starts it", () => {
    const source = readFileSync("scripts/dev.mjs", "utf8");
    expect(source).toMatch(/startWrangler\(\{\s*\.\.\.devWorkerOptions\(/);
    expect(source).toMatch(/parseDevOptions\(process\.argv\.slice\(2\)/);
  });

  it("other users of wrangler dev (benchmarks, browser tests) link to the address they listen on", () => {
    const args = wranglerDevArgs({ port: 40123 });
    expect(args).toContain("PUBLIC_BASE_URL:http://127.0.0.1:40123");
    expect(args).not.toContain("--test-scheduled");
  });
});
