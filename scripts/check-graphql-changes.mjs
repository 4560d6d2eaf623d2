// `node scripts/check-graphql-changes.mjs [--released <sdl>] [--current <sdl>]`: the GraphQL
// schema's changes since the last release, as the OpenAPI contract's are checked for REST. The
// released SDL is docs/schema.released.graphql (copied from docs/schema.graphql when a release
// ships: docs/graphql.md, "Schema"); the current one is docs/schema.graphql, which a test keeps
// equal to what /v2/graphql/schema.graphql serves. Breaking changes (a field, type, argument or
// enum value removed, a type changed, an argument made required) fail; dangerous ones (a
// default changed, an enum value or a union member added) are printed; safe ones are counted.
// graphql-js's own findSchemaChanges does the comparison.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BreakingChangeType, buildSchema, DangerousChangeType, findSchemaChanges } from "graphql";

const BREAKING = new Set(Object.values(BreakingChangeType));
const DANGEROUS = new Set(Object.values(DangerousChangeType));

/** The changes from `releasedSdl` to `currentSdl`, split by what they do to existing clients. */
export function classifySchemaChanges(releasedSdl, currentSdl) {
  const changes = findSchemaChanges(buildSchema(releasedSdl), buildSchema(currentSdl));
  return {
    breaking: changes.filter((c) => BREAKING.has(c.type)),
    dangerous: changes.filter((c) => DANGEROUS.has(c.type)),
    safe: changes.filter((c) => !BREAKING.has(c.type) && !DANGEROUS.has(c.type)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      released: { type: "string", default: "docs/schema.released.graphql" },
      current: { type: "string", default: "docs/schema.graphql" },
    },
  });
  const { breaking, dangerous, safe } = classifySchemaChanges(
    readFileSync(values.released, "utf8"),
    readFileSync(values.current, "utf8"),
  );
  for (const change of dangerous) console.log(`dangerous: ${change.type}: ${change.description}`);
  for (const change of breaking) console.error(`BREAKING: ${change.type}: ${change.description}`);
  console.log(
    `GraphQL schema since the release: ${breaking.length} breaking, ${dangerous.length} dangerous, ${safe.length} safe change(s)`,
  );
  if (breaking.length > 0) {
    console.error(
      "A breaking change needs a new field or type beside the old one (deprecate, then remove in a later release): docs/graphql.md",
    );
    process.exit(1);
  }
}
