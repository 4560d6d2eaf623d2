// `npm run report:sizes`: the largest source files under src/ and test/ by lines, largest first.
// Declaration files (.d.ts) are left out: the two big ones are generated (wrangler types, the
// contract client's openapi-typescript types). A report, not a gate: it never fails.
// Usage: node scripts/largest-files.mjs [count, default 10] [dir ...]
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;

/** Every source file under `dir` (node_modules and declaration files excluded). */
function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter(
      (path) =>
        SOURCE.test(path) &&
        !/\.d\.m?ts$/.test(path) &&
        !path.split(/[\\/]/).includes("node_modules") &&
        statSync(path).isFile(),
    );
}

/** Lines as an editor numbers them: a final newline does not start another. */
function lineCount(path) {
  const text = readFileSync(path, "utf8");
  if (text === "") return 0;
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

/** The `count` largest files under `dirs`, as { path, lines }, largest first (ties by path). */
export function largestFiles(dirs = ["src", "test"], count = 10) {
  return dirs
    .flatMap(sourceFiles)
    .map((path) => ({ path: relative(process.cwd(), path), lines: lineCount(path) }))
    .sort((a, b) => b.lines - a.lines || a.path.localeCompare(b.path))
    .slice(0, count);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const count = args[0] && /^\d+$/.test(args[0]) ? Number(args.shift()) : 10;
  const dirs = args.length > 0 ? args : ["src", "test"];
  const rows = largestFiles(dirs, count);
  const width = String(rows[0]?.lines ?? 0).length;
  console.log(`The ${rows.length} largest source files under ${dirs.join(", ")} (lines):`);
  for (const { path, lines } of rows) console.log(`${String(lines).padStart(width)}  ${path}`);
}
