// The generated client: TypeScript types from the live document with openapi-typescript (default
// options), kept in test/contract/client/openapi.d.ts, and a program using them with openapi-fetch
// (test/contract/client/program.ts) compiled by `tsc --strict` with no other flag.
//   node scripts/contract/client.mjs           check: committed types up to date, program compiles
//   node scripts/contract/client.mjs --write   regenerate the committed types
// Both build the production bundle (.wrangler/dry-run) and read the document it serves.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import { liveDocument } from "./openapi-document.mjs";

export const TYPES = "test/contract/client/openapi.d.ts";
const PROGRAM = "test/contract/client/program.ts";

/** The types a client team generates from the document, formatted as the repository's files are. */
export async function generatedTypes(document) {
  const source = astToString(await openapiTS(document, { silent: true }));
  const formatted = spawnSync("biome", ["format", `--stdin-file-path=${TYPES}`], {
    input: source,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (formatted.status !== 0) throw new Error(`biome format failed: ${formatted.stderr}`);
  return formatted.stdout;
}

/** Problems of the generated client: stale committed types, a program that does not compile. */
export async function checkClient(document) {
  const problems = [];
  const fresh = await generatedTypes(document);
  if (fresh !== readFileSync(TYPES, "utf8")) {
    problems.push(
      `${TYPES} is not what openapi-typescript generates from the document: run node scripts/contract/client.mjs --write`,
    );
  }
  const tsc = spawnSync(
    "tsc",
    [
      "--strict",
      "--noEmit",
      "--target",
      "ES2022",
      "--module",
      "ESNext",
      "--moduleResolution",
      "Bundler",
      PROGRAM,
    ],
    { encoding: "utf8" },
  );
  if (tsc.status !== 0) problems.push(`tsc --strict ${PROGRAM}:\n${tsc.stdout}${tsc.stderr}`);
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const document = await liveDocument(".wrangler/dry-run", { build: true });
  if (process.argv.includes("--write")) {
    writeFileSync(TYPES, await generatedTypes(document));
    console.log(`wrote ${TYPES}`);
  } else {
    const problems = await checkClient(document);
    if (problems.length > 0) {
      console.error(problems.join("\n"));
      process.exit(1);
    }
    console.log("generated client: types up to date, program compiles with tsc --strict");
  }
}
