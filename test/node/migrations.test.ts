import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, withPassword } from "../../scripts/lib/embedded-postgres.mjs";
import { migrateUp, migrationsFolder, rollback } from "../../scripts/lib/migrations.mjs";

/** Tables of the first migration; later migrations may add more, never remove these. */
const CORE_TABLES = [
  "api_keys",
  "audit_log",
  "books",
  "events",
  "files",
  "idempotency_records",
  "order_lines",
  "orders",
  "tenant_exports",
  "tenants",
  "webhook_attempts",
  "webhook_deliveries",
  "webhook_endpoints",
];

let url = "";
let cleanup: () => Promise<void> = async () => {};
let tags: string[] = [];

/**
 * A scratch database: a fresh one on the DATABASE_URL server (dropped afterwards), otherwise a
 * separate in-process embedded Postgres. Never the database the other suites use.
 */
beforeAll(async () => {
  const journal = JSON.parse(await readFile(join(migrationsFolder, "meta/_journal.json"), "utf8"));
  tags = journal.entries.map((e: { tag: string }) => e.tag);
  if (process.env.DATABASE_URL) {
    const server = withPassword(process.env.DATABASE_URL);
    const name = `shelfwise_migrations_${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const scratch = new URL(server);
    scratch.pathname = `/${name}`;
    url = scratch.toString();
    cleanup = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    const embedded = await startEmbeddedPostgres();
    url = embedded.url;
    cleanup = embedded.stop;
  }
}, 60_000);

afterAll(async () => {
  await cleanup();
});

function connect() {
  return postgres(url, { max: 1, onnotice: () => {} });
}

/** What a migration can change, as plain data that two states can be compared by. */
async function snapshot() {
  const sql = connect();
  try {
    const tables = await sql<{ name: string }[]>`
      select tablename as name from pg_tables where schemaname = 'public' order by 1`;
    const columns = await sql<{ name: string }[]>`
      select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
        || coalesce(' default ' || column_default, '') as name
      from information_schema.columns where table_schema = 'public' order by 1`;
    const indexes = await sql<{ name: string }[]>`
      select indexdef as name from pg_indexes where schemaname = 'public' order by 1`;
    const constraints = await sql<{ name: string }[]>`
      select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as name
      from pg_constraint where connamespace = 'public'::regnamespace order by 1`;
    const rls = await sql<{ table: string; enabled: boolean; forced: boolean }[]>`
      select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced
      from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' order by 1`;
    const policies = await sql<{ table: string; policy: string; roles: string; qual: string }[]>`
      select tablename as table, policyname as policy, array_to_string(roles, ',') as roles,
        coalesce(qual, '') || ' / ' || coalesce(with_check, '') as qual
      from pg_policies where schemaname = 'public' order by 1, 2`;
    const grants = await sql<{ name: string }[]>`
      select grantee || ' ' || privilege_type || ' ' || table_name as name
      from information_schema.role_table_grants
      where table_schema = 'public' and grantee in ('shelfwise_app', 'shelfwise_system') order by 1`;
    const [journal] = await sql<{ exists: boolean }[]>`
      select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
    const [applied] = journal?.exists
      ? await sql<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`
      : [{ n: 0 }];
    const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name);
    return {
      tables: names(tables),
      columns: names(columns),
      indexes: names(indexes),
      constraints: names(constraints),
      rls: [...rls],
      policies: [...policies],
      grants: names(grants),
      applied: applied?.n ?? 0,
    };
  } finally {
    await sql.end();
  }
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** Applies the first `count` migrations only, from a copy of the folder with a cut journal. */
async function migrateUpTo(count: number) {
  const folder = await mkdtemp(join(tmpdir(), "shelfwise-migrations-"));
  const sql = connect();
  try {
    await cp(migrationsFolder, folder, { recursive: true });
    const journalPath = join(folder, "meta/_journal.json");
    const journal = JSON.parse(await readFile(journalPath, "utf8"));
    journal.entries = journal.entries.slice(0, count);
    await writeFile(journalPath, JSON.stringify(journal));
    await migrate(drizzle(sql), { migrationsFolder: folder });
  } finally {
    await sql.end();
    await rm(folder, { recursive: true, force: true });
  }
}

/** The invariants of a fully migrated database. */
function expectFullSchema(state: Snapshot) {
  expect(state.applied).toBe(tags.length);
  expect(state.tables).toEqual(expect.arrayContaining(CORE_TABLES));
  const tenantTables = state.tables.filter((t) =>
    state.columns.some((c) => c.startsWith(`${t}.tenant_id `)),
  );
  expect(tenantTables.length).toBeGreaterThanOrEqual(12);
  for (const table of tenantTables) {
    expect(
      state.rls.find((r) => r.table === table),
      table,
    ).toEqual({ table, enabled: true, forced: true });
    expect(
      state.policies.filter((p) => p.table === table).map((p) => [p.policy, p.roles]),
      table,
    ).toEqual([
      ["system_access", "shelfwise_system"],
      ["tenant_isolation", "shelfwise_app"],
    ]);
    expect(state.grants, table).toContain(`shelfwise_app SELECT ${table}`);
  }
  // The tenant registry is not tenant data: the app role has no grant on it at all.
  expect(
    state.grants.filter((g) => g.startsWith("shelfwise_app ") && g.endsWith(" tenants")),
  ).toEqual([]);
  expect(state.grants).toContain("shelfwise_system SELECT tenants");
}

function expectEmpty(state: Snapshot) {
  expect(state.tables).toEqual([]);
  expect(state.policies).toEqual([]);
  expect(state.grants).toEqual([]);
  expect(state.applied).toBe(0);
}

describe("migrations up and down", () => {
  /** The state after each prefix of the journal: steps[k] = after the first k migrations. */
  const steps: Snapshot[] = [];
  let full: Snapshot;

  it("applies one migration at a time up to a schema with forced RLS and policies everywhere", async () => {
    steps.push(await snapshot());
    expectEmpty(steps[0] as Snapshot);
    for (let count = 1; count <= tags.length; count++) {
      await migrateUpTo(count);
      steps.push(await snapshot());
      expect(steps[count]?.applied).toBe(count);
    }
    full = steps[tags.length] as Snapshot;
    expectFullSchema(full);
  });

  it("is idempotent: migrating an up-to-date database changes nothing", async () => {
    await migrateUp(url);
    expect(await snapshot()).toEqual(full);
  });

  it("rolls back one step to exactly the previous state, and forward again", async () => {
    expect(await rollback(url, 1)).toEqual([tags.at(-1)]);
    expect(await snapshot()).toEqual(steps[tags.length - 1]);
    await migrateUp(url);
    expect(await snapshot()).toEqual(full);
  });

  it("undoes each migration exactly, one step at a time, down to an empty database", async () => {
    for (let count = tags.length; count > 0; count--) {
      expect(await rollback(url, 1)).toEqual([tags[count - 1]]);
      expect(await snapshot(), `after undoing ${tags[count - 1]}`).toEqual(steps[count - 1]);
    }
    expect(await rollback(url, 1)).toEqual([]);
    await migrateUp(url);
    expect(await snapshot()).toEqual(full);
  });

  it("rolls everything back, leaving no table and no policy, and migrates up again", async () => {
    expect(await rollback(url, Number.POSITIVE_INFINITY)).toEqual([...tags].reverse());
    expectEmpty(await snapshot());
    await migrateUp(url);
    expect(await snapshot()).toEqual(full);
  });
});
