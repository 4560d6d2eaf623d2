/**
 * scripts/check-licenses.mjs against planted projects (a package.json and its package-lock.json):
 * a transitive production dependency under GPL fails the check and is named; the same tree under
 * permissive licenses passes and lists them; a GPL devDependency is not a production dependency;
 * a nested copy (a/node_modules/b) is the one npm would load; an OR expression passes on one side.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const script = join(dirname(fileURLToPath(import.meta.url)), "../../scripts/check-licenses.mjs");
const dirs: string[] = [];

type Lock = Record<string, { version: string; license?: string; dependencies?: object }>;

function project(lockPackages: Lock, devDependencies: object = {}) {
  const dir = mkdtempSync(join(tmpdir(), "licenses-"));
  dirs.push(dir);
  const manifest = { name: "p", version: "1.0.0", dependencies: { app: "1.0.0" }, devDependencies };
  writeFileSync(join(dir, "package.json"), JSON.stringify(manifest));
  const lock = { lockfileVersion: 3, packages: { "": manifest, ...lockPackages } };
  writeFileSync(join(dir, "package-lock.json"), JSON.stringify(lock));
  const r = spawnSync(process.execPath, [script, "--root", dir], { encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

const tree = (leafLicense: string): Lock => ({
  "node_modules/app": { version: "1.0.0", license: "MIT", dependencies: { util: "^2" } },
  "node_modules/util": { version: "2.0.0", license: "ISC", dependencies: { leaf: "^1" } },
  "node_modules/leaf": { version: "1.0.0", license: leafLicense },
  "node_modules/devtool": { version: "1.0.0", license: "GPL-3.0-only" },
});

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("license check of production dependencies", () => {
  it("fails on a transitive dependency under GPL, naming it", () => {
    const { status, out } = project(tree("GPL-3.0-or-later"), { devtool: "1.0.0" });
    expect(status).toBe(1);
    expect(out).toContain("REFUSED GPL-3.0-or-later (1): leaf@1.0.0");
    expect(out).toContain("1 package(s) under a license not allowed");
  });

  it("passes with permissive licenses and prints them; a GPL devDependency is not checked", () => {
    const { status, out } = project(tree("BSD-3-Clause"), { devtool: "1.0.0" });
    expect(out).toContain("licenses of 3 production packages:");
    expect(out).toContain("ok      BSD-3-Clause (1): leaf@1.0.0");
    expect(out).not.toContain("devtool");
    expect(status).toBe(0);
  });

  it("passes an OR expression with one allowed side, and refuses a package declaring none", () => {
    expect(project(tree("(MIT OR GPL-2.0-only)")).status).toBe(0);
    const { status, out } = project({
      ...tree("MIT"),
      "node_modules/leaf": { version: "1.0.0" },
    });
    expect(status).toBe(1);
    expect(out).toContain("REFUSED (none declared) (1): leaf@1.0.0");
  });

  it("checks the nested copy npm loads, not the hoisted one", () => {
    const { status, out } = project({
      ...tree("MIT"),
      "node_modules/util/node_modules/leaf": { version: "0.9.0", license: "AGPL-3.0-only" },
    });
    expect(status).toBe(1);
    expect(out).toContain("REFUSED AGPL-3.0-only (1): leaf@0.9.0");
    expect(out).not.toContain("leaf@1.0.0");
  });
});
