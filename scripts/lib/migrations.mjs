// Forward migrations are drizzle-kit's (applied by drizzle-orm's migrator); each has a hand-written
// rollback in migrations/down/<tag>.sql, applied newest first by `rollback`.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "../../migrations");

function connect(url) {
  return postgres(url, { max: 1, onnotice: () => {} });
}

async function journal() {
  const text = await readFile(join(migrationsFolder, "meta/_journal.json"), "utf8");
  return JSON.parse(text).entries;
}

/** Applies every pending migration. */
export async function migrateUp(url) {
  const sql = connect(url);
  try {
    await migrate(drizzle(sql), { migrationsFolder });
  } finally {
    await sql.end();
  }
}

/** Rolls back the newest `steps` applied migrations (all of them when steps is Infinity). */
export async function rollback(url, steps = 1) {
  const sql = connect(url);
  try {
    const entries = await journal();
    const [{ exists }] =
      await sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
    if (!exists) return [];
    const applied =
      await sql`select id, created_at from drizzle.__drizzle_migrations order by created_at desc`;
    const undone = [];
    for (const row of applied.slice(0, steps)) {
      const entry = entries.find((e) => String(e.when) === String(row.created_at));
      if (!entry) throw new Error(`applied migration ${row.created_at} is not in the journal`);
      const down = await readFile(join(migrationsFolder, "down", `${entry.tag}.sql`), "utf8");
      await sql.begin(async (tx) => {
        for (const statement of down.split("--> statement-breakpoint")) {
          if (statement.trim()) await tx.unsafe(statement);
        }
        await tx`delete from drizzle.__drizzle_migrations where id = ${row.id}`;
      });
      undone.push(entry.tag);
    }
    return undone;
  } finally {
    await sql.end();
  }
}
