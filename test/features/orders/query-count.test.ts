import { describe, expect, it } from "vitest";
import { call } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { queriesOf, seedOrdersWithLines } from "./fixtures";

describe("list queries do not grow with the page (no N+1)", () => {
  it("lists 1 and 100 books, and 1 and 100 orders with their lines, with the same number of queries", async () => {
    const tenant = await createTestTenant();
    await seedOrdersWithLines(tenant.id, 100);
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
