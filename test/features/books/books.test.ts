import { describe, expect, it } from "vitest";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";
import { bookBody, createBook, isbn, listBooks } from "./fixtures";

describe("books (v2)", () => {
  it("creates a book with a normalized ISBN, an ETag, an audit row and a book.created event", async () => {
    const tenant = await createTestTenant();
    const raw = isbn();
    const hyphenated = `${raw.slice(0, 3)}-${raw.slice(3, 4)} ${raw.slice(4, 9)}-${raw.slice(9)}`;
    const response = await typedClient(tenant.editorKey).v2.books.$post({
      json: bookBody({ isbn: hyphenated, title: "  Refactoring  " }),
    });
    expect(response.status).toBe(201);
    if (response.status !== 201) throw new Error("not created");
    const book = await response.json();
    expect(book).toMatchObject({
      isbn: raw,
      title: "Refactoring",
      price: { amount: 1250, currency: "EUR" },
      stock: 10,
      status: "active",
      version: 1,
      deleted_at: null,
    });
    expect(book.id).toMatch(/^book_[0-9a-z]{26}$/);
    expect(response.headers.get("etag")).toBe(`"${book.id}.v1"`);

    const stored = await withOwnerSql(async (sql) => ({
      audit: await sql`select action, tenant_id from audit_log where target_id = ${book.id}`,
      events: await sql`select type, payload from events where tenant_id = ${tenant.id}`,
    }));
    expect(stored.audit).toEqual([{ action: "book.created", tenant_id: tenant.id }]);
    expect(stored.events).toHaveLength(1);
    expect(stored.events[0]?.type).toBe("book.created");
    expect(stored.events[0]?.payload).toMatchObject({
      type: "book.created",
      data: { id: book.id },
    });

    const read = await call(`/v2/books/${book.id}`, { headers: bearer(tenant.viewerKey) });
    expect(read.status).toBe(200);
    expect(read.headers.get("etag")).toBe(`"${book.id}.v1"`);
    expect(await read.json()).toEqual(book);
  });

  it("rejects a bad checksum, a bad currency, negative stock and unknown fields with 400 errors[]", async () => {
    const tenant = await createTestTenant();
    const bad = await callJson(
      "/v2/books",
      "POST",
      {
        ...bookBody({
          isbn: "9780306406158",
          price: { amount: 12.5, currency: "eur" },
          stock: -1,
        }),
        tenant_id: "ten_x",
      },
      bearer(tenant.editorKey),
    );
    expect(bad.status).toBe(400);
    const problem = await readProblem(bad);
    expect(problem.code).toBe("validation_failed");
    const paths = problem.errors?.map((e) => e.path) ?? [];
    expect(paths).toEqual(
      expect.arrayContaining([
        "json.isbn",
        "json.price.amount",
        "json.price.currency",
        "json.stock",
      ]),
    );
    expect(JSON.stringify(problem.errors)).toContain("tenant_id");
  });

  it("keeps ISBNs unique per tenant (409) but not across tenants, and frees them on delete", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const book = await createBook(a.editorKey);
    const again = await callJson(
      "/v2/books",
      "POST",
      bookBody({ isbn: book.isbn }),
      bearer(a.editorKey),
    );
    expect(again.status).toBe(409);
    expect((await readProblem(again)).code).toBe("conflict");
    await createBook(b.editorKey, { isbn: book.isbn });

    const other = await createBook(a.editorKey);
    const clash = await callJson(
      `/v2/books/${other.id}`,
      "PATCH",
      { isbn: book.isbn },
      bearer(a.editorKey),
    );
    expect(clash.status).toBe(409);

    expect(
      (await call(`/v2/books/${book.id}`, { method: "DELETE", headers: bearer(a.editorKey) }))
        .status,
    ).toBe(200);
    await createBook(a.editorKey, { isbn: book.isbn });
  });

  it("patches with optimistic concurrency: a stale If-Match is 412, the current one applies", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.editorKey);
    const etag = `"${book.id}.v1"`;
    const first = await callJson(
      `/v2/books/${book.id}`,
      "PATCH",
      { title: "Second edition", price: { amount: 3999, currency: "USD" } },
      { ...bearer(tenant.editorKey), "if-match": etag },
    );
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe(`"${book.id}.v2"`);
    expect(await first.json()).toMatchObject({
      title: "Second edition",
      price: { amount: 3999, currency: "USD" },
      version: 2,
    });

    const stale = await callJson(
      `/v2/books/${book.id}`,
      "PATCH",
      { stock: 1 },
      { ...bearer(tenant.editorKey), "if-match": etag },
    );
    expect(stale.status).toBe(412);
    expect((await readProblem(stale)).code).toBe("precondition_failed");

    // A weakened ETag (as compressing proxies send back) still matches.
    const weak = await callJson(
      `/v2/books/${book.id}`,
      "PATCH",
      { stock: 1 },
      { ...bearer(tenant.editorKey), "if-match": `W/"${book.id}.v2"` },
    );
    expect(weak.status).toBe(200);

    const staleDelete = await call(`/v2/books/${book.id}`, {
      method: "DELETE",
      headers: { ...bearer(tenant.editorKey), "if-match": etag },
    });
    expect(staleDelete.status).toBe(412);
    const empty = await callJson(`/v2/books/${book.id}`, "PATCH", {}, bearer(tenant.editorKey));
    expect(empty.status).toBe(400);

    const events = await withOwnerSql(
      (sql) => sql`select type from events where tenant_id = ${tenant.id} order by id`,
    );
    expect(events.map((e) => e.type)).toEqual(["book.created", "book.updated", "book.updated"]);
  });

  it("soft-deletes: gone from reads and lists, the row is kept with deleted_at", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.editorKey);
    const deleted = await typedClient(tenant.editorKey).v2.books[":id"].$delete({
      param: { id: book.id },
      header: {},
    });
    expect(deleted.status).toBe(200);
    if (deleted.status !== 200) throw new Error("not deleted");
    expect((await deleted.json()).deleted_at).not.toBeNull();
    expect((await call(`/v2/books/${book.id}`, { headers: bearer(tenant.viewerKey) })).status).toBe(
      404,
    );
    const again = await call(`/v2/books/${book.id}`, {
      method: "DELETE",
      headers: bearer(tenant.editorKey),
    });
    expect(again.status).toBe(404);
    expect((await listBooks(tenant.viewerKey)).data).toEqual([]);
    const rows = await withOwnerSql(
      (sql) => sql`select deleted_at from books where id = ${book.id}`,
    );
    expect(rows[0]?.deleted_at).not.toBeNull();
    const types = await withOwnerSql(
      (sql) => sql`select type from events where tenant_id = ${tenant.id} order by id`,
    );
    expect(types.map((e) => e.type)).toEqual(["book.created", "book.deleted"]);
  });

  it("lists newest first with cursor pagination and q/status filters", async () => {
    const tenant = await createTestTenant();
    const a = await createBook(tenant.editorKey, { title: "Dune", authors: ["Frank Herbert"] });
    const b = await createBook(tenant.editorKey, {
      title: "Emma",
      authors: ["Jane Austen"],
      status: "archived",
    });
    const c = await createBook(tenant.editorKey, { title: "100% Pure_Joy", authors: ["X"] });
    const headers = bearer(tenant.viewerKey);

    const first = await listBooks(tenant.viewerKey, { limit: "2" });
    expect(first.data.map((x) => x.id)).toEqual([c.id, b.id]);
    expect(first.has_more).toBe(true);
    const second = await listBooks(tenant.viewerKey, {
      limit: "2",
      starting_after: first.next_cursor ?? "",
    });
    expect(second.data.map((x) => x.id)).toEqual([a.id]);
    expect(second).toMatchObject({ has_more: false, next_cursor: null });

    const ids = async (query: Parameters<typeof listBooks>[1]) =>
      (await listBooks(tenant.viewerKey, query)).data.map((x) => x.id);
    expect(await ids({ q: "austen" })).toEqual([b.id]);
    expect(await ids({ q: "DUNE" })).toEqual([a.id]);
    expect(await ids({ q: `${a.isbn.slice(0, 3)}-${a.isbn.slice(3)}` })).toEqual([a.id]);
    expect(await ids({ q: "%" })).toEqual([c.id]);
    expect(await ids({ q: "_" })).toEqual([c.id]);
    expect(await ids({ status: "archived" })).toEqual([b.id]);
    expect(await ids({ status: "active", q: "e" })).toEqual(expect.arrayContaining([a.id]));

    const bad = await call("/v2/books?status=gone&limit=500", { headers });
    expect(bad.status).toBe(400);
    expect((await readProblem(bad)).errors?.map((e) => e.path).sort()).toEqual([
      "query.limit",
      "query.status",
    ]);
  });

  it("401 without credential, 403 for viewer writes (before validation), 404 across tenants", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const book = await createBook(a.editorKey);
    expect((await call("/v2/books")).status).toBe(401);
    expect((await call(`/v2/books/${book.id}`)).status).toBe(401);

    const viewer = bearer(a.viewerKey);
    for (const [path, method, body] of [
      ["/v2/books", "POST", { junk: true }],
      [`/v2/books/${book.id}`, "PATCH", { junk: true }],
      [`/v2/books/${book.id}`, "DELETE", undefined],
    ] as const) {
      const response = await callJson(path, method, body ?? {}, viewer);
      expect(response.status).toBe(403);
      expect((await readProblem(response)).code).toBe("forbidden");
    }

    const foreign = bearer(b.adminKey);
    expect((await call(`/v2/books/${book.id}`, { headers: foreign })).status).toBe(404);
    expect((await callJson(`/v2/books/${book.id}`, "PATCH", { stock: 0 }, foreign)).status).toBe(
      404,
    );
    expect(
      (await call(`/v2/books/${book.id}`, { method: "DELETE", headers: foreign })).status,
    ).toBe(404);
    expect((await call("/v2/books/not-an-id", { headers: foreign })).status).toBe(404);
    expect((await listBooks(b.adminKey)).data).toEqual([]);
    const unchanged = await typedClient(a.viewerKey).v2.books[":id"].$get({
      param: { id: book.id },
    });
    if (unchanged.status !== 200) throw new Error("not readable");
    expect((await unchanged.json()).version).toBe(1);
  });
});
