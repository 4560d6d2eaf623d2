#!/usr/bin/env node
// Secret scan (`npm run check`, docs/security-gates.md): the tracked files as they are on disk
// AND every line ever added in the git history (`git log -p --all`, merges against their first
// parent), searched for the credential formats Shelfwise issues and common cloud tokens.
//
//   node scripts/secret-scan.mjs [--allow <file>] [--no-history]
//
// Exit 0: nothing found. Exit 1: findings, one line each (rule, where, a redacted value). Exit 2:
// git failed or the allow-list is malformed. Run it from the repository's root (or any git repo).
//
// The allow-list (scripts/secret-scan-allow.json by default) names known-harmless values (test
// fixtures, documented examples) by exact value, or single files by exact path, each with a
// reason. There is no directory-wide skip: a new secret anywhere under src/ or test/ is found.
// No dependency: plain regular expressions, listed below with what each one catches.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";

/**
 * The rules. Each `pattern` is global; the whole match is the value compared with the allow-list.
 * Shelfwise's own formats first (src/platform/auth/api-keys.ts, src/platform/crypto/
 * webhook-signature.ts, src/env.ts, src/platform/auth/portal-token.ts), then third parties'.
 */
export const RULES = [
  {
    id: "shelfwise-api-key",
    what: "Shelfwise API key (sk_live_/sk_test_ + 43 or 64 base64url characters)",
    pattern: /\bsk_(?:live|test)_[A-Za-z0-9_-]{43}(?:[A-Za-z0-9_-]{21})?(?![A-Za-z0-9_-])/g,
  },
  {
    // OPERATOR_TOKEN is any string of ≥ 32 characters; by convention op_<environment>_<random>.
    id: "shelfwise-operator-token",
    what: "Shelfwise operator token (op_<env>_ + 24 or more characters)",
    pattern: /\bop_[a-z0-9]{2,16}_[A-Za-z0-9_-]{24,}/g,
  },
  {
    id: "shelfwise-webhook-secret",
    what: "webhook signing secret (whsec_ + base64)",
    pattern: /\bwhsec_[A-Za-z0-9+/]{20,}={0,2}/g,
  },
  {
    // Portal tokens (typ shelfwise-portal+jwt) and tenant JWTs: any signed JWS in compact form.
    id: "jwt",
    what: "signed JWT (portal token, tenant token)",
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}/g,
  },
  {
    // The Worker's secrets (src/env.ts) and the deploy's (deploy.yml) written out as a literal:
    // NAME = "value" / NAME: value. A reference ($X, ${{ secrets.X }}, env.X) is not a literal.
    id: "shelfwise-secret-assignment",
    what: "literal value for a Worker or deploy secret",
    pattern:
      /\b(?:OPERATOR_TOKEN|WEBHOOK_SECRET_KEY|URL_SIGNING_KEY|API_KEY_MAC_KEY(?:_PREVIOUS)?|CLOUDFLARE_API_TOKEN|CF_API_TOKEN|CF_ANALYTICS_TOKEN)["']?\s*[:=]\s*["']?[A-Za-z0-9+/_-]{24,}={0,2}/g,
  },
  {
    id: "aws-access-key-id",
    what: "AWS access key id",
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g,
  },
  {
    id: "aws-secret-access-key",
    what: "AWS secret access key (next to its name)",
    pattern: /\baws_?secret_?access_?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}\b/gi,
  },
  {
    id: "github-token",
    what: "GitHub token (ghp_/gho_/ghu_/ghs_/ghr_, github_pat_)",
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b/g,
  },
  {
    id: "slack-token",
    what: "Slack token (xoxb-/xoxp-/xoxa-/xoxr-/xoxs-, xapp-) or incoming webhook URL",
    pattern:
      /\b(?:xox[abposr]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{10,}|hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,})/g,
  },
  {
    // sk_live_ alone would collide with our own keys (the first rule); Stripe's are alphanumeric.
    id: "stripe-live-key",
    what: "Stripe live secret or restricted key",
    pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{24,}\b/g,
  },
  {
    id: "private-key",
    what: "PEM private key block",
    pattern: /-----BEGIN (?:[A-Z0-9]+ )?PRIVATE KEY(?: BLOCK)?-----/g,
  },
  {
    // Cloudflare API tokens are 40 unprefixed characters, recognisable only next to a name.
    id: "cloudflare-api-token",
    what: "Cloudflare API token or global key (next to its name)",
    pattern:
      /\b(?:cloudflare|cf)[_-]?(?:api[_-]?)?(?:token|key)["']?\s*[:=]\s*["']?[A-Za-z0-9_-]{37,40}\b/gi,
  },
  {
    id: "google-api-key",
    what: "Google API key",
    pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g,
  },
  {
    id: "npm-token",
    what: "npm access token",
    pattern: /\bnpm_[A-Za-z0-9]{36}\b/g,
  },
  {
    // A database URL with a real password. Local development URLs (localhost, 127.0.0.1) are
    // throwaway embedded servers and not reported; placeholders (…, <password>) do not match.
    id: "database-url-password",
    what: "Postgres URL with a password",
    pattern:
      /\bpostgres(?:ql)?:\/\/[A-Za-z0-9_.-]+:[A-Za-z0-9_.~%!*-]{8,}@(?!localhost\b|127\.0\.0\.1\b|\[::1\])[A-Za-z0-9.-]+/g,
  },
];

/** Where the allow-list lives unless --allow says otherwise. Its own text is not scanned. */
export const DEFAULT_ALLOW_FILE = "scripts/secret-scan-allow.json";

/** Loads and validates the allow-list: [{ value | path, rule?, reason }]. Throws on a bad entry. */
export function loadAllowList(file) {
  if (!existsSync(file)) return [];
  const entries = JSON.parse(readFileSync(file, "utf8")).allow;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected { "allow": [ … ] }`);
  for (const [i, e] of entries.entries()) {
    if (typeof e.reason !== "string" || e.reason.trim().length < 10) {
      throw new Error(`${file}: entry ${i} needs a reason (a sentence, not a word)`);
    }
    if ((typeof e.value === "string") === (typeof e.path === "string")) {
      throw new Error(`${file}: entry ${i} needs exactly one of "value" or "path"`);
    }
    if (typeof e.path === "string" && (e.path.endsWith("/") || e.path.includes("*"))) {
      throw new Error(`${file}: entry ${i}: "path" names one file, not a directory or a glob`);
    }
  }
  return entries;
}

/** Findings in one line of text: [{ rule, match }]. Overlapping matches keep the first rule's. */
export function scanLine(line) {
  const found = [];
  for (const rule of RULES) {
    for (const m of line.matchAll(rule.pattern)) {
      const overlaps = found.some(
        (f) => m.index < f.index + f.match.length && f.index < m.index + m[0].length,
      );
      if (!overlaps) found.push({ rule: rule.id, match: m[0], index: m.index });
    }
  }
  return found;
}

function allowed(allowList, finding, path) {
  return allowList.find(
    (e) =>
      (!e.rule || e.rule === finding.rule) &&
      (e.value !== undefined ? finding.match.includes(e.value) : e.path === path),
  );
}

/** A value shown in the report: enough to find it, not enough to use it. */
export function redact(value) {
  return value.length <= 12 ? `${value.slice(0, 4)}…` : `${value.slice(0, 10)}…(${value.length})`;
}

function git(args) {
  return execFileSync("git", args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
}

function isBinary(buffer) {
  return buffer.subarray(0, 8000).includes(0);
}

/** The tracked files as they are on disk (what the next commit would carry). */
function scanTree(record) {
  const files = git(["ls-files", "-z"]).split("\0").filter(Boolean);
  let scanned = 0;
  for (const path of files) {
    if (!existsSync(path)) continue; // deleted in the working tree, not yet committed
    let buffer;
    try {
      buffer = readFileSync(path);
    } catch {
      continue; // a directory (submodule) or unreadable
    }
    if (isBinary(buffer)) continue;
    scanned++;
    buffer
      .toString("utf8")
      .split("\n")
      .forEach((line, i) => {
        record(line, path, `${path}:${i + 1}`);
      });
  }
  return scanned;
}

/** Every added line in every commit reachable from any ref, with the commit it came in. */
async function scanHistory(record) {
  const child = spawn(
    "git",
    [
      "log",
      "-p",
      "--all",
      "-U0",
      "--no-color",
      "--no-ext-diff",
      "--diff-merges=first-parent",
      "--format=commit %H",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = new Promise((resolve) => child.on("close", resolve));
  let commit = "";
  let path = "";
  let line = 0;
  let commits = 0;
  for await (const text of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    if (text.startsWith("commit ")) {
      commit = text.slice(7, 19);
      commits++;
    } else if (text.startsWith("+++ ")) {
      path = text.startsWith("+++ b/") ? text.slice(6) : "";
    } else if (text.startsWith("@@ ")) {
      line = Number(/\+(\d+)/.exec(text)?.[1] ?? 0);
    } else if (text.startsWith("+") && path) {
      record(text.slice(1), path, `${commit} ${path}:${line}`);
      line++;
    }
  }
  const code = await exited;
  if (code !== 0) throw new Error(`git log exited with ${code}`);
  return commits;
}

/** Runs the scan; returns { findings, allowedCount, unusedAllow, files, commits }. */
export async function scan({ allowFile = DEFAULT_ALLOW_FILE, history = true } = {}) {
  const allowList = loadAllowList(allowFile);
  const used = new Set();
  const findings = [];
  const seen = new Set();
  let allowedCount = 0;
  const record = (text, path, where) => {
    if (path === allowFile) return;
    for (const f of scanLine(text)) {
      const entry = allowed(allowList, f, path);
      if (entry) {
        used.add(entry);
        allowedCount++;
        continue;
      }
      // The same value in the same file is one finding, wherever it appears in history.
      const key = `${f.rule}\0${path}\0${f.match}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ rule: f.rule, where, value: redact(f.match) });
    }
  };
  const files = scanTree(record);
  const commits = history ? await scanHistory(record) : 0;
  // A shallow clone (CI's default checkout) hides the older commits from the history scan.
  const shallow = history && git(["rev-parse", "--is-shallow-repository"]).trim() === "true";
  const unusedAllow = allowList.filter((e) => !used.has(e));
  return { findings, allowedCount, unusedAllow, files, commits, shallow };
}

async function main() {
  const args = process.argv.slice(2);
  const allowAt = args.indexOf("--allow");
  const allowFile = allowAt >= 0 ? args[allowAt + 1] : DEFAULT_ALLOW_FILE;
  let result;
  try {
    result = await scan({ allowFile, history: !args.includes("--no-history") });
  } catch (error) {
    console.error(`secret scan: ${error.message}`);
    process.exit(2);
  }
  const { findings, allowedCount, unusedAllow, files, commits, shallow } = result;
  if (shallow) {
    console.log(
      "secret scan: WARNING: shallow clone, history before its first commit is NOT scanned " +
        "(fetch the whole history: actions/checkout with fetch-depth: 0)",
    );
  }
  console.log(
    `secret scan: ${files} tracked files, ${commits} commits, ${RULES.length} rules; ` +
      `${allowedCount} allow-listed occurrence(s)`,
  );
  for (const e of unusedAllow) {
    console.log(`  allow-list entry no longer needed: ${e.value ? redact(e.value) : e.path}`);
  }
  if (findings.length === 0) {
    console.log("secret scan: no secrets found");
    return;
  }
  for (const f of findings) console.log(`  SECRET ${f.rule}: ${f.where}  ${f.value}`);
  console.log(
    `secret scan: ${findings.length} finding(s). Revoke the credential, remove it (history too), ` +
      `or, for a harmless test value, add it to ${allowFile} with a reason.`,
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
