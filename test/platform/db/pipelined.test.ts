import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openRequestDatabase, READ_ONLY, rowsOf, withTenant } from "../../../src/platform/db";
import { books } from "../../../src/platform/db/schema";
import { createBook } from "../../features/books/fixtures";
import { createTestTenant } from "../../helpers/tenant";

/**
 * The request handle's pipelined transactions (src/platform/db/driver/pipeline.ts): a read-only verb is
 * refused any write by Postgres itself, and transactions that follow one whose COMMIT was not
 * waited for still run after it, in order, on the same connection.
 */
describe("pipelined transactions on the request's one connection", () => {
  it("refuses a write inside a read-only transaction, and nothing changes", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.adminKey, { title: "Unchanged" });
    const handle = openRequestDatabase(env, 1);
    try {
      const refused = await withTenant(
        handle,
        tenant.id,
        (scope) => scope.tx.update(books).set({ title: "Changed" }).where(scope.where(books)),
        READ_ONLY,
      ).catch((error: unknown) => error);
      expect(
        (refused as { cause?: { code?: string } }).cause?.code ??
          (refused as { code?: string }).code,
      ).toBe("25006");
      const [row] = await withTenant(
        handle,
        tenant.id,
        (scope) => scope.tx.select({ title: books.title }).from(books).where(scope.where(books)),
        READ_ONLY,
      );
      expect(row?.title).toBe(book.title);
    } finally {
      await handle.close();
    }
  });

  it("keeps transactions in order behind a read whose COMMIT it did not wait for", async () => {
    const tenant = await createTestTenant();
    await createBook(tenant.adminKey);
    const handle = openRequestDatabase(env, 1);
    try {
      const reads = Array.from({ length: 5 }, () =>
        withTenant(
          handle,
          tenant.id,
          (scope) => scope.tx.select().from(books).where(scope.where(books)),
          READ_ONLY,
        ),
      );
      const written = withTenant(handle, tenant.id, (scope) =>
        scope.tx
          .update(books)
          .set({ stock: 7 })
          .where(scope.where(books))
          .returning({ stock: books.stock }),
      );
      const after = withTenant(
        handle,
        tenant.id,
        async (scope) =>
          rowsOf<{ stock: string }>(
            await scope.tx.execute(
              sql`select stock::text as stock from books where tenant_id = ${tenant.id}`,
            ),
          ),
        READ_ONLY,
      );
      expect((await Promise.all(reads)).map((rows) => rows.length)).toEqual([1, 1, 1, 1, 1]);
      expect(await written).toEqual([{ stock: 7 }]);
      expect(await after).toEqual([{ stock: "7" }]);
    } finally {
      await handle.close();
    }
  });
});
