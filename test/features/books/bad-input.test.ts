import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { call, callJson } from "../../helpers/http";
import { bearer, createTestTenant, type TestTenant } from "../../helpers/tenant";
import { tenantCounts } from "../orders/fixtures";
import { VERSIONS } from "../v1/versions";
import { createBook, isbn } from "./fixtures";

const RUNS = 50;
const TIMEOUT = 120_000;

/** Hands out keys of a role, minting a new one before the per-credential rate limit is reached. */
function keyRotator(tenant: TestTenant, role: "editor" | "viewer") {
  let key: string | undefined;
  let uses = 0;
  return async () => {
    if (!key || uses >= 90) {
      key = (await tenant.createKey(role)).key;
      uses = 0;
    }
    uses++;
    return key;
  };
}

// Values that are sometimes right and often wrong for each field, including text Postgres cannot store.
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\ud800",
    "9780306406157",
    "978-0-306-40615-7",
    "EUR",
    "12.50",
    "active",
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(2 ** 31, -1, 0, Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ unit: "binary", maxLength: 10 }), { maxLength: 3 }),
  fc.record({ amount: fc.oneof(fc.integer(), fc.double()), currency: fc.string({ maxLength: 4 }) }),
);
const bookLike = fc.dictionary(
  fc.constantFrom(
    "isbn",
    "title",
    "authors",
    "price",
    "currency",
    "stock",
    "status",
    "id",
    "tenant_id",
    "version",
  ),
  nasty,
  { maxKeys: 8 },
);
const body = fc.oneof(
  bookLike.map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ unit: "binary", maxLength: 60 }),
);
const listQuery = fc
  .dictionary(
    fc.constantFrom("limit", "starting_after", "q", "status", "page", "per_page", "junk"),
    fc.oneof(
      fc.string({ unit: "binary", maxLength: 20 }),
      fc.integer({ min: -5, max: 500 }).map(String),
      fc.constantFrom("active", "archived", "book_00000000000000000000000000", "%", "_", "\\"),
    ),
    { maxKeys: 4 },
  )
  .map((params) => new URLSearchParams(params).toString());

/** A response is acceptable if it is not a 5xx and every 4xx is problem+json with a code. */
async function expectClientFacing(response: Response, context: string) {
  expect(response.status, context).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers.get("content-type"), context).toBe("application/problem+json");
    const problem = (await response.json()) as { code?: string; status?: number };
    expect(problem.status, context).toBe(response.status);
    expect(typeof problem.code, context).toBe("string");
  } else {
    await response.arrayBuffer();
  }
}

describe.each(VERSIONS)("bad input through $name (property-based)", (version) => {
  it(
    "create: never a 5xx, 4xx are problem+json, and a rejection writes nothing",
    async () => {
      const tenant = await createTestTenant({ plan: "enterprise" });
      const nextKey = keyRotator(tenant, "editor");
      await fc.assert(
        fc.asyncProperty(body, async (raw) => {
          const key = await nextKey();
          const before = await tenantCounts(tenant.id);
          const response = await callJson(`${version.prefix}/books`, "POST", raw, bearer(key));
          await expectClientFacing(response, raw);
          if (response.status >= 400) expect(await tenantCounts(tenant.id)).toEqual(before);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "patch: never a 5xx, 4xx are problem+json, and a rejection changes nothing",
    async () => {
      const tenant = await createTestTenant({ plan: "enterprise" });
      const target = await createBook(tenant.editorKey, { isbn: isbn() });
      const nextKey = keyRotator(tenant, "editor");
      await fc.assert(
        fc.asyncProperty(body, async (raw) => {
          const key = await nextKey();
          const before = await tenantCounts(tenant.id);
          const response = await callJson(
            `${version.prefix}/books/${target.id}`,
            "PATCH",
            raw,
            bearer(key),
          );
          await expectClientFacing(response, raw);
          if (response.status >= 400) expect(await tenantCounts(tenant.id)).toEqual(before);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "list queries: 200 or a 400 problem, never a 5xx",
    async () => {
      const tenant = await createTestTenant({ plan: "enterprise" });
      await createBook(tenant.editorKey);
      const nextKey = keyRotator(tenant, "viewer");
      await fc.assert(
        fc.asyncProperty(listQuery, fc.constantFrom("books", "orders"), async (query, resource) => {
          const response = await call(`${version.prefix}/${resource}?${query}`, {
            headers: bearer(await nextKey()),
          });
          await expectClientFacing(response, query);
          expect([200, 400], query).toContain(response.status);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    "order create: never a 5xx, and a rejection reserves nothing",
    async () => {
      const tenant = await createTestTenant({ plan: "enterprise" });
      const book = await createBook(tenant.editorKey, { stock: 5 });
      const nextKey = keyRotator(tenant, "editor");
      const line = fc.dictionary(
        fc.constantFrom("book_id", "quantity", "price"),
        fc.oneof(nasty, fc.constant(book.id), fc.integer({ min: -1, max: 10 })),
        { maxKeys: 3 },
      );
      const orderBody = fc.oneof(
        fc.record({ lines: fc.array(line, { maxLength: 4 }) }).map((v) => JSON.stringify(v)),
        body,
      );
      await fc.assert(
        fc.asyncProperty(orderBody, async (raw) => {
          const key = await nextKey();
          const before = await tenantCounts(tenant.id);
          const response = await callJson(`${version.prefix}/orders`, "POST", raw, bearer(key));
          await expectClientFacing(response, raw);
          if (response.status >= 400) expect(await tenantCounts(tenant.id)).toEqual(before);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
