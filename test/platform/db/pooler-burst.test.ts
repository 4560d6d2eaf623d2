import { describe, expect, it } from "vitest";
import { bookBody } from "../../features/books/fixtures";
import { withOwnerSql } from "../../helpers/db";
import { callJson } from "../../helpers/http";
import { bearer, createKey, createTestTenant } from "../../helpers/tenant";

/** Concurrent writes in the burst, spread over KEYS fresh keys (each well under its rate limit). */
const WRITES = 40;
const KEYS = 4;

/**
 * What every acknowledged write must have left behind. Behind a transaction-mode pooler that
 * moves the client between server connections (CI runs this suite behind PgBouncer 1.18), a
 * commit answered ROLLBACK used to be acknowledged: 201 with nothing stored.
 */
describe("a concurrent burst of acknowledged writes", () => {
  it("leaves every acknowledged book with its audit row and outbox event, and every key's last use", async () => {
    const tenant = await createTestTenant();
    const keys = await Promise.all(
      Array.from({ length: KEYS }, (_, i) => createKey(tenant.adminKey, "editor", `burst ${i}`)),
    );
    const responses = await Promise.all(
      Array.from({ length: WRITES }, (_, i) =>
        callJson("/v2/books", "POST", bookBody(), bearer(keys[i % KEYS]?.key ?? "")),
      ),
    );
    const acknowledged: string[] = [];
    for (const response of responses) {
      // A refusal is allowed (e.g. 503 with Retry-After); an acknowledgement must be true.
      expect([201, 503]).toContain(response.status);
      if (response.status === 201)
        acknowledged.push(((await response.json()) as { id: string }).id);
    }
    expect(acknowledged.length).toBeGreaterThan(WRITES / 2);

    const stored = await withOwnerSql(async (sql) => {
      const books = await sql<{ id: string }[]>`
        select id from books where tenant_id = ${tenant.id} and id in ${sql(acknowledged)}`;
      const audited = await sql<{ id: string }[]>`
        select target_id as id from audit_log
        where tenant_id = ${tenant.id} and action = 'book.created' and target_id in ${sql(acknowledged)}`;
      const published = await sql<{ id: string }[]>`
        select payload->'data'->>'id' as id from events
        where tenant_id = ${tenant.id} and type = 'book.created'`;
      const unused = await sql<{ id: string }[]>`
        select id from api_keys where id in ${sql(keys.map((k) => k.id))} and last_used_at is null`;
      return { books, audited, published, unused };
    });
    const missing = (rows: Array<{ id: string }>) => {
      const present = new Set(rows.map((r) => r.id));
      return acknowledged.filter((id) => !present.has(id));
    };
    expect({
      books: missing(stored.books),
      audit: missing(stored.audited),
      events: missing(stored.published),
      keysNeverMarkedUsed: stored.unused.map((r) => r.id),
    }).toEqual({ books: [], audit: [], events: [], keysNeverMarkedUsed: [] });
  });
});
