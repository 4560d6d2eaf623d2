// Adds lockfile entries for other platforms' optional binaries (biome, workerd, …) that npm leaves
// out when its registry cannot serve them. Without those entries `npm ci` refuses the lockfile
// ("Missing: @cloudflare/workerd-darwin-64@ from lock file"); with them it skips them as
// platform-mismatched, as it would on any machine. Run after `npm install` changes the lockfile:
//   node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const packages = lock.packages;

function platformOf(name) {
  const base = name.split("/").pop();
  const os = /darwin/.test(base)
    ? "darwin"
    : /win32|windows/.test(base)
      ? "win32"
      : /android/.test(base)
        ? "android"
        : /linux/.test(base)
          ? "linux"
          : undefined;
  const cpu = /arm64/.test(base) ? "arm64" : /x64|-64$/.test(base) ? "x64" : undefined;
  return { os, cpu, libc: /musl/.test(base) ? "musl" : undefined };
}

/** Where npm would look for `dep` required by the package at `from`, nearest first. */
function lookupPaths(from, dep) {
  const paths = [];
  let dir = from;
  for (;;) {
    paths.push(dir ? `${dir}/node_modules/${dep}` : `node_modules/${dep}`);
    if (!dir) return paths;
    const cut = dir.lastIndexOf("/node_modules/");
    dir = cut >= 0 ? dir.slice(0, cut) : "";
  }
}

const added = [];
for (const [from, entry] of Object.entries(packages)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const hit = lookupPaths(from, dep).find((p) => packages[p]);
    if (hit && packages[hit].version === range) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range)) continue;
    const cut = from.lastIndexOf("/node_modules/");
    const sibling = cut >= 0 ? `${from.slice(0, cut)}/node_modules/${dep}` : `node_modules/${dep}`;
    const target = packages[sibling] ? `${from}/node_modules/${dep}` : sibling;
    packages[target] = {
      version: range,
      ...(entry.dev && { dev: true }),
      optional: true,
      os: [os],
      ...(cpu && { cpu: [cpu] }),
      ...(libc && { libc: [libc] }),
    };
    added.push(`${target}@${range}`);
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) =>
    a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0,
  ),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added:\n${added.join("\n")}` : "lockfile already complete");
