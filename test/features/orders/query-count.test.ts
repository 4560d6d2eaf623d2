import { describe, expect, it } from "vitest";
import { newId } from "../../../src/platform/ids";
import { withOwnerSql } from "../../helpers/db";
import { call } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { isbn } from "../books/fixtures";
import { queriesOf } from "./fixtures";

/** Seeds `n` books, and `n` orders of two lines each, straight into the database. */
async function seed(tenantId: string, n: number) {
  await withOwnerSql(async (sql) => {
    const books = Array.from({ length: n * 2 }, () => ({
      id: newId("book"),
      tenant_id: tenantId,
      isbn: isbn(),
      title: "Seeded",
      authors: sql.json(["Someone"]),
      price_amount: 100,
      currency: "EUR",
      stock: 5,
    }));
    await sql`insert into books ${sql(books)}`;
    const orders = Array.from({ length: n }, () => ({
      id: newId("ord"),
      tenant_id: tenantId,
      status: "pending",
      currency: "EUR",
      total_amount: 200,
    }));
    await sql`insert into orders ${sql(orders)}`;
    const lines = orders.flatMap((order, i) =>
      [books[2 * i], books[2 * i + 1]].map((book) => ({
        id: newId("line"),
        tenant_id: tenantId,
        order_id: order.id,
        book_id: book?.id as string,
        quantity: 1,
        unit_amount: 100,
        line_amount: 100,
        title: "Seeded",
        isbn: book?.isbn as string,
      })),
    );
    await sql`insert into order_lines ${sql(lines)}`;
  });
}

describe("list queries do not grow with the page (no N+1)", () => {
  it("lists 1 and 100 books, and 1 and 100 orders with their lines, with the same number of queries", async () => {
    const tenant = await createTestTenant();
    await seed(tenant.id, 100);
    const headers = bearer(tenant.viewerKey);
    await call("/v2/books?limit=1", { headers }); // warms the credential cache

    const count = async (path: string, items: number) => {
      const response = await call(path, { headers });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: Array<{ lines?: unknown[] }> };
      expect(body.data).toHaveLength(items);
      if (path.includes("orders")) expect(body.data.every((o) => o.lines?.length === 2)).toBe(true);
      return queriesOf(response);
    };
    const books1 = await count("/v2/books?limit=1", 1);
    const books100 = await count("/v2/books?limit=100", 100);
    const orders1 = await count("/v2/orders?limit=1", 1);
    const orders100 = await count("/v2/orders?limit=100", 100);
    expect(books100).toBe(books1);
    expect(orders100).toBe(orders1);
    expect(books1).toBeGreaterThan(0);
  });
});
