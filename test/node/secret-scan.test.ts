/**
 * scripts/secret-scan.mjs against throwaway git repositories: a clean one passes; a planted
 * credential fails the scan whether it is in the tree or only in history (committed, then
 * deleted); an allow-list entry by value lets a test fixture through; an entry without a reason
 * is refused. The fake secrets are assembled at run time so this file itself holds none.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const script = join(dirname(fileURLToPath(import.meta.url)), "../../scripts/secret-scan.mjs");
const repos: string[] = [];

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), "secret-scan-"));
  repos.push(dir);
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: dir });
  return dir;
}

function commit(dir: string, files: Record<string, string | null>, message: string): void {
  for (const [path, text] of Object.entries(files)) {
    if (text === null) {
      execFileSync("git", ["rm", "-q", path], { cwd: dir });
      continue;
    }
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    execFileSync("git", ["add", path], { cwd: dir });
  }
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", message], {
    cwd: dir,
  });
}

function runScan(dir: string) {
  const r = spawnSync(process.execPath, [script], { cwd: dir, encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

// Shapes of real credentials, never issued.
const awsKey = `AKIA${"QX7Z".repeat(4)}`;
const liveApiKey = `sk_live_${"Ab3_".repeat(16)}`;
const pem = `-----BEGIN RSA ${"PRIVATE"} KEY-----`;
const fixtureToken = `op_test_${"0123456789abcdef".repeat(2)}`;

afterEach(() => {
  for (const dir of repos.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("secret scan", () => {
  it("passes on a clean repository", () => {
    const dir = repo();
    commit(dir, { "src/index.ts": 'export const greeting = "hello";\n' }, "clean");
    const { status, out } = runScan(dir);
    expect(out).toContain("no secrets found");
    expect(status).toBe(0);
  });

  it("fails on an API key of ours committed under src/, naming the file and line", () => {
    const dir = repo();
    commit(dir, { "src/config.ts": `// ok\nexport const KEY = "${liveApiKey}";\n` }, "oops");
    const { status, out } = runScan(dir);
    expect(status).toBe(1);
    expect(out).toContain("SECRET shelfwise-api-key: src/config.ts:2");
    expect(out).not.toContain(liveApiKey); // reported redacted
  });

  it("fails on a secret that only history still holds", () => {
    const dir = repo();
    commit(dir, { "deploy.env": `AWS_ACCESS_KEY_ID=${awsKey}\n`, "README.md": "hi\n" }, "add");
    commit(dir, { "deploy.env": null }, "remove the key");
    const sha = execFileSync("git", ["rev-parse", "HEAD~1"], { cwd: dir, encoding: "utf8" });
    const { status, out } = runScan(dir);
    expect(status).toBe(1);
    expect(out).toContain(`SECRET aws-access-key-id: ${sha.slice(0, 12)} deploy.env:1`);
  });

  it("says so when a shallow clone hides the history, and then misses a deleted key", () => {
    const dir = repo();
    commit(dir, { "deploy.env": `AWS_ACCESS_KEY_ID=${awsKey}\n` }, "add");
    commit(dir, { "deploy.env": null, "README.md": "hi\n" }, "remove the key");
    const clone = mkdtempSync(join(tmpdir(), "secret-scan-shallow-"));
    repos.push(clone);
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${dir}`, clone]);
    const { status, out } = runScan(clone);
    expect(out).toContain("WARNING: shallow clone, history before its first commit is NOT scanned");
    expect(status).toBe(0);
  });

  it("fails on an uncommitted edit to a tracked file, and on a private key block", () => {
    const dir = repo();
    commit(dir, { "keys/server.txt": "placeholder\n" }, "add");
    writeFileSync(join(dir, "keys/server.txt"), `${pem}\nMIIE...\n`);
    const { status, out } = runScan(dir);
    expect(status).toBe(1);
    expect(out).toContain("SECRET private-key: keys/server.txt:1");
  });

  it("lets an allow-listed fixture value through, and refuses an entry without a reason", () => {
    const dir = repo();
    commit(dir, { "test/setup.ts": `export const OPERATOR = "${fixtureToken}";\n` }, "fixture");
    expect(runScan(dir).status).toBe(1);

    const allow = (entry: object) =>
      writeFileSync(
        join(dir, "scripts/secret-scan-allow.json"),
        JSON.stringify({ allow: [entry] }),
      );
    mkdirSync(join(dir, "scripts"));
    allow({ value: fixtureToken, reason: "The test pool's operator token, never deployed." });
    const passed = runScan(dir);
    expect(passed.out).toContain("2 allow-listed occurrence(s)"); // the tree and its commit
    expect(passed.out).toContain("no secrets found");
    expect(passed.status).toBe(0);

    allow({ value: fixtureToken });
    const refused = runScan(dir);
    expect(refused.status).toBe(2);
    expect(refused.out).toContain("needs a reason");
  });
});
