/**
 * `npm test` prints the console output of failing tests only: the Worker's request log lines (one
 * JSON line per request) of a passing test are dropped, a failing test's are printed with its
 * failure, and SHELFWISE_TEST_LOGS=1 prints them all. A child vitest runs a passing and a failing
 * test with this repository's `silent` setting.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Inside the repository, so the fixture resolves vitest from its node_modules; one per run.
const cache = resolve("node_modules/.cache");
let root = "";

const fixture = `import { expect, it } from "vitest";
it("passes", () => {
  console.log(JSON.stringify({ level: "info", message: "request", route: "/v2/passing" }));
});
it("fails", () => {
  console.log(JSON.stringify({ level: "info", message: "request", route: "/v2/failing" }));
  expect(1).toBe(2);
});
`;

const config = `import base from ${JSON.stringify(resolve("vitest.config.ts"))};
export default { test: { silent: base.test?.silent, include: ["output.fixture.ts"] } };
`;

function runChild(env: Record<string, string | undefined>): string {
  const run = spawnSync(
    process.execPath,
    ["node_modules/vitest/vitest.mjs", "run", "--root", root, "--color=false"],
    { encoding: "utf8", env: { ...process.env, ...env } },
  );
  expect(run.status, run.stderr).toBe(1); // the failing test fails the run
  return run.stdout + run.stderr;
}

describe("test output", () => {
  beforeAll(() => {
    mkdirSync(cache, { recursive: true });
    root = mkdtempSync(join(cache, "shelfwise-test-output-"));
    writeFileSync(join(root, "output.fixture.ts"), fixture);
    writeFileSync(join(root, "vitest.config.ts"), config);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("drops a passing test's log lines and prints a failing test's", () => {
    const output = runChild({ SHELFWISE_TEST_LOGS: undefined });
    expect(output).not.toContain("/v2/passing");
    expect(output).toContain("/v2/failing");
  });

  it("prints every log line with SHELFWISE_TEST_LOGS=1", () => {
    const output = runChild({ SHELFWISE_TEST_LOGS: "1" });
    expect(output).toContain("/v2/passing");
    expect(output).toContain("/v2/failing");
  });
});
