/**
 * Features stand alone: no feature imports another feature's routes (a `*routes.ts` module), and
 * the features' imports of each other form no cycle (two features that need the same piece take it
 * from src/platform/, as money, the operator context and an export's files are). Imports are read
 * as `npm run check`'s cycle check reads them: type-only ones, re-exports and import() included.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const FEATURES = resolve("src/features");

interface FeatureImport {
  from: string;
  fromFeature: string;
  toFeature: string;
  target: string;
}

/** Every relative import of a feature module that lands in another feature. */
function crossFeatureImports(): FeatureImport[] {
  const found: FeatureImport[] = [];
  for (const name of readdirSync(FEATURES, { recursive: true }).map(String)) {
    if (!name.endsWith(".ts") || name.endsWith(".d.ts")) continue;
    const file = join(FEATURES, name);
    const fromFeature = name.split(/[\\/]/)[0] ?? "";
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const target = relative(FEATURES, resolve(file, "..", fileName));
      if (target.startsWith("..")) continue; // outside src/features
      const toFeature = target.split(/[\\/]/)[0] ?? "";
      if (toFeature !== fromFeature) {
        found.push({ from: `${name}`, fromFeature, toFeature, target });
      }
    }
  }
  return found;
}

/** The feature graph's cycles, each as the path that closes it ("a → b → a"). */
function featureCycles(imports: FeatureImport[]): string[] {
  const edges = new Map<string, Set<string>>();
  for (const { fromFeature, toFeature } of imports) {
    const targets = edges.get(fromFeature) ?? new Set<string>();
    targets.add(toFeature);
    edges.set(fromFeature, targets);
  }
  const cycles: string[] = [];
  const walk = (path: string[]) => {
    const last = path.at(-1) ?? "";
    for (const next of edges.get(last) ?? []) {
      if (next === path[0]) cycles.push([...path, next].join(" → "));
      else if (!path.includes(next) && next > (path[0] ?? "")) walk([...path, next]);
    }
  };
  for (const start of [...edges.keys()].sort()) walk([start]);
  return cycles;
}

describe("feature imports", () => {
  const imports = crossFeatureImports();

  it("reads the features' imports of each other", () => {
    // The reader works: ops and exports take the tenant id parameter from tenants.
    expect(imports.some((i) => i.fromFeature === "ops" && i.toFeature === "tenants")).toBe(true);
  });

  it("no feature imports another feature's routes", () => {
    const intoRoutes = imports
      .filter(({ target }) => /routes(\.ts)?$/.test(target))
      .map(({ from, target }) => `${from} → ${target}`);
    expect(intoRoutes).toEqual([]);
  });

  it("no two features import each other, directly or through others", () => {
    expect(featureCycles(imports)).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const probe = [
      { from: "a/x.ts", fromFeature: "a", toFeature: "b", target: "b/y" },
      { from: "b/y.ts", fromFeature: "b", toFeature: "c", target: "c/z" },
      { from: "c/z.ts", fromFeature: "c", toFeature: "a", target: "a/x" },
      { from: "c/z.ts", fromFeature: "c", toFeature: "d", target: "d/w" },
    ];
    expect(featureCycles(probe)).toEqual(["a → b → c → a"]);
  });
});
