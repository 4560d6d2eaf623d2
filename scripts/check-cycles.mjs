// `npm run check` step: no import cycle among the modules under src/ (type-only imports count: a
// cycle of types still ties two modules into one unit). Reads every .ts file's import and export
// specifiers with TypeScript's own pre-processor, resolves the relative ones to files and looks
// for strongly connected components. Usage: node scripts/check-cycles.mjs [dir, default src]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/** Every .ts file under `dir` (declaration files excluded). */
function sourceFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => path.endsWith(".ts") && !path.endsWith(".d.ts") && statSync(path).isFile());
}

/** The file a relative specifier names, as the bundler resolves it (x.ts, x/index.ts). */
function resolveSpecifier(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, join(base, "index.ts")];
  if (base.endsWith(".js")) candidates.push(base.replace(/\.js$/, ".ts"));
  return candidates.find((path) => path.endsWith(".ts") && existsSync(path));
}

/** module → the modules of the same tree it imports (types, re-exports and import() included). */
export function importGraph(dir) {
  const files = new Set(sourceFiles(resolve(dir)));
  const graph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = importedFiles
      .map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => resolveSpecifier(file, specifier))
      .filter((target) => target && files.has(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The graph's cycles: strongly connected components of more than one module, or a self-import. */
export function findCycles(graph) {
  let index = 0;
  const state = new Map();
  const stack = [];
  const cycles = [];
  const visit = (node) => {
    const entry = { index, low: index, onStack: true };
    index++;
    state.set(node, entry);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const seen = state.get(next);
      if (!seen) {
        visit(next);
        entry.low = Math.min(entry.low, state.get(next).low);
      } else if (seen.onStack) {
        entry.low = Math.min(entry.low, seen.index);
      }
    }
    if (entry.low === entry.index) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        state.get(member).onStack = false;
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component);
    }
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/** One path around a cycle's component, for the message: a → b → … → a. */
function describeCycle(graph, component, root) {
  const members = new Set(component);
  const start = component.slice().sort()[0];
  const path = [start];
  const seen = new Set([start]);
  let node = start;
  for (;;) {
    const next = (graph.get(node) ?? []).filter((n) => members.has(n));
    const back = next.find((n) => n === start);
    const onward = next.find((n) => !seen.has(n));
    if (back && (!onward || path.length === component.length)) break;
    if (!onward) break;
    path.push(onward);
    seen.add(onward);
    node = onward;
  }
  return [...path, start].map((file) => relative(root, file)).join(" → ");
}

/**
 * Cycles that existed when this check arrived, in modules being reworked elsewhere, by their
 * members: reported, not failed. Delete an entry once its cycle is gone (the check says so).
 */
const KNOWN = [];

const sameMembers = (component, known, root) =>
  component.length === known.length &&
  component.every((file) => known.includes(relative(root, file)));

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename);
if (isMain) {
  const dir = process.argv[2] ?? "src";
  const root = process.cwd();
  // The detector itself: a → b → c → a and a self-import are cycles, a diamond is not.
  const probe = new Map([
    ["a", ["b", "d"]],
    ["b", ["c"]],
    ["c", ["a"]],
    ["d", ["e", "f"]],
    ["e", ["g"]],
    ["f", ["g"]],
    ["g", ["g"]],
  ]);
  const probed = findCycles(probe).map((c) => c.sort().join(""));
  if (probed.sort().join(",") !== "abc,g") throw new Error(`cycle detector is broken: ${probed}`);

  const graph = importGraph(dir);
  const all = findCycles(graph);
  const cycles = all.filter((c) => !KNOWN.some((known) => sameMembers(c, known, root)));
  for (const known of KNOWN) {
    const cycle = all.find((c) => sameMembers(c, known, root));
    if (cycle)
      console.log(`known import cycle, still to fix: ${describeCycle(graph, cycle, root)}`);
    else console.log(`known cycle ${known.join(" ⇄ ")} is gone: delete it from KNOWN`);
  }
  if (cycles.length > 0) {
    console.error(`${cycles.length} import cycle(s) in ${dir}/:`);
    for (const component of cycles) {
      console.error(`  ${describeCycle(graph, component, root)}`);
      if (component.length > 2) console.error(`    (${component.length} modules in the cycle)`);
    }
    process.exit(1);
  }
  console.log(`no new import cycles among ${graph.size} modules in ${dir}/`);
}
