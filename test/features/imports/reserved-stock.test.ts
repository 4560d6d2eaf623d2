import { describe, expect, it } from "vitest";
import { call } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { createBook } from "../books/fixtures";
import { createOrder } from "../orders/fixtures";
import {
  bookLine,
  errorReport,
  type ImportView,
  isbn,
  onHand,
  postImport,
  runImportJob,
  shown,
} from "./fixtures";

async function stockShown(key: string, bookId: string): Promise<number> {
  const response = await call(`/v2/books/${bookId}`, { headers: bearer(key) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { stock: number }).stock;
}

async function importFile(key: string, file: string): Promise<ImportView> {
  const posted = await postImport(key, file);
  expect(posted.status).toBe(202);
  const { id } = (await posted.json()) as ImportView;
  await runImportJob(id);
  return shown(key, id);
}

const act = (key: string, orderId: string, action: string) =>
  call(`/v2/orders/${orderId}/${action}`, { method: "POST", headers: bearer(key) });

describe("an import's stock is the count on hand; open orders keep their reservations", () => {
  it("stock 10, an order reserves 3, an import says 10, the order is cancelled: 10 on hand, 10 available", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.editorKey, { isbn: isbn(1), stock: 10 });
    const order = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 3 }]);
    expect(await stockShown(tenant.viewerKey, book.id)).toBe(7);

    const done = await importFile(tenant.editorKey, bookLine(1, { stock: 10 }));
    expect(done).toMatchObject({ status: "completed", counts: { updated: 1, failed: 0 } });
    // 10 on the shelf, 3 of them promised to the pending order.
    expect(await stockShown(tenant.viewerKey, book.id)).toBe(7);
    expect(await onHand(book.id)).toEqual({ available: 7, reserved: 3, onHand: 10 });

    expect((await act(tenant.editorKey, order.id, "cancel")).status).toBe(200);
    expect(await stockShown(tenant.viewerKey, book.id)).toBe(10);
    expect(await onHand(book.id)).toEqual({ available: 10, reserved: 0, onHand: 10 });
  });

  it("counts confirmed orders as reserved and shipped ones as gone; a count below the reservations is a rejected line", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.editorKey, { isbn: isbn(2), stock: 20 });
    const other = await createBook(tenant.editorKey, { isbn: isbn(3), stock: 5 });
    const pending = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 3 }]);
    const confirmed = await createOrder(tenant.editorKey, [
      { book_id: book.id, quantity: 2 },
      { book_id: other.id, quantity: 4 },
    ]);
    expect((await act(tenant.editorKey, confirmed.id, "confirm")).status).toBe(200);
    const shipped = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }]);
    expect((await act(tenant.editorKey, shipped.id, "confirm")).status).toBe(200);
    expect((await act(tenant.editorKey, shipped.id, "ship")).status).toBe(200);

    // 12 on hand for the first book (5 reserved); 3 for the second, whose confirmed order holds 4.
    const done = await importFile(
      tenant.editorKey,
      [bookLine(2, { stock: 12, title: "New title" }), bookLine(3, { stock: 3 })].join("\n"),
    );
    expect(done.counts).toEqual({ created: 0, updated: 1, failed: 1 });
    expect(await errorReport(tenant.viewerKey, done.id)).toEqual([
      {
        line: 2,
        field: "stock",
        message: "4 copies are reserved by open orders; the count on hand cannot be less",
      },
    ]);
    expect(await onHand(book.id)).toEqual({ available: 7, reserved: 5, onHand: 12 });
    // The rejected line changed nothing.
    expect(await onHand(other.id)).toEqual({ available: 1, reserved: 4, onHand: 5 });

    expect((await act(tenant.editorKey, pending.id, "cancel")).status).toBe(200);
    expect((await act(tenant.editorKey, confirmed.id, "cancel")).status).toBe(200);
    expect(await onHand(book.id)).toEqual({ available: 12, reserved: 0, onHand: 12 });
    expect(await onHand(other.id)).toEqual({ available: 5, reserved: 0, onHand: 5 });
  });
});
