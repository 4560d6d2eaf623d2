/**
 * Automatic persisted queries (Apollo's convention): a hash alone runs a document registered
 * before by the same tenant, or answers PersistedQueryNotFound; a hash sent with its document
 * registers it; a hash that does not match is refused.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  lookupPersisted,
  MAX_CHARACTERS_PER_TENANT,
  MAX_DOCUMENTS_PER_TENANT,
  persistedCount,
  registerPersisted,
  sha256Hex,
} from "../../../src/features/graphql/persisted";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, type TestTenant } from "../../helpers/tenant";
import { createBook, isbn } from "../books/fixtures";
import type { GraphQLBody } from "./fixtures";

const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

function post(key: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return call("/v2/graphql", {
    method: "POST",
    headers: { ...bearer(key), "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

function get(key: string, params: Record<string, unknown>) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    search.set(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  return call(`/v2/graphql?${search}`, { headers: bearer(key) });
}

const bodyOf = async (response: Response) => {
  expect(response.status).toBe(200);
  return (await response.json()) as GraphQLBody;
};

describe("GraphQL persisted queries", () => {
  let tenant: TestTenant;
  let other: TestTenant;

  beforeAll(async () => {
    [tenant, other] = await Promise.all([createTestTenant(), createTestTenant()]);
  });

  it("answers an unknown hash PersistedQueryNotFound, registers it with its document, then runs it by hash (POST and GET)", async () => {
    const book = await createBook(tenant.editorKey, { title: "Persisted" });
    const query = `query Book($id: ID!) { book(id: $id) { id title } } # ${crypto.randomUUID()}`;
    const hash = await sha256Hex(query);

    const miss = await bodyOf(
      await post(tenant.viewerKey, { variables: { id: book.id }, extensions: persisted(hash) }),
    );
    expect(miss.data).toBeUndefined();
    expect(miss.errors).toEqual([
      {
        message: "PersistedQueryNotFound",
        extensions: { code: "precondition_failed", persisted_query: "PERSISTED_QUERY_NOT_FOUND" },
      },
    ]);
    const getMiss = await bodyOf(await get(tenant.viewerKey, { extensions: persisted(hash) }));
    expect(getMiss.errors?.[0]?.message).toBe("PersistedQueryNotFound");

    const registered = await bodyOf(
      await post(tenant.viewerKey, {
        query,
        variables: { id: book.id },
        extensions: persisted(hash),
      }),
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data).toEqual({ book: { id: book.id, title: "Persisted" } });

    const byHash = await bodyOf(
      await post(tenant.viewerKey, { variables: { id: book.id }, extensions: persisted(hash) }),
    );
    expect(byHash.data).toEqual({ book: { id: book.id, title: "Persisted" } });
    expect(byHash.extensions?.cost).toMatchObject({ requested: 3, charged: 1 });

    const byGet = await bodyOf(
      await get(tenant.viewerKey, {
        variables: { id: book.id },
        operationName: "Book",
        extensions: persisted(hash),
      }),
    );
    expect(byGet.data).toEqual({ book: { id: book.id, title: "Persisted" } });

    // Another tenant does not find it: registrations are per tenant.
    const foreign = await bodyOf(
      await post(other.viewerKey, { variables: { id: book.id }, extensions: persisted(hash) }),
    );
    expect(foreign.errors?.[0]?.message).toBe("PersistedQueryNotFound");
    expect(foreign.data).toBeUndefined();
  });

  it("refuses a hash that does not match the document, a bad version or hash, and neither (400)", async () => {
    const query = "{ tenant { id } }";
    const wrong = await sha256Hex(`${query} `);
    const mismatch = await post(tenant.viewerKey, { query, extensions: persisted(wrong) });
    expect(mismatch.status).toBe(400);
    const problem = await readProblem(mismatch);
    expect(problem.code).toBe("validation_failed");
    expect(problem.errors).toEqual([
      {
        path: "json.extensions.persistedQuery.sha256Hash",
        message: "does not match the SHA-256 of query",
      },
    ]);
    // Nothing was registered under the wrong hash.
    const after = await bodyOf(await post(tenant.viewerKey, { extensions: persisted(wrong) }));
    expect(after.errors?.[0]?.message).toBe("PersistedQueryNotFound");

    const refusals: Array<[Response, string]> = [
      [
        await post(tenant.viewerKey, {
          extensions: { persistedQuery: { version: 2, sha256Hash: wrong } },
        }),
        "json.extensions.persistedQuery.version",
      ],
      [
        await post(tenant.viewerKey, { extensions: persisted("ABC") }),
        "json.extensions.persistedQuery.sha256Hash",
      ],
      [await post(tenant.viewerKey, {}), "json.query"],
      [await get(tenant.viewerKey, { extensions: "[1]" }), "query.extensions"],
      [await get(tenant.viewerKey, { extensions: "{not json" }), "query.extensions"],
      [
        await get(tenant.viewerKey, { extensions: persisted(wrong.toUpperCase()) }),
        "query.extensions.persistedQuery.sha256Hash",
      ],
    ];
    for (const [response, path] of refusals) {
      expect(response.status).toBe(400);
      const refusal = await readProblem(response);
      expect(refusal.code).toBe("validation_failed");
      expect(refusal.errors?.[0]?.path).toBe(path);
    }
  });

  it("runs a persisted mutation only with POST, and lets the resend reuse the Idempotency-Key", async () => {
    const mutation = `mutation($input: CreateBookInput!) { createBook(input: $input) { id title } }`;
    const hash = await sha256Hex(mutation);
    const variables = {
      input: {
        isbn: isbn(),
        title: "By hash",
        authors: ["A"],
        price: { amount: 100, currency: "EUR" },
      },
    };
    const headers = { "idempotency-key": crypto.randomUUID() };
    const miss = await bodyOf(
      await post(tenant.editorKey, { variables, extensions: persisted(hash) }, headers),
    );
    expect(miss.errors?.[0]?.message).toBe("PersistedQueryNotFound");
    // The client's resend with the document, under the same key, runs (the miss was not kept).
    const created = await bodyOf(
      await post(
        tenant.editorKey,
        { query: mutation, variables, extensions: persisted(hash) },
        headers,
      ),
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createBook).toMatchObject({ title: "By hash" });

    // GET never runs a mutation, persisted or not.
    const byGet = await bodyOf(
      await get(tenant.editorKey, {
        variables: { ...variables, input: { ...variables.input, isbn: isbn() } },
        extensions: persisted(hash),
      }),
    );
    expect(byGet.data).toBeUndefined();
    expect(byGet.errors?.[0]).toMatchObject({
      message: "Only queries may be sent with GET; send mutations with POST.",
      extensions: { code: "validation_failed" },
    });
  });

  it("keeps at most 200 documents and 400,000 characters per tenant, evicting the least recently used", () => {
    const tenantId = `bounds-${crypto.randomUUID()}`;
    for (let i = 0; i < MAX_DOCUMENTS_PER_TENANT; i++) {
      registerPersisted(tenantId, `hash-${i}`, `{ tenant { id } } # ${i}`);
    }
    expect(lookupPersisted(tenantId, "hash-0")).toBe("{ tenant { id } } # 0");
    registerPersisted(tenantId, "hash-new", "{ tenant { plan } }");
    expect(persistedCount(tenantId)).toBe(MAX_DOCUMENTS_PER_TENANT);
    expect(lookupPersisted(tenantId, "hash-1")).toBeUndefined();
    expect(lookupPersisted(tenantId, "hash-0")).toBeDefined();
    expect(lookupPersisted(tenantId, "hash-new")).toBe("{ tenant { plan } }");
    expect(lookupPersisted(`${tenantId}-other`, "hash-new")).toBeUndefined();

    // 400,000 characters per tenant: twenty documents of the largest size accepted.
    const large = `bounds-${crypto.randomUUID()}`;
    for (let i = 0; i < 25; i++) registerPersisted(large, `hash-${i}`, "x".repeat(20_000));
    expect(persistedCount(large)).toBe(MAX_CHARACTERS_PER_TENANT / 20_000);
    expect(lookupPersisted(large, "hash-4")).toBeUndefined();
    expect(lookupPersisted(large, "hash-5")).toBeDefined();
  });
});
