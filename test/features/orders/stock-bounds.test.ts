import { describe, expect, it } from "vitest";
import { callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";
import { createBook } from "../books/fixtures";
import { createOrder, stockOf } from "./fixtures";

const INT4_MAX = 2_147_483_647;

describe("stock at the top of its range", () => {
  it("an order stays cancellable after its book's stock was raised to the maximum", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.editorKey, { stock: 5 });
    const order = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 3 }]);
    const raised = await callJson(
      `/v2/books/${book.id}`,
      "PATCH",
      { stock: INT4_MAX },
      bearer(tenant.editorKey),
    );
    expect(raised.status).toBe(200);

    const cancelled = await typedClient(tenant.editorKey).v2.orders[":id"].cancel.$post({
      param: { id: order.id },
    });
    expect(cancelled.status).toBe(200);
    if (cancelled.status !== 200) throw new Error("not cancelled");
    expect((await cancelled.json()).status).toBe("cancelled");
    // Nothing released is lost: the stock goes past the settable maximum and reads back exactly.
    expect(await stockOf(book.id)).toBe(INT4_MAX + 3);
    const read = await typedClient(tenant.viewerKey).v2.books[":id"].$get({
      param: { id: book.id },
    });
    if (read.status !== 200) throw new Error(`book not read: ${read.status}`);
    expect((await read.json()).stock).toBe(INT4_MAX + 3);
  });

  it("a client cannot set stock past the maximum (400), in either version", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.editorKey, { stock: 5 });
    for (const prefix of ["/v2", "/v1"]) {
      const response = await callJson(
        `${prefix}/books/${book.id}`,
        "PATCH",
        { stock: INT4_MAX + 1 },
        bearer(tenant.editorKey),
      );
      expect(response.status).toBe(400);
      expect((await readProblem(response)).errors?.map((e) => e.path)).toEqual(["json.stock"]);
    }
    expect(await stockOf(book.id)).toBe(5);
  });
});
