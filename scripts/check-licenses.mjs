#!/usr/bin/env node
// License check (`npm run check`, docs/security-gates.md): every production dependency, direct
// and transitive, must carry a license from ALLOWED below. Production means reachable from
// package.json `dependencies` (and their dependencies, installed optional dependencies and
// required peers),
// resolved as npm resolves them, through package-lock.json's node_modules paths. devDependencies
// never reach the Worker bundle and are not checked.
//
//   node scripts/check-licenses.mjs [--root <dir>]
//
// Prints each license with the packages under it; exit 1 when one is not allowed or missing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** SPDX ids allowed in production, each permissive (no copyleft obligation on our code). */
export const ALLOWED = new Map([
  ["MIT", "permissive"],
  ["ISC", "permissive"],
  ["BSD-2-Clause", "permissive"],
  ["BSD-3-Clause", "permissive"],
  ["Apache-2.0", "permissive, with a patent grant"],
  ["0BSD", "permissive, no attribution required"],
  ["BlueOak-1.0.0", "permissive, with a patent grant"],
  // postgres (postgres.js) is released under the Unlicense: an OSI-approved public-domain
  // dedication with a permissive fallback; it asks nothing of us, less than MIT does.
  ["Unlicense", "public-domain dedication (OSI approved)"],
  // Not allowed, deliberately: MPL-2.0 (file-level copyleft; fine for an unmodified package, but
  // bundling into one Worker script makes "which files" a question to answer case by case: add
  // it here with that answer when a dependency needs it), CC0-1.0 (waives no patents), GPL/LGPL/
  // AGPL, SSPL, BUSL, and anything unknown.
]);

/** True when an SPDX expression is satisfied by ALLOWED: any side of an OR, every side of an AND. */
export function licenseAllowed(expression, allowed = ALLOWED) {
  const text = expression
    .trim()
    .replace(/^\((.*)\)$/, "$1")
    .trim();
  if (/ OR /i.test(text)) return text.split(/ OR /i).some((part) => licenseAllowed(part, allowed));
  if (/ AND /i.test(text))
    return text.split(/ AND /i).every((part) => licenseAllowed(part, allowed));
  const id = text.split(/ WITH /i)[0].trim();
  return allowed.has(id);
}

/** The license a package declares: the lockfile's field, else its package.json (old forms too). */
function licenseOf(root, path, entry) {
  if (typeof entry.license === "string") return entry.license;
  const manifest = join(root, path, "package.json");
  if (!existsSync(manifest)) return null;
  const pkg = JSON.parse(readFileSync(manifest, "utf8"));
  if (typeof pkg.license === "string") return pkg.license;
  if (pkg.license?.type) return pkg.license.type;
  if (Array.isArray(pkg.licenses)) {
    return pkg.licenses.map((l) => (typeof l === "string" ? l : l.type)).join(" OR ");
  }
  return null;
}

/** Where npm finds `dep` required by the package installed at `from`: nearest node_modules up. */
function resolve(packages, from, dep) {
  let dir = from;
  for (;;) {
    const candidate = dir ? `${dir}/node_modules/${dep}` : `node_modules/${dep}`;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
    const at = dir.lastIndexOf("/node_modules/");
    dir = at < 0 ? "" : dir.slice(0, at);
  }
}

/** The production dependency closure: [{ name, version, path, license }] sorted by name. */
export function productionPackages(root) {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const packages = lock.packages ?? {};
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const found = new Map();
  const missing = [];
  const queue = Object.keys(manifest.dependencies ?? {}).map((dep) => ["", dep, false]);
  while (queue.length > 0) {
    const [from, dep, optional] = queue.shift();
    const path = resolve(packages, from, dep);
    if (!path) {
      if (!optional) missing.push(`${dep} (required by ${from || "package.json"})`);
      continue;
    }
    if (found.has(path)) continue;
    const entry = packages[path];
    // Another platform's optional binary: listed in the lockfile, never installed here.
    if (optional && entry.optional && !existsSync(join(root, path))) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf("node_modules/") + 13);
    found.set(path, { name, version: entry.version, path, license: licenseOf(root, path, entry) });
    for (const d of Object.keys(entry.dependencies ?? {})) queue.push([path, d, false]);
    for (const d of Object.keys(entry.optionalDependencies ?? {})) queue.push([path, d, true]);
    // An optional peer is the consumer's choice (drizzle-orm lists every driver); ours are in
    // package.json when we make it, and then reached from there.
    for (const d of Object.keys(entry.peerDependencies ?? {})) {
      if (entry.peerDependenciesMeta?.[d]?.optional !== true) queue.push([path, d, false]);
    }
  }
  const list = [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { packages: list, missing };
}

function main() {
  const args = process.argv.slice(2);
  const rootAt = args.indexOf("--root");
  const root = rootAt >= 0 ? args[rootAt + 1] : process.cwd();
  const { packages, missing } = productionPackages(root);
  const byLicense = new Map();
  for (const p of packages) {
    const key = p.license ?? "(none declared)";
    byLicense.set(key, [...(byLicense.get(key) ?? []), `${p.name}@${p.version}`]);
  }
  console.log(`licenses of ${packages.length} production packages:`);
  const refused = [];
  for (const [license, names] of [...byLicense].sort((a, b) => b[1].length - a[1].length)) {
    const ok = license !== "(none declared)" && licenseAllowed(license);
    if (!ok) refused.push(...names.map((n) => `${n}: ${license}`));
    console.log(
      `  ${ok ? "ok     " : "REFUSED"} ${license} (${names.length}): ${names.join(", ")}`,
    );
  }
  for (const m of missing) console.log(`  MISSING from package-lock.json: ${m}`);
  if (refused.length > 0 || missing.length > 0) {
    console.log(
      `license check: ${refused.length} package(s) under a license not allowed ` +
        `(${[...ALLOWED.keys()].join(", ")}), ${missing.length} not in the lockfile`,
    );
    process.exit(1);
  }
  console.log("license check: every production package is under an allowed license");
}

if (import.meta.url === `file://${process.argv[1]}`) main();
