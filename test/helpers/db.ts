import { env } from "cloudflare:test";
import postgres from "postgres";
import { openWorkerSocket } from "../../src/platform/db/driver/socket";
import { newId } from "../../src/platform/ids";

/**
 * A postgres.js client through the real Hyperdrive binding, connected as the owner (superuser
 * locally): for seeding and for asserting what the database holds. Close it with `sql.end()`.
 */
export function ownerSql() {
  return postgres(env.HYPERDRIVE.connectionString, {
    max: 2,
    fetch_types: false,
    onnotice: () => {},
    // As the product: behind a transaction-mode pooler a cached `commit` can turn into a silent
    // ROLLBACK of a seeding transaction (docs/database.md).
    prepare: false,
    // The product's socket: the driver's own Workers polyfill reports spurious errors on close.
    ...({ socket: openWorkerSocket } as object),
  });
}

/** Runs `work` with an owner client and closes it afterwards. */
export async function withOwnerSql<T>(
  work: (sql: ReturnType<typeof ownerSql>) => Promise<T>,
): Promise<T> {
  const sql = ownerSql();
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

/** Inserts a bare tenant row (no credentials) and returns its id. */
export async function insertTenant(
  sql: ReturnType<typeof ownerSql>,
  fields: { plan?: string; status?: string; name?: string } = {},
): Promise<string> {
  const id = newId("ten");
  await sql`insert into tenants (id, name, plan, status)
    values (${id}, ${fields.name ?? `Tenant ${id}`}, ${fields.plan ?? "standard"}, ${fields.status ?? "active"})`;
  return id;
}
