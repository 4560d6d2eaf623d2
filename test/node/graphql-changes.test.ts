/**
 * The GraphQL schema's change check (`scripts/check-graphql-changes.mjs`, a step of `npm run
 * check`): the committed SDL against the released one passes, and planted changes are sorted by
 * what they do to existing clients; the command fails on a breaking one.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { classifySchemaChanges } from "../../scripts/check-graphql-changes.mjs";

const released = readFileSync("docs/schema.released.graphql", "utf8");
const current = readFileSync("docs/schema.graphql", "utf8");
const dir = mkdtempSync(join(tmpdir(), "shelfwise-graphql-changes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCheck(currentSdl: string) {
  const file = join(dir, `current-${Math.random().toString(36).slice(2)}.graphql`);
  writeFileSync(file, currentSdl);
  return spawnSync(process.execPath, ["scripts/check-graphql-changes.mjs", "--current", file], {
    encoding: "utf8",
  });
}

describe("GraphQL schema changes since the release", () => {
  it("finds no breaking change between the released and the committed schema", () => {
    expect(classifySchemaChanges(released, current).breaking).toEqual([]);
    const run = runCheck(current);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/0 breaking/);
  });

  it("calls a removed field or enum value breaking, and the command fails naming it", () => {
    const withoutField = current.replace(
      /type Money \{\n {2}amount: Int!\n {2}currency: String!\n\}/,
      "type Money {\n  amount: Int!\n}",
    );
    expect(withoutField).not.toBe(current);
    const removed = classifySchemaChanges(released, withoutField);
    expect(removed.breaking.map((c) => c.description)).toEqual([
      "Field Money.currency was removed.",
    ]);
    const run = runCheck(withoutField);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("BREAKING: FIELD_REMOVED: Field Money.currency was removed.");

    const withoutValue = current.replace(/ {2}expired\n/, "");
    expect(classifySchemaChanges(released, withoutValue).breaking[0]?.type).toBe(
      "VALUE_REMOVED_FROM_ENUM",
    );
  });

  it("calls an added enum value dangerous and an added field safe, and passes both", () => {
    const withValue = current.replace(/ {2}expired\n/, "  expired\n  returned\n");
    const valueAdded = classifySchemaChanges(released, withValue);
    expect(valueAdded.breaking).toEqual([]);
    expect(valueAdded.dangerous.map((c) => c.type)).toEqual(["VALUE_ADDED_TO_ENUM"]);
    const withField = current.replace(
      / {2}currency: String!\n\}/,
      "  currency: String!\n  display: String\n}",
    );
    const fieldAdded = classifySchemaChanges(released, withField);
    expect(fieldAdded.breaking).toEqual([]);
    expect(fieldAdded.safe.length).toBeGreaterThan(0);
    expect(runCheck(withValue).status).toBe(0);
  });
});
