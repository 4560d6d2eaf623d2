import { describe, expect, it } from "vitest";
import { createBook } from "../../features/books/fixtures";
import { call } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";

/**
 * Statements reach Postgres with their values written in as literals (src/platform/db/driver/inline.ts): what a
 * client sends must come back byte for byte, and never be read as SQL.
 */
describe("values written into statements", () => {
  const hostile = [
    "O'Reilly",
    "back\\slash \\' \\\\' and \\x41",
    "'); delete from books; --",
    "E'x' || $1 || $$dollar$$ /* comment */ -- line",
    "emoji 📚 and ünïcödé, zero-width \u200b",
  ];

  it.each(hostile)("stores and reads back %j exactly, in a body and in a filter", async (text) => {
    const { adminKey } = await createTestTenant();
    const book = await createBook(adminKey, { title: text, authors: [text] });
    expect(book.title).toBe(text);

    const read = await call(`/v2/books/${book.id}`, { headers: bearer(adminKey) });
    const body = (await read.json()) as { title: string; authors: string[] };
    expect(body.title).toBe(text);
    expect(body.authors).toEqual([text]);

    const search = await call(`/v2/books?q=${encodeURIComponent(text)}`, {
      headers: bearer(adminKey),
    });
    expect(search.status).toBe(200);
    const page = (await search.json()) as { data: Array<{ id: string }> };
    expect(page.data.map((b) => b.id)).toEqual([book.id]);
  });
});
