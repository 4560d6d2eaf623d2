import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  type DatabaseHandle,
  openRequestDatabase,
  type RequestDatabase,
  withRequestTransaction,
  withTenant,
} from "../../../src/platform/db";
import { books, tenants } from "../../../src/platform/db/schema";
import { createBook } from "../../features/books/fixtures";
import { createTestTenant } from "../../helpers/tenant";

/** The stock of a book as committed (read in a transaction of its own). */
async function committedStock(tenantId: string, bookId: string) {
  const handle = openRequestDatabase(env);
  try {
    const [row] = await withTenant(handle, tenantId, (scope) =>
      scope.tx
        .select({ stock: books.stock })
        .from(books)
        .where(scope.where(books, eq(books.id, bookId))),
    );
    return row?.stock;
  } finally {
    await handle.close();
  }
}

/** A request's transaction with nothing to claim first (the idempotency claim is tested elsewhere). */
const inRequest = <T>(
  handle: DatabaseHandle,
  tenantId: string,
  work: (database: RequestDatabase) => Promise<T>,
) => withRequestTransaction(handle, tenantId, async () => {}, work);

const setStock = (database: RequestDatabase, bookId: string, stock: number) =>
  database.tenant((scope) =>
    scope.tx
      .update(books)
      .set({ stock })
      .where(scope.where(books, eq(books.id, bookId))),
  );

/**
 * The idempotent request's one transaction (src/platform/db/request-transaction.ts), as the
 * verbs see it through `ctx.database`: calls are savepoints of it, committed or rolled back
 * together; calls nested inside another are fine; calls side by side are refused.
 */
describe("the request's transaction, handed to the verbs", () => {
  it("commits every call with the request, and none when the request fails", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.adminKey, { stock: 1 });
    const handle = openRequestDatabase(env, 1);
    try {
      await inRequest(handle, tenant.id, async (database) => {
        await setStock(database, book.id, 5);
        // A system call in the same transaction sees the tenant call's write, and the next
        // tenant call runs as the tenant again.
        const [seen] = await database.system((tx) =>
          tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.id, tenant.id)),
        );
        expect(seen?.id).toBe(tenant.id);
        await setStock(database, book.id, 6);
      });
      expect(await committedStock(tenant.id, book.id)).toBe(6);

      const failed = await inRequest(handle, tenant.id, async (database) => {
        await setStock(database, book.id, 9);
        throw new Error("the handler failed");
      }).catch((error: unknown) => error);
      expect((failed as Error).message).toBe("the handler failed");
      expect(await committedStock(tenant.id, book.id)).toBe(6);
    } finally {
      await handle.close();
    }
  });

  it("runs a call nested inside another call's work", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.adminKey, { stock: 1 });
    const handle = openRequestDatabase(env, 1);
    try {
      await inRequest(handle, tenant.id, (database) =>
        database.tenant(async () => {
          await setStock(database, book.id, 3);
        }),
      );
      expect(await committedStock(tenant.id, book.id)).toBe(3);
    } finally {
      await handle.close();
    }
  });

  it("refuses two calls side by side, and commits neither", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.adminKey, { stock: 1 });
    const handle = openRequestDatabase(env, 1);
    try {
      const refused = await inRequest(handle, tenant.id, async (database) => {
        let release!: () => void;
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        const first = setStock(database, book.id, 7);
        // Started beside the first, not inside it: the first finishes while this one runs.
        const second = database.tenant(async (scope) => {
          await held;
          await scope.tx.update(books).set({ stock: 8 }).where(scope.where(books));
        });
        const firstOutcome = await first.then(
          () => "committed",
          (error: unknown) => (error as Error).message,
        );
        release();
        await second.catch(() => {});
        throw new Error(firstOutcome);
      }).catch((error: unknown) => error);
      expect((refused as Error).message).toMatch(/side by side/);
      expect(await committedStock(tenant.id, book.id)).toBe(1);
    } finally {
      await handle.close();
    }
  });

  it("makes a call after the request's work its own transaction", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.adminKey, { stock: 1 });
    const handle = openRequestDatabase(env, 1);
    try {
      let kept: RequestDatabase | undefined;
      await inRequest(handle, tenant.id, async (database) => {
        kept = database;
      });
      if (!kept) throw new Error("no database handed over");
      await setStock(kept, book.id, 4);
      expect(await committedStock(tenant.id, book.id)).toBe(4);
    } finally {
      await handle.close();
    }
  });
});
