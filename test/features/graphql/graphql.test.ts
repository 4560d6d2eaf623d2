import { buildSchema, type OperationDefinitionNode, parse } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { measure, tooComplex } from "../../../src/features/graphql/limits";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, type TestTenant } from "../../helpers/tenant";
import { bookBody, createBook, isbn } from "../books/fixtures";
import { createOrder, stockOf } from "../orders/fixtures";
import { codesOf, gql, postGraphQL } from "./fixtures";

const BOOK_FIELDS = "id isbn title authors price { amount currency } stock status version";
const ORDER_FIELDS = `id status total { amount currency } lines { quantity bookId book { id title stock } }`;

describe("GraphQL queries", () => {
  let tenant: TestTenant;
  let other: TestTenant;

  beforeAll(async () => {
    [tenant, other] = await Promise.all([createTestTenant(), createTestTenant()]);
  });

  it("reads a book, a page of books, an order with its lines' books, and the tenant", async () => {
    const book = await createBook(tenant.editorKey, { title: "Dune", stock: 7 });
    const order = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 2 }]);
    const body = await gql<{
      book: { id: string; title: string; stock: number; price: { amount: number } };
      books: { edges: Array<{ cursor: string; node: { id: string } }> };
      order: { id: string; status: string; lines: Array<{ quantity: number; book: unknown }> };
      tenant: { id: string; plan: string; usage: { books: number; orders: number } };
    }>(
      tenant.viewerKey,
      `query($id: ID!, $order: ID!) {
        book(id: $id) { ${BOOK_FIELDS} }
        books(first: 5, q: "dune") { edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
        order(id: $order) { ${ORDER_FIELDS} }
        tenant { id plan usage { books orders } }
      }`,
      { id: book.id, order: order.id },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.book).toMatchObject({ id: book.id, title: "Dune", stock: 5 });
    expect(body.data?.books.edges).toEqual([{ cursor: book.id, node: { id: book.id } }]);
    expect(body.data?.order).toMatchObject({
      id: order.id,
      status: "pending",
      lines: [{ quantity: 2, book: { id: book.id, title: "Dune", stock: 5 } }],
    });
    expect(body.data?.tenant).toMatchObject({ id: tenant.id, usage: { books: 1, orders: 1 } });
    expect(body.extensions?.cost.requested).toBeGreaterThan(0);
  });

  it("pages with first/after like Relay: endCursor leads to the next page, hasNextPage ends", async () => {
    const t = await createTestTenant();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await createBook(t.editorKey)).id);
    const page = (after?: string) =>
      gql<{
        books: {
          edges: Array<{ node: { id: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      }>(
        t.viewerKey,
        `query($after: String) { books(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        after ? { after } : {},
      );
    const first = await page();
    expect(first.data?.books.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(first.data?.books.pageInfo).toEqual({ hasNextPage: true, endCursor: ids[1] });
    const second = await page(first.data?.books.pageInfo.endCursor ?? "");
    expect(second.data?.books.edges.map((e) => e.node.id)).toEqual([ids[0]]);
    expect(second.data?.books.pageInfo.hasNextPage).toBe(false);

    const orders = await gql<{ orders: { edges: unknown[] } }>(
      t.viewerKey,
      `{ orders(first: 10, status: pending) { edges { node { id } } } }`,
    );
    expect(orders.data?.orders.edges).toEqual([]);
  });

  it("answers not_found for another tenant's book or order, and nothing of it leaks", async () => {
    const foreign = await createBook(other.editorKey, { title: "Secret title" });
    const foreignOrder = await createOrder(other.editorKey, [{ book_id: foreign.id, quantity: 1 }]);
    const body = await gql(
      tenant.adminKey,
      `query($b: ID!, $o: ID!) { book(id: $b) { id title } order(id: $o) { id } }`,
      { b: foreign.id, o: foreignOrder.id },
    );
    expect(body.data).toEqual({ book: null, order: null });
    expect(codesOf(body)).toEqual(["not_found", "not_found"]);
    expect(JSON.stringify(body)).not.toContain("Secret title");
  });

  it("validates list arguments with the REST rules, naming GraphQL's arguments", async () => {
    const body = await gql(tenant.viewerKey, `{ books(first: 0) { edges { cursor } } }`);
    expect(body.data).toEqual({ books: null });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "validation_failed",
      errors: [{ path: "first" }],
    });
  });

  it("refuses a document that does not fit the schema (200, validation_failed), and one that does not parse (400)", async () => {
    const unknown = await gql(tenant.viewerKey, `{ book(id: "x") { price_in_gold } }`);
    expect(codesOf(unknown)).toEqual(["validation_failed"]);
    expect(unknown.data).toBeUndefined();

    const broken = await postGraphQL(tenant.viewerKey, "{ books(first: ");
    expect(broken.status).toBe(400);
    const problem = await readProblem(broken);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors?.[0]?.path).toBe("json.query");
  });

  it("serves GET queries, and refuses mutations over GET", async () => {
    const query = encodeURIComponent("{ tenant { id } }");
    const response = await call(`/v2/graphql?query=${query}`, {
      headers: bearer(tenant.viewerKey),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown }).data).toEqual({
      tenant: { id: tenant.id },
    });
    const mutation = encodeURIComponent('mutation { cancelOrder(id: "x") { id } }');
    const refused = await call(`/v2/graphql?query=${mutation}`, {
      headers: bearer(tenant.editorKey),
    });
    expect(refused.status).toBe(200);
    const body = (await refused.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(["validation_failed"]);
  });

  it("turns introspection on in test (the default outside staging and production)", async () => {
    const body = await gql<{ __schema: { queryType: { name: string } } }>(
      tenant.viewerKey,
      "{ __schema { queryType { name } } }",
    );
    expect(body.data?.__schema.queryType.name).toBe("Query");
    const off = await call(
      "/v2/graphql",
      {
        method: "POST",
        headers: { ...bearer(tenant.viewerKey), "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __schema { queryType { name } } }" }),
      },
      { GRAPHQL_INTROSPECTION: "false" },
    );
    const refused = (await off.json()) as {
      data?: unknown;
      errors: Array<{ extensions: { code: string } }>;
    };
    expect(refused.data).toBeUndefined();
    expect(new Set(refused.errors.map((e) => e.extensions.code))).toEqual(
      new Set(["validation_failed"]),
    );
  });
});

describe("GraphQL mutations", () => {
  let tenant: TestTenant;

  beforeAll(async () => {
    tenant = await createTestTenant();
  });

  const CREATE_BOOK = `mutation($input: CreateBookInput!) { createBook(input: $input) { ${BOOK_FIELDS} } }`;

  it("creates and updates a book, and orders, confirms, ships and cancels through the verbs", async () => {
    const created = await gql<{ createBook: { id: string; stock: number; status: string } }>(
      tenant.editorKey,
      CREATE_BOOK,
      { input: { ...bookBody({ stock: 10 }) } },
    );
    expect(created.errors).toBeUndefined();
    const book = created.data?.createBook;
    expect(book).toMatchObject({ stock: 10, status: "active" });
    const id = book?.id as string;

    const updated = await gql<{ updateBook: { title: string; version: number } }>(
      tenant.editorKey,
      `mutation($id: ID!) { updateBook(id: $id, input: { title: "Renamed" }) { title version } }`,
      { id },
    );
    expect(updated.data?.updateBook).toEqual({ title: "Renamed", version: 2 });

    const order = async () => {
      const body = await gql<{ createOrder: { id: string; status: string } }>(
        tenant.editorKey,
        `mutation($input: CreateOrderInput!) { createOrder(input: $input) { id status lines { book { id } } } }`,
        { input: { lines: [{ bookId: id, quantity: 3 }] } },
      );
      expect(body.errors).toBeUndefined();
      return body.data?.createOrder as { id: string; status: string };
    };
    const shipped = await order();
    expect(shipped.status).toBe("pending");
    expect(await stockOf(id)).toBe(7);
    const step = async (verb: string, orderId: string) =>
      gql<Record<string, { status: string }>>(
        tenant.editorKey,
        `mutation($id: ID!) { ${verb}(id: $id) { status } }`,
        { id: orderId },
      );
    expect((await step("confirmOrder", shipped.id)).data).toEqual({
      confirmOrder: { status: "confirmed" },
    });
    expect((await step("shipOrder", shipped.id)).data).toEqual({
      shipOrder: { status: "shipped" },
    });
    const again = await step("cancelOrder", shipped.id);
    expect(again.data).toEqual({ cancelOrder: null });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: "invalid_state_transition",
      order_status: "shipped",
    });

    const cancelled = await order();
    expect((await step("cancelOrder", cancelled.id)).data).toEqual({
      cancelOrder: { status: "cancelled" },
    });
    expect(await stockOf(id)).toBe(7);
  });

  it("validates input with the REST schemas: every failing field, named as in GraphQL", async () => {
    const body = await gql(tenant.editorKey, CREATE_BOOK, {
      input: { ...bookBody(), isbn: "978-0-000-00000-1", price: { amount: -1, currency: "EUR" } },
    });
    expect(body.data).toEqual({ createBook: null });
    expect(body.errors?.[0]?.extensions.code).toBe("validation_failed");
    const fields = (body.errors?.[0]?.extensions.errors ?? []) as Array<{ path: string }>;
    const paths = fields.map((e) => e.path);
    expect(paths.sort()).toEqual(["input.isbn", "input.price.amount"]);

    const lines = await gql(
      tenant.editorKey,
      `mutation { createOrder(input: { lines: [{ bookId: "book_00000000000000000000000000", quantity: 1 }] }) { id } }`,
    );
    expect(lines.errors?.[0]?.extensions).toMatchObject({
      code: "validation_failed",
      errors: [{ path: "input.lines.0.bookId", message: "no such book" }],
    });
  });

  it("answers insufficient_stock with the short lines, as REST's problem does", async () => {
    const book = await createBook(tenant.editorKey, { stock: 1 });
    const body = await gql(
      tenant.editorKey,
      `mutation($id: ID!) { createOrder(input: { lines: [{ bookId: $id, quantity: 5 }] }) { id } }`,
      { id: book.id },
    );
    expect(body.errors?.[0]?.extensions).toEqual({
      code: "insufficient_stock",
      lines: [{ book_id: book.id, requested: 5, available: 1 }],
    });
    expect(await stockOf(book.id)).toBe(1);
  });

  it("refuses every mutation to a viewer (forbidden), and writes nothing", async () => {
    const book = await createBook(tenant.editorKey);
    const order = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }]);
    const attempts = [
      [CREATE_BOOK, { input: bookBody() }],
      [`mutation($id: ID!) { updateBook(id: $id, input: { title: "x" }) { id } }`, { id: book.id }],
      [
        `mutation($id: ID!) { createOrder(input: { lines: [{ bookId: $id, quantity: 1 }] }) { id } }`,
        { id: book.id },
      ],
      [`mutation($id: ID!) { cancelOrder(id: $id) { id } }`, { id: order.id }],
      [`mutation($id: ID!) { confirmOrder(id: $id) { id } }`, { id: order.id }],
      [`mutation($id: ID!) { shipOrder(id: $id) { id } }`, { id: order.id }],
    ] as const;
    for (const [query, variables] of attempts) {
      const body = await gql(tenant.viewerKey, query, variables);
      expect(codesOf(body), query).toEqual(["forbidden"]);
    }
    const after = await gql<{
      book: { title: string; version: number };
      order: { status: string };
    }>(
      tenant.viewerKey,
      `query($b: ID!, $o: ID!) { book(id: $b) { title version } order(id: $o) { status } }`,
      { b: book.id, o: order.id },
    );
    expect(after.data).toEqual({
      book: { title: book.title, version: book.version + 1 },
      order: { status: "pending" },
    });
  });

  it("replays a keyed createOrder: one order, the same answer, and a keyed document holds one mutation", async () => {
    const book = await createBook(tenant.editorKey, { stock: 10 });
    const query = `mutation($id: ID!) { createOrder(input: { lines: [{ bookId: $id, quantity: 2 }] }) { id status } }`;
    const headers = { "idempotency-key": `gql-${isbn()}` };
    const first = await postGraphQL(tenant.editorKey, query, { id: book.id }, headers);
    expect(first.status).toBe(200);
    const firstBody = await first.text();
    const second = await postGraphQL(tenant.editorKey, query, { id: book.id }, headers);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.text()).toBe(firstBody);
    expect(await stockOf(book.id)).toBe(8);

    // Another document with the same key is the key's reuse, as in REST.
    const reused = await postGraphQL(tenant.editorKey, `${query} `, { id: book.id }, headers);
    expect(reused.status).toBe(422);

    const two = await postGraphQL(
      tenant.editorKey,
      `mutation($id: ID!) { a: cancelOrder(id: $id) { id } b: confirmOrder(id: $id) { id } }`,
      { id: "ord_00000000000000000000000000" },
      { "idempotency-key": `gql-${isbn()}` },
    );
    expect(codesOf((await two.json()) as never)).toEqual(["validation_failed"]);
  });

  it("does not store a keyed refusal: after insufficient_stock the same key may still succeed", async () => {
    const book = await createBook(tenant.editorKey, { stock: 1 });
    const query = `mutation($id: ID!) { createOrder(input: { lines: [{ bookId: $id, quantity: 2 }] }) { id } }`;
    const headers = { "idempotency-key": `gql-${isbn()}` };
    const short = await gql(tenant.editorKey, query, { id: book.id }, headers);
    expect(codesOf(short)).toEqual(["insufficient_stock"]);
    await call(`/v2/books/${book.id}`, {
      method: "PATCH",
      headers: { ...bearer(tenant.editorKey), "content-type": "application/json" },
      body: JSON.stringify({ stock: 5 }),
    });
    const retried = await postGraphQL(tenant.editorKey, query, { id: book.id }, headers);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
    const body = (await retried.json()) as { data: { createOrder: { id: string } | null } };
    expect(body.data.createOrder?.id).toMatch(/^ord_/);
    expect(await stockOf(book.id)).toBe(3);
  });
});

describe("GraphQL limits, before execution", () => {
  let tenant: TestTenant;

  beforeAll(async () => {
    tenant = await createTestTenant();
  });

  it("runs the deepest document the schema allows (7 levels, through a fragment)", async () => {
    const deepest = `
      fragment B on Book { id price { amount } }
      query { orders(first: 1) { edges { node { lines { book { ...B } } } } } }`;
    const body = await gql(tenant.viewerKey, deepest);
    expect(body.errors).toBeUndefined();
  });

  it("refuses a document deeper than 10 (measured on a schema that nests)", () => {
    // Today's schema cannot nest past 7 levels (no type leads back to another), so the depth
    // limit is shown on a schema whose type refers to itself, as locations may make ours.
    const nesting = buildSchema("type Node { id: ID! child: Node } type Query { node: Node }");
    const depth = (levels: number) => {
      const document = parse(
        `{ ${"node { ".repeat(1)}${"child { ".repeat(levels - 2)}id${" }".repeat(levels - 1)} }`,
      );
      const operation = document.definitions[0] as OperationDefinitionNode;
      return measure(nesting, operation, new Map(), {});
    };
    expect(depth(10)).toMatchObject({ depth: 10 });
    expect(tooComplex(depth(10))).toBeUndefined();
    expect(depth(11)).toMatchObject({ depth: 11 });
    expect(tooComplex(depth(11))?.extensions).toMatchObject({
      code: "query_too_complex",
      depth: 11,
      max_depth: 10,
    });
  });

  it("refuses a query costing more than 1,000, saying the cost, and runs nothing", async () => {
    const costly = `{ orders(first: 100) { edges { node { id status lines { quantity book { id title stock } } } } } }`;
    const body = await gql(tenant.viewerKey, costly);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "query_too_complex",
      max_cost: 1000,
    });
    expect(body.extensions?.cost.requested).toBeGreaterThan(1000);
    const fits = await gql(
      tenant.viewerKey,
      `{ orders(first: 50) { edges { node { id lines { quantity book { id title } } } } } }`,
    );
    expect(fits.errors).toBeUndefined();
    expect(fits.extensions?.cost.requested).toBeLessThanOrEqual(1000);
  });

  it("counts `first` from variables, and bounds aliases", async () => {
    const body = await gql(
      tenant.viewerKey,
      `query($n: Int) { books(first: $n) { edges { node { id title isbn stock authors version status price { amount currency } } } } }`,
      { n: 100 },
    );
    expect(codesOf(body)).toEqual(["query_too_complex"]);
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: tenant { id }`).join(" ");
    expect(codesOf(await gql(tenant.viewerKey, `{ ${aliases} }`))).toEqual(["query_too_complex"]);
  });
});
