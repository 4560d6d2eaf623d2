import { newId } from "../../../src/platform/ids";
import { withOwnerSql } from "../../helpers/db";
import { typedClient } from "../../helpers/typed-client";
import { isbn } from "../books/fixtures";

export interface OrderJson {
  id: string;
  status: string;
  total: { amount: number; currency: string };
  lines: Array<{
    id: string;
    book_id: string;
    isbn: string;
    title: string;
    quantity: number;
    unit_price: { amount: number; currency: string };
    line_total: { amount: number; currency: string };
  }>;
  confirmed_at: string | null;
  shipped_at: string | null;
  cancelled_at: string | null;
}

/** Creates an order through the API and returns it (typed client: the answer is typed by the route; throws unless 201). */
export async function createOrder(
  key: string,
  lines: Array<{ book_id: string; quantity: number }>,
) {
  const response = await typedClient(key).v2.orders.$post({ json: { lines } });
  if (response.status !== 201) {
    throw new Error(`order creation failed: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** The query of `GET /v2/orders`, as the route declares it. */
type OrderListQuery = Parameters<
  ReturnType<typeof typedClient>["v2"]["orders"]["$get"]
>[0]["query"];

/** A page of `GET /v2/orders` (typed by the route); fails the test on any other status. */
export async function listOrders(key: string, query: OrderListQuery = {}) {
  const response = await typedClient(key).v2.orders.$get({ query });
  if (response.status !== 200) {
    throw new Error(`order list failed: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** Current stock of a book, read from the database. */
export async function stockOf(bookId: string): Promise<number> {
  const rows = await withOwnerSql((sql) => sql`select stock from books where id = ${bookId}`);
  return Number(rows[0]?.stock);
}

/** Row counts that a rejected write must leave unchanged. */
export async function tenantCounts(tenantId: string) {
  return withOwnerSql(async (sql) => {
    const [row] = await sql`select
      (select count(*)::int from books where tenant_id = ${tenantId}) as books,
      (select coalesce(sum(stock), 0)::int from books where tenant_id = ${tenantId}) as stock,
      (select coalesce(sum(version), 0)::int from books where tenant_id = ${tenantId}) as versions,
      (select count(*)::int from orders where tenant_id = ${tenantId}) as orders,
      (select count(*)::int from order_lines where tenant_id = ${tenantId}) as lines,
      (select count(*)::int from events where tenant_id = ${tenantId}) as events,
      (select count(*)::int from audit_log where tenant_id = ${tenantId}) as audit`;
    return row;
  });
}

/** The query count a response reports in Server-Timing (`db;…;desc="N queries"`). */
export function queriesOf(response: Response): number {
  const match = /desc="(\d+) queries"/.exec(response.headers.get("server-timing") ?? "");
  if (!match) throw new Error("no query count in Server-Timing");
  return Number(match[1]);
}

/** Seeds `n` books, and `n` orders of two lines each (every line on a book of its own), straight into the database. */
export async function seedOrdersWithLines(tenantId: string, n: number) {
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
