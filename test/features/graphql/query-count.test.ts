import { describe, expect, it } from "vitest";
import { call } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { queriesOf, seedOrdersWithLines } from "../orders/fixtures";
import { postGraphQL } from "./fixtures";

const PAGE = `query($first: Int!) {
  orders(first: $first) {
    edges { node { id status lines { quantity book { id title stock } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Page {
  data: {
    orders: { edges: Array<{ node: { lines: Array<{ book: { id: string } | null }> } }> };
  };
}

describe("GraphQL batches order lines' books (no N+1)", () => {
  it("a page of 50 orders with lines and books costs the statements of a page of 1", async () => {
    const tenant = await createTestTenant();
    await seedOrdersWithLines(tenant.id, 50);
    await postGraphQL(tenant.viewerKey, "{ __typename }"); // warms the credential cache

    const count = async (first: number) => {
      const response = await postGraphQL(tenant.viewerKey, PAGE, { first });
      expect(response.status).toBe(200);
      const body = (await response.json()) as Page & { errors?: unknown };
      expect(body.errors).toBeUndefined();
      const edges = body.data.orders.edges;
      expect(edges).toHaveLength(first);
      const books = edges.flatMap((e) => e.node.lines.map((l) => l.book?.id));
      expect(books.every((id) => id?.startsWith("book_"))).toBe(true);
      expect(new Set(books).size).toBe(first * 2);
      return queriesOf(response);
    };
    const one = await count(1);
    const fifty = await count(50);
    expect(fifty).toBe(one);
    // REST's page of orders with lines, plus one read of every line's book (booksByIds, its own
    // read-only transaction): what a REST client pays for the orders and one GET per book.
    const rest = await call("/v2/orders?limit=50", { headers: bearer(tenant.viewerKey) });
    const book = await call("/v2/books/book_00000000000000000000000000", {
      headers: bearer(tenant.viewerKey),
    });
    expect(one).toBe(queriesOf(rest) + queriesOf(book));
  });
});
