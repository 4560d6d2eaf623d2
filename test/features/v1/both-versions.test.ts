import { describe, expect, it } from "vitest";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";
import { isbn } from "../books/fixtures";
import { stockOf, tenantCounts } from "../orders/fixtures";
import { type Book, send, VERSIONS } from "./versions";

const book = (overrides: Partial<Book> = {}): Book => ({
  isbn: isbn(),
  title: "Middlemarch",
  authors: ["George Eliot"],
  price: { amount: 1250, currency: "EUR" },
  stock: 10,
  ...overrides,
});

function expectDeprecationHeaders(response: Response, deprecated: boolean) {
  if (!deprecated) {
    expect(response.headers.get("deprecation")).toBeNull();
    return;
  }
  const deprecation = response.headers.get("deprecation") ?? "";
  expect(deprecation).toMatch(/^@\d+$/);
  const sunset = Date.parse(response.headers.get("sunset") ?? "");
  expect(sunset).toBeGreaterThanOrEqual(Number(deprecation.slice(1)) * 1000);
  expect(response.headers.get("sunset")).toMatch(
    /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
  );
  expect(response.headers.get("link")).toMatch(/^<https:\/\/[^>]+>; rel="deprecation"$/);
}

describe.each(VERSIONS)("catalog and orders through $name", (version) => {
  const deprecated = version.name === "v1";

  it("creates, reads, updates (If-Match) and deletes a book", async () => {
    const tenant = await createTestTenant();
    const input = book({ price: { amount: 1999, currency: "EUR" } });
    const created = await send(
      version,
      "/books",
      "POST",
      version.bookBody(input),
      tenant.editorKey,
    );
    expect(created.status).toBe(201);
    expectDeprecationHeaders(created, deprecated);
    const read = version.readBook(await created.json());
    expect(read).toEqual({ ...input, id: read.id, status: "active" });

    const got = await call(`${version.prefix}/books/${read.id}`, {
      headers: bearer(tenant.viewerKey),
    });
    expect(version.readBook(await got.json())).toEqual(read);
    const etag = got.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"book_/);

    const patched = await send(
      version,
      `/books/${read.id}`,
      "PATCH",
      version.bookBody({ price: { amount: 500, currency: "JPY" }, stock: 3 }),
      tenant.editorKey,
      { "if-match": etag },
    );
    expect(patched.status).toBe(200);
    expect(version.readBook(await patched.json())).toMatchObject({
      price: { amount: 500, currency: "JPY" },
      stock: 3,
    });
    const stale = await send(
      version,
      `/books/${read.id}`,
      "PATCH",
      { stock: 1 },
      tenant.editorKey,
      {
        "if-match": etag,
      },
    );
    expect(stale.status).toBe(412);
    expectDeprecationHeaders(stale, deprecated);

    const removed = await call(`${version.prefix}/books/${read.id}`, {
      method: "DELETE",
      headers: bearer(tenant.editorKey),
    });
    expect(removed.status).toBe(200);
    const gone = await call(`${version.prefix}/books/${read.id}`, {
      headers: bearer(tenant.viewerKey),
    });
    expect(gone.status).toBe(404);
    expectDeprecationHeaders(gone, deprecated);
  });

  it("pages through lists in the version's own way, newest first, with filters", async () => {
    const tenant = await createTestTenant();
    const ids: string[] = [];
    for (const title of ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]) {
      const r = await send(
        version,
        "/books",
        "POST",
        version.bookBody(book({ title })),
        tenant.editorKey,
      );
      ids.unshift(version.readBook(await r.json()).id);
    }
    expect(await version.listIds(tenant.viewerKey, "books", 2)).toEqual(ids);
    expect(await version.listIds(tenant.viewerKey, "books", 100, "&q=ta")).toEqual([
      ids[1],
      ids[3],
    ]);
    expect(await version.listIds(tenant.viewerKey, "books", 2, "&status=archived")).toEqual([]);
  });

  it.each([
    ["a bad ISBN checksum", { isbn: "9780306406158" }],
    ["negative stock", { stock: -1 }],
    ["an empty title", { title: " " }],
    ["a lowercase currency", { price: { amount: 100, currency: "eur" } }],
    ["an unknown field", { tenant_id: "ten_01m80aafg84tmdzg177y0wk4zy" }],
  ])("rejects %s with 400 validation_failed and writes nothing", async (_, override) => {
    const tenant = await createTestTenant();
    const before = await tenantCounts(tenant.id);
    const body = { ...version.bookBody(book()), ...version.bookBody(override as Partial<Book>) };
    const response = await send(version, "/books", "POST", body, tenant.editorKey);
    expect(response.status).toBe(400);
    expectDeprecationHeaders(response, deprecated);
    const problem = await readProblem(response);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.length).toBeGreaterThan(0);
    expect(await tenantCounts(tenant.id)).toEqual(before);
  });

  it("orders: totals, insufficient stock, cancel releases, illegal transitions", async () => {
    const tenant = await createTestTenant();
    const created = await Promise.all(
      [book({ stock: 5 }), book({ stock: 1, price: { amount: 305, currency: "EUR" } })].map(
        async (b) =>
          version.readBook(
            await (
              await send(version, "/books", "POST", version.bookBody(b), tenant.editorKey)
            ).json(),
          ),
      ),
    );
    const [a, b] = created as [(typeof created)[0], (typeof created)[0]];
    const short = await send(
      version,
      "/orders",
      "POST",
      {
        lines: [
          { book_id: a.id, quantity: 2 },
          { book_id: b.id, quantity: 2 },
        ],
      },
      tenant.editorKey,
    );
    expect(short.status).toBe(409);
    expectDeprecationHeaders(short, deprecated);
    expect((await readProblem(short)).lines).toEqual([
      { book_id: b.id, requested: 2, available: 1 },
    ]);

    const placed = await send(
      version,
      "/orders",
      "POST",
      {
        lines: [
          { book_id: a.id, quantity: 2 },
          { book_id: b.id, quantity: 1 },
        ],
      },
      tenant.editorKey,
    );
    expect(placed.status).toBe(201);
    const order = version.readOrder(await placed.json());
    expect(order).toMatchObject({
      status: "pending",
      total: { amount: 2 * 1250 + 305, currency: "EUR" },
      lines: [
        { book_id: a.id, quantity: 2, unit_price: 1250, line_total: 2500 },
        { book_id: b.id, quantity: 1, unit_price: 305, line_total: 305 },
      ],
    });
    expect(await stockOf(a.id)).toBe(3);
    const ship = await send(version, `/orders/${order.id}/ship`, "POST", {}, tenant.editorKey);
    expect(ship.status).toBe(409);
    const cancel = await send(version, `/orders/${order.id}/cancel`, "POST", {}, tenant.editorKey);
    expect(version.readOrder(await cancel.json()).status).toBe("cancelled");
    expect(await stockOf(a.id)).toBe(5);
    expect(await stockOf(b.id)).toBe(1);
    expect(await version.listIds(tenant.viewerKey, "orders", 1, "&status=cancelled")).toEqual([
      order.id,
    ]);
  });

  it("auth failures and unknown paths carry the version's headers too", async () => {
    const [tenant, other] = await Promise.all([createTestTenant(), createTestTenant()]);
    const mine = version.readBook(
      await (
        await send(version, "/books", "POST", version.bookBody(book()), tenant.editorKey)
      ).json(),
    );
    const anonymous = await call(`${version.prefix}/books`);
    expect(anonymous.status).toBe(401);
    expectDeprecationHeaders(anonymous, deprecated);
    const viewer = await send(version, "/books", "POST", {}, tenant.viewerKey);
    expect(viewer.status).toBe(403);
    expectDeprecationHeaders(viewer, deprecated);
    const foreign = await call(`${version.prefix}/books/${mine.id}`, {
      headers: bearer(other.adminKey),
    });
    expect(foreign.status).toBe(404);
    expectDeprecationHeaders(foreign, deprecated);
    const nowhere = await call(`${version.prefix}/nothing-here`, {
      headers: bearer(tenant.adminKey),
    });
    expect(nowhere.status).toBe(404);
    expectDeprecationHeaders(nowhere, deprecated);
  });
});

describe("v1 money translation", () => {
  it("reads decimals by the currency's minor unit and refuses extra precision or a lone price", async () => {
    const tenant = await createTestTenant();
    // The v1 body of a book (VERSIONS[0].bookBody: v2's price object becomes price and currency).
    const { price: _, ...rest } = book();
    const yen = await typedClient(tenant.editorKey).v1.books.$post({
      json: { ...rest, price: "1250", currency: "JPY" },
    });
    expect(yen.status).toBe(201);
    if (yen.status !== 201) throw new Error("not created");
    const created = await yen.json();
    expect(created.price).toBe("1250");
    const read = await typedClient(tenant.viewerKey).v2.books[":id"].$get({
      param: { id: created.id },
    });
    if (read.status !== 200) throw new Error(`book not read: ${read.status}`);
    const v2 = await read.json();
    expect(v2.price).toEqual({ amount: 1250, currency: "JPY" });

    for (const body of [
      { ...VERSIONS[0]?.bookBody(book()), price: "12.5", currency: "JPY" },
      { ...VERSIONS[0]?.bookBody(book()), price: "12.505", currency: "EUR" },
      { ...VERSIONS[0]?.bookBody(book()), price: "99999999999", currency: "EUR" },
      { ...VERSIONS[0]?.bookBody(book()), price: 12.5, currency: "EUR" },
    ]) {
      const refused = await send(
        VERSIONS[0] as (typeof VERSIONS)[0],
        "/books",
        "POST",
        body,
        tenant.editorKey,
      );
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect((await readProblem(refused)).errors?.[0]?.path).toBe("json.price");
    }
    const lone = await send(
      VERSIONS[0] as (typeof VERSIONS)[0],
      `/books/${created.id}`,
      "PATCH",
      { price: "3" },
      tenant.editorKey,
    );
    expect(lone.status).toBe(400);
  });
});
