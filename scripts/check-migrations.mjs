#!/usr/bin/env node
// Migration safety (`npm run check`, docs/security-gates.md): each deploy migrates the database
// before the new Worker goes live, and a rollback does not undo migrations, so every new
// migration must be EXPAND-only: the previous release's code must keep working on the new schema
// (docs/deploying.md). This reads every migrations/NNNN_*.sql newer than BASELINE and refuses:
//   - DROP TABLE, DROP COLUMN, any RENAME (table, column, constraint);
//   - ALTER COLUMN … [SET DATA] TYPE (narrowing breaks old writers; widening rewrites the table);
//   - SET NOT NULL, and ADD COLUMN … NOT NULL without a DEFAULT (old code's INSERTs omit it);
//   - CREATE [UNIQUE] INDEX without CONCURRENTLY on a big table (BIG_TABLES): it blocks writes.
// Statements on a table created in the same file are exempt (nothing runs against it yet).
//
// A migration that is the CONTRACT step of an earlier expand (the release before stopped using
// the column) says so on a line of its own, naming that earlier migration:
//   -- contract-step: 0014_orders_channel
// and is then not checked. A blocking index that is acceptable (say, a table still small in
// production) carries `-- blocking-index-ok: <reason>` instead; it waives the index rule only.
//
//   node scripts/check-migrations.mjs [--dir <migrations folder>] [--all]
// --all checks the grandfathered migrations too (a report; they are not rewritten).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Migrations up to this number were written before the check and are grandfathered. */
export const BASELINE = 13;

/** Tables large enough in production that a blocking index build is an outage. */
export const BIG_TABLES = [
  "orders",
  "order_lines",
  "books",
  "events",
  "webhook_deliveries",
  "webhook_attempts",
  "audit_log",
];

const NAME = String.raw`(?:"?[a-z_][a-z0-9_]*"?\.)?"?([a-z_][a-z0-9_]*)"?`;

/** Replaces -- comments by spaces (keeping offsets and line numbers), then splits on `;`. */
function statements(text) {
  const blanked = text.replace(/--[^\n]*/g, (c) => " ".repeat(c.length));
  const out = [];
  let start = 0;
  for (const part of blanked.split(";")) {
    const sql = part.replace(/\s+/g, " ").trim().toLowerCase();
    if (sql) out.push({ sql, line: text.slice(0, start + part.search(/\S/)).split("\n").length });
    start += part.length + 1;
  }
  return out;
}

/** Top-level comma-separated clauses of an ALTER TABLE (commas inside parentheses stay). */
function clauses(body) {
  const parts = [];
  let depth = 0;
  let current = "";
  for (const ch of body) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  parts.push(current.trim());
  return parts;
}

/** The expand-only violations in one migration's text: [{ line, rule, sql }]. */
export function violations(text) {
  const found = [];
  const list = statements(text);
  const created = new Set(
    list.flatMap((s) => {
      const m = new RegExp(`^create (?:unlogged )?table (?:if not exists )?${NAME}`).exec(s.sql);
      return m ? [m[1]] : [];
    }),
  );
  const blockingIndexOk = /^\s*--\s*blocking-index-ok:\s*\S/m.test(text);
  const add = (s, rule) => found.push({ line: s.line, rule, sql: s.sql.slice(0, 120) });
  for (const s of list) {
    const alter = new RegExp(`^alter table (?:if exists )?(?:only )?${NAME} (.*)$`).exec(s.sql);
    if (/^drop table\b/.test(s.sql)) {
      const tables = s.sql.replace(/^drop table (?:if exists )?/, "").split(",");
      const names = tables.map((t) =>
        t
          .trim()
          .replace(/ (cascade|restrict)$/, "")
          .replace(/"/g, ""),
      );
      if (names.some((n) => !created.has(n.split(".").pop()))) add(s, "drop table");
    } else if (
      /^alter table .* rename\b/.test(s.sql) ||
      /^alter (index|view|sequence) .* rename\b/.test(s.sql)
    ) {
      if (!(alter && created.has(alter[1]))) add(s, "rename");
    } else if (alter && !created.has(alter[1])) {
      for (const clause of clauses(alter[2])) {
        // DROP [COLUMN] x (COLUMN is optional in Postgres); DROP CONSTRAINT only loosens.
        if (/^drop (?!constraint\b)/.test(clause)) {
          add(s, "drop column");
        } else if (/^alter (column )?\S+ (set data )?type\b/.test(clause)) {
          add(s, "column type change");
        } else if (/^alter (column )?\S+ set not null\b/.test(clause)) {
          add(s, "set not null");
        } else if (
          /^add (column )?/.test(clause) &&
          !/^add (constraint|primary|unique|foreign|check)\b/.test(clause)
        ) {
          if (
            /\bnot null\b/.test(clause) &&
            !/\bdefault\b/.test(clause) &&
            !/\b(generated|(small|big)?serial)\b/.test(clause)
          ) {
            add(s, "add column not null without default");
          }
        }
      }
    } else {
      const index = new RegExp(
        `^create (?:unique )?index (concurrently )?.*? on (?:only )?${NAME}`,
      ).exec(s.sql);
      if (
        index &&
        !index[1] &&
        BIG_TABLES.includes(index[2]) &&
        !created.has(index[2]) &&
        !blockingIndexOk
      ) {
        add(s, `create index without concurrently on big table ${index[2]}`);
      }
    }
  }
  return found;
}

/** The `-- contract-step: <migration>` marker's target, or null. */
export function contractStep(text) {
  return /^\s*--\s*contract-step:\s*(\S+)/m.exec(text)?.[1] ?? null;
}

/** Checks a folder: { checked: [{ file, problems }], ok }. */
export function checkFolder(dir, { all = false } = {}) {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_.*\.sql$/.test(f))
    .sort();
  const checked = [];
  for (const file of files) {
    const number = Number(file.slice(0, 4));
    if (!all && number <= BASELINE) continue;
    const text = readFileSync(join(dir, file), "utf8");
    const step = contractStep(text);
    if (step) {
      const target = files.find(
        (f) => f === step || f === `${step}.sql` || f.startsWith(`${step}_`),
      );
      const problems =
        target && Number(target.slice(0, 4)) < number
          ? []
          : [{ line: 1, rule: `contract-step names no earlier migration: ${step}`, sql: "" }];
      checked.push({ file, contractOf: target, problems });
      continue;
    }
    checked.push({ file, problems: violations(text) });
  }
  return { checked, ok: checked.every((c) => c.problems.length === 0) };
}

function main() {
  const args = process.argv.slice(2);
  const dirAt = args.indexOf("--dir");
  const dir = dirAt >= 0 ? args[dirAt + 1] : "migrations";
  const all = args.includes("--all");
  if (!existsSync(dir)) {
    console.error(`check-migrations: no folder ${dir}`);
    process.exit(2);
  }
  const { checked, ok } = checkFolder(dir, { all });
  console.log(
    `migration safety: ${checked.length} migration(s) after ${all ? "none (--all)" : `the baseline ${String(BASELINE).padStart(4, "0")}`}`,
  );
  for (const { file, contractOf, problems } of checked) {
    if (problems.length === 0) {
      console.log(`  ok ${file}${contractOf ? ` (contract step of ${contractOf})` : ""}`);
      continue;
    }
    for (const p of problems)
      console.log(`  NOT EXPAND-ONLY ${file}:${p.line} ${p.rule}  ${p.sql}`);
  }
  if (!ok) {
    console.log(
      "migration safety FAILED: the Worker still running during and after the deploy must work on " +
        "the new schema. Split it: expand now, contract in a later release marked " +
        "`-- contract-step: <the expand migration>` (docs/security-gates.md).",
    );
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
