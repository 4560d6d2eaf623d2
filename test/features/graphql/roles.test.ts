/**
 * Every root field of the GraphQL schema checks the same role as its REST twin: the fields are
 * read from the schema and the twins from the app's route table, so a new field without a twin,
 * or a twin that is no route, fails here. Each field and its twin are then called with each role
 * on resources made for the call (an order to confirm is pending, one to ship is confirmed), and
 * must both be refused (403 forbidden / extensions.code forbidden) or both succeed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../../src/app";
import { schema } from "../../../src/features/graphql/schema";
import { ROLES } from "../../../src/platform/auth/roles";
import type { Role } from "../../../src/platform/context";
import { call } from "../../helpers/http";
import { bearer, createTestTenant, type TestTenant } from "../../helpers/tenant";
import { bookBody, createBook } from "../books/fixtures";
import { createOrder } from "../orders/fixtures";
import { type GraphQLBody, postGraphQL } from "./fixtures";

/** One call of a field and of its twin, on resources of their own. */
interface Call {
  /** The REST request: its concrete URL and JSON body. */
  url: string;
  body?: unknown;
  /** The GraphQL document selecting only this root field, and its variables. */
  query: string;
  variables?: Record<string, unknown>;
}

interface Twin {
  /** The REST route as the app's route table has it. */
  method: string;
  path: string;
  /** Makes what the call needs in the tenant (with its editor key) and says how to call. */
  prepare(tenant: TestTenant): Promise<Call>;
}

const pendingOrder = async (tenant: TestTenant) => {
  const book = await createBook(tenant.editorKey, { stock: 5 });
  return createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }]);
};

const transition = (action: "confirm" | "ship" | "cancel", field: string): Twin => ({
  method: "POST",
  path: `/v2/orders/:id/${action}`,
  async prepare(tenant) {
    const order = await pendingOrder(tenant);
    if (action === "ship") {
      const confirmed = await call(`/v2/orders/${order.id}/confirm`, {
        method: "POST",
        headers: bearer(tenant.editorKey),
      });
      expect(confirmed.status).toBe(200);
    }
    return {
      url: `/v2/orders/${order.id}/${action}`,
      query: `mutation($id: ID!) { ${field}(id: $id) { id status } }`,
      variables: { id: order.id },
    };
  },
});

/** Root field → its REST twin. */
const twins: Record<string, Twin> = {
  book: {
    method: "GET",
    path: "/v2/books/:id",
    async prepare(tenant) {
      const book = await createBook(tenant.editorKey);
      return {
        url: `/v2/books/${book.id}`,
        query: "query($id: ID!) { book(id: $id) { id } }",
        variables: { id: book.id },
      };
    },
  },
  books: {
    method: "GET",
    path: "/v2/books",
    prepare: async () => ({
      url: "/v2/books?limit=5",
      query: "{ books(first: 5) { edges { node { id } } } }",
    }),
  },
  order: {
    method: "GET",
    path: "/v2/orders/:id",
    async prepare(tenant) {
      const order = await pendingOrder(tenant);
      return {
        url: `/v2/orders/${order.id}`,
        query: "query($id: ID!) { order(id: $id) { id } }",
        variables: { id: order.id },
      };
    },
  },
  orders: {
    method: "GET",
    path: "/v2/orders",
    prepare: async () => ({
      url: "/v2/orders?limit=5",
      query: "{ orders(first: 5) { edges { node { id } } } }",
    }),
  },
  tenant: {
    method: "GET",
    path: "/v2/tenant",
    prepare: async () => ({ url: "/v2/tenant", query: "{ tenant { id } }" }),
  },
  createBook: {
    method: "POST",
    path: "/v2/books",
    async prepare() {
      const { isbn, title, authors, price, stock } = bookBody();
      const input = { isbn, title, authors, price, stock };
      return {
        url: "/v2/books",
        body: input,
        query: "mutation($input: CreateBookInput!) { createBook(input: $input) { id } }",
        variables: { input },
      };
    },
  },
  updateBook: {
    method: "PATCH",
    path: "/v2/books/:id",
    async prepare(tenant) {
      const book = await createBook(tenant.editorKey);
      return {
        url: `/v2/books/${book.id}`,
        body: { title: "Renamed" },
        query: 'mutation($id: ID!) { updateBook(id: $id, input: { title: "Renamed" }) { id } }',
        variables: { id: book.id },
      };
    },
  },
  createOrder: {
    method: "POST",
    path: "/v2/orders",
    async prepare(tenant) {
      const book = await createBook(tenant.editorKey, { stock: 5 });
      return {
        url: "/v2/orders",
        body: { lines: [{ book_id: book.id, quantity: 1 }] },
        query: "mutation($input: CreateOrderInput!) { createOrder(input: $input) { id } }",
        variables: { input: { lines: [{ bookId: book.id, quantity: 1 }] } },
      };
    },
  },
  confirmOrder: transition("confirm", "confirmOrder"),
  shipOrder: transition("ship", "shipOrder"),
  cancelOrder: transition("cancel", "cancelOrder"),
};

const rootFields = [
  ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
  ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
];

type Outcome = "allowed" | "forbidden" | `other ${string}`;

async function restOutcome(key: string, twin: Twin, request: Call): Promise<Outcome> {
  const response = await call(request.url, {
    method: twin.method,
    headers: { ...bearer(key), "content-type": "application/json" },
    ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
  });
  if (response.ok) return "allowed";
  const problem = (await response.json()) as { code?: string };
  return problem.code === "forbidden" ? "forbidden" : `other ${response.status} ${problem.code}`;
}

async function graphqlOutcome(key: string, request: Call): Promise<Outcome> {
  const response = await postGraphQL(key, request.query, request.variables);
  if (response.status !== 200) return `other ${response.status}`;
  const body = (await response.json()) as GraphQLBody;
  const codes = (body.errors ?? []).map((e) => e.extensions.code);
  if (codes.length === 0) return "allowed";
  return codes.includes("forbidden") ? "forbidden" : `other ${codes.join(",")}`;
}

const keyOf = (tenant: TestTenant, role: Role) =>
  role === "admin" ? tenant.adminKey : role === "editor" ? tenant.editorKey : tenant.viewerKey;

describe("GraphQL roles against the REST twins", () => {
  let tenant: TestTenant;

  beforeAll(async () => {
    tenant = await createTestTenant();
  });

  it("has a REST twin in the route table for every root field of the schema", () => {
    const routes = new Set(app.routes.map((r) => `${r.method} ${r.path}`));
    expect(rootFields.length).toBeGreaterThan(5);
    for (const field of rootFields) {
      const twin = twins[field];
      expect(twin, `no REST twin for ${field}: add one to this table`).toBeDefined();
      expect(routes.has(`${twin?.method} ${twin?.path}`), `${field}'s twin is no route`).toBe(true);
    }
    expect(Object.keys(twins).sort()).toEqual([...rootFields].sort());
  });

  it.each(rootFields)("%s checks the same role as its REST twin, for every role", async (field) => {
    const twin = twins[field] as Twin;
    const outcomes: Record<string, { rest: Outcome; graphql: Outcome }> = {};
    for (const role of ROLES) {
      const key = keyOf(tenant, role);
      const rest = await restOutcome(key, twin, await twin.prepare(tenant));
      const graphql = await graphqlOutcome(key, await twin.prepare(tenant));
      outcomes[role] = { rest, graphql };
    }
    for (const role of ROLES) {
      expect(outcomes[role]?.graphql, `${field} as ${role}`).toBe(outcomes[role]?.rest);
      expect(["allowed", "forbidden"], `${field} as ${role}`).toContain(outcomes[role]?.rest);
    }
    // Admins may do everything a field does; the twins do refuse someone when they write.
    expect(outcomes.admin?.rest).toBe("allowed");
    if (twin.method !== "GET") expect(outcomes.viewer?.rest).toBe("forbidden");
  });
});
