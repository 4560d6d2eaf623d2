/**
 * scripts/check-migrations.mjs on planted migration folders: the repository's own migrations
 * pass (0000–0013 are the grandfathered baseline); a new migration that drops a column, renames,
 * changes a type, adds NOT NULL without a default or builds a blocking index on a big table
 * fails with its file, line and rule; the same file marked as the contract step of an earlier
 * migration passes, and a marker naming no earlier migration fails.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const script = join(root, "scripts/check-migrations.mjs");
const dirs: string[] = [];

function check(files: Record<string, string>, dir?: string) {
  const folder = dir ?? mkdtempSync(join(tmpdir(), "migrations-"));
  if (!dir) dirs.push(folder);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(folder, name), sql);
  const r = spawnSync(process.execPath, [script, "--dir", folder], { encoding: "utf8" });
  return { status: r.status, out: r.stdout + r.stderr };
}

// Grandfathered: at or below the baseline, never checked.
const base = { "0013_base.sql": 'ALTER TABLE "orders" DROP COLUMN "note";\n' };

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("migration safety", () => {
  it("passes on the repository's migrations", () => {
    const { status, out } = check({}, join(root, "migrations"));
    expect(out).toContain("after the baseline 0013");
    expect(status).toBe(0);
  });

  it("fails on a migration that drops a column, naming file, line and rule", () => {
    const { status, out } = check({
      ...base,
      "0014_tidy.sql":
        '-- remove the old flag\nALTER TABLE "books" ADD COLUMN "flag2" boolean;--> statement-breakpoint\nALTER TABLE "books" DROP COLUMN "flag";\n',
    });
    expect(status).toBe(1);
    expect(out).toContain("NOT EXPAND-ONLY 0014_tidy.sql:3 drop column");
    expect(out).not.toContain("0013_base.sql");
  });

  it.each([
    ['ALTER TABLE "orders" RENAME COLUMN "note" TO "memo";', "rename"],
    ['ALTER TABLE "books" ALTER COLUMN "stock" SET DATA TYPE integer;', "column type change"],
    ['ALTER TABLE "tenants" ALTER COLUMN "plan" SET NOT NULL;', "set not null"],
    [
      'ALTER TABLE "orders" ADD COLUMN "channel" text NOT NULL;',
      "add column not null without default",
    ],
    ['DROP TABLE "webhook_attempts";', "drop table"],
    [
      'CREATE INDEX "orders_channel_idx" ON "orders" USING btree ("channel");',
      "create index without concurrently on big table orders",
    ],
  ])("fails on %s", (sql, rule) => {
    const { status, out } = check({ ...base, "0014_change.sql": `${sql}\n` });
    expect(status).toBe(1);
    expect(out).toContain(`NOT EXPAND-ONLY 0014_change.sql:1 ${rule}`);
  });

  it("passes expand-only changes", () => {
    const { status, out } = check({
      ...base,
      "0014_expand.sql": [
        'ALTER TABLE "orders" ADD COLUMN "channel" text DEFAULT \'api\' NOT NULL;',
        'ALTER TABLE "orders" ADD COLUMN "memo" text;',
        'CREATE INDEX CONCURRENTLY "orders_channel_idx" ON "orders" ("channel");',
        'CREATE INDEX "tenants_plan_idx" ON "tenants" ("plan");',
        'CREATE TABLE "channels" ("id" text PRIMARY KEY NOT NULL);',
        'ALTER TABLE "channels" ADD COLUMN "name" text NOT NULL;',
        'CREATE INDEX "channels_name_idx" ON "channels" ("name");',
      ].join("\n"),
    });
    expect(out).toContain("ok 0014_expand.sql");
    expect(status).toBe(0);
  });

  it("waives the index rule only, with a reason, for a blocking index declared acceptable", () => {
    const index = 'CREATE INDEX "audit_log_actor_idx" ON "audit_log" ("actor_id");\n';
    const waived = check({
      ...base,
      "0014_index.sql": `-- blocking-index-ok: audit_log has under 10k rows in production\n${index}`,
    });
    expect(waived.status).toBe(0);
    const stillDrops = check({
      ...base,
      "0014_index.sql": `-- blocking-index-ok: small table\n${index}ALTER TABLE "books" DROP "x";\n`,
    });
    expect(stillDrops.status).toBe(1);
    expect(stillDrops.out).toContain("0014_index.sql:3 drop column");
  });

  it("passes a contract step marked with its expand, and refuses a marker naming none", () => {
    const drop = 'ALTER TABLE "orders" DROP COLUMN "memo";\n';
    const marked = check({
      ...base,
      "0014_expand.sql": 'ALTER TABLE "orders" ADD COLUMN "memo2" text;\n',
      "0015_contract.sql": `-- contract-step: 0014_expand\n${drop}`,
    });
    expect(marked.out).toContain("ok 0015_contract.sql (contract step of 0014_expand.sql)");
    expect(marked.status).toBe(0);

    const dangling = check({
      ...base,
      "0014_contract.sql": `-- contract-step: 0099_later\n${drop}`,
    });
    expect(dangling.status).toBe(1);
    expect(dangling.out).toContain("contract-step names no earlier migration: 0099_later");
  });
});
