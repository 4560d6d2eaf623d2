/**
 * scripts/audit.mjs with a stand-in `npm` first on PATH that prints canned `npm audit --json`
 * answers: a clean report passes; a high advisory in a production dependency fails and names the
 * package; an unreachable advisory endpoint (the 405 this machine's registry gives) is announced
 * as NOT RUN, never as a pass, and is a failure when the endpoint is required (as in CI).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const script = join(dirname(fileURLToPath(import.meta.url)), "../../scripts/audit.mjs");
const bin = mkdtempSync(join(tmpdir(), "fake-npm-"));
writeFileSync(
  join(bin, "npm"),
  '#!/bin/sh\necho "$@" > "$FAKE_DIR/args"\ncat "$FAKE_DIR/out"\ncat "$FAKE_DIR/err" >&2\nexit "$FAKE_STATUS"\n',
);
chmodSync(join(bin, "npm"), 0o755);

function audit(answer: { out: object; err?: string; status: number }, env: object = {}) {
  writeFileSync(join(bin, "out"), JSON.stringify(answer.out));
  writeFileSync(join(bin, "err"), answer.err ?? "");
  const r = spawnSync(process.execPath, [script], {
    encoding: "utf8",
    env: {
      ...process.env,
      AUDIT_REQUIRE_ENDPOINT: "",
      PATH: `${bin}:${process.env.PATH}`,
      FAKE_DIR: bin,
      FAKE_STATUS: String(answer.status),
      ...env,
    },
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

const counts = (high: number) => ({
  metadata: {
    vulnerabilities: { info: 0, low: 1, moderate: 0, high, critical: 0, total: 1 + high },
  },
});
const unreachable = {
  out: {
    message:
      "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
    statusCode: 405,
  },
  err: "npm error audit endpoint returned an error\n",
  status: 1,
};

afterAll(() => rmSync(bin, { recursive: true, force: true }));

describe("dependency audit", () => {
  it("passes a clean report of production dependencies at level high", () => {
    const { status, out } = audit({ out: { vulnerabilities: {}, ...counts(0) }, status: 0 });
    expect(readFileSync(join(bin, "args"), "utf8").trim()).toBe(
      "audit --omit=dev --audit-level=high --json",
    );
    expect(out).toContain("0 critical, 0 high, 0 moderate, 1 low");
    expect(out).toContain("no high or critical advisory in production dependencies");
    expect(status).toBe(0);
  });

  it("fails on a high advisory and names the package", () => {
    const vulnerabilities = {
      hono: {
        severity: "high",
        range: "<4.9.0",
        via: [{ title: "Path confusion in serveStatic" }],
        fixAvailable: true,
      },
    };
    const { status, out } = audit({ out: { vulnerabilities, ...counts(1) }, status: 1 });
    expect(status).toBe(1);
    expect(out).toContain("HIGH hono <4.9.0 Path confusion in serveStatic (fix available)");
    expect(out).toContain("dependency audit FAILED");
  });

  it("says loudly that nothing was audited when the endpoint is unreachable", () => {
    const local = audit(unreachable);
    expect(local.out).toContain("DEPENDENCY AUDIT NOT RUN");
    expect(local.out).toContain("405 Method Not Allowed");
    expect(local.out).not.toContain("no high or critical");
    expect(local.status).toBe(0);

    const ci = audit(unreachable, { AUDIT_REQUIRE_ENDPOINT: "1" });
    expect(ci.out).toContain("DEPENDENCY AUDIT NOT RUN");
    expect(ci.status).toBe(3);
  });
});
