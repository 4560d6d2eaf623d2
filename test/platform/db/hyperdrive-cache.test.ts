import { env, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { IdempotencyStore } from "../../../src/platform/idempotency/durable-object";
import { createBook } from "../../features/books/fixtures";
import { call } from "../../helpers/http";
import { bearer, createTestTenant, type TestTenant } from "../../helpers/tenant";
import { store } from "../idempotency/idempotency-fixtures";

/**
 * Reads the contract needs current (a revoked key refused, a suspended tenant stopped, an
 * idempotency key honoured within seconds) must never be answered from Hyperdrive's query cache,
 * which may serve a copy up to a minute old. Hyperdrive never caches a statement that calls a
 * volatile or stable function; these reads carry `now()` (db/fresh.ts). The test sends requests
 * through the counting proxy (test/flight-counter.ts), which records every statement's text, and
 * checks each read of those tables as Hyperdrive would decide it.
 */
const counterUrl = inject("flightCounterUrl");
const counted = { HYPERDRIVE: env.HYPERDRIVE_COUNTED };

/**
 * Hyperdrive's rule (docs: query caching): a read that calls no volatile or stable function. A
 * locking read (`FOR UPDATE`) is counted as a read: nothing documents that Hyperdrive tells it
 * apart, and a stale copy of a row about to be changed would lose an update.
 */
function hyperdriveMayCache(text: string): boolean {
  const statement = text
    .trim()
    .toLowerCase()
    .replace(/\bfor (update|share|no key update|key share)\b/g, "");
  if (!statement.startsWith("select") && !statement.startsWith("with")) return false;
  if (/\b(insert|update|delete)\b/.test(statement)) return false;
  const calls =
    /\b(now|clock_timestamp|statement_timestamp|random|nextval|set_config|current_setting)\s*\(/;
  return !calls.test(statement);
}

/** The statements the Worker sent to the database while `work` ran. */
async function statementsOf(work: () => Promise<void>): Promise<string[]> {
  const before = ((await (await fetch(counterUrl)).json()) as { statements: number }).statements;
  await work();
  return (await (await fetch(`${counterUrl}statements?from=${before}`)).json()) as string[];
}

const readsOf = (statements: string[], table: string) =>
  statements.filter((s) => s.trim().toLowerCase().startsWith("select") && s.includes(`"${table}"`));

describe("reads that must be current never come from Hyperdrive's query cache", () => {
  let tenant: TestTenant;
  let bookId: string;

  beforeAll(async () => {
    tenant = await createTestTenant();
    bookId = (await createBook(tenant.adminKey, { stock: 100 })).id;
  });

  it("recognises a cacheable read (the rule the check applies)", () => {
    expect(hyperdriveMayCache('select "id" from "books" where "tenant_id" = E\'t\'')).toBe(true);
    expect(hyperdriveMayCache('select "id" from "api_keys" where now() is not null')).toBe(false);
    expect(hyperdriveMayCache('insert into "events" ("id") values (E\'x\')')).toBe(false);
    expect(hyperdriveMayCache('select "id" from "books" where "id" = E\'b\' for update')).toBe(
      true,
    );
  });

  it("looks a credential and its tenant's status up at the database", async () => {
    const fresh = await tenant.createKey("viewer", "cache-check");
    const statements = await statementsOf(async () => {
      const response = await call(`/v2/books/${bookId}`, { headers: bearer(fresh.key) }, counted);
      expect(response.status).toBe(200);
    });
    const lookups = readsOf(statements, "api_keys");
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toContain('"tenants"."status"');
    for (const lookup of lookups) expect(hyperdriveMayCache(lookup)).toBe(false);
  });

  it("takes every row lock of a change at the database", async () => {
    const statements = await statementsOf(async () => {
      const patched = await call(
        `/v2/books/${bookId}`,
        {
          method: "PATCH",
          headers: { ...bearer(tenant.adminKey), "content-type": "application/json" },
          body: JSON.stringify({ title: "Locked, never cached" }),
        },
        counted,
      );
      expect(patched.status).toBe(200);
      const order = await call(
        "/v2/orders",
        {
          method: "POST",
          headers: { ...bearer(tenant.adminKey), "content-type": "application/json" },
          body: JSON.stringify({ lines: [{ book_id: bookId, quantity: 1 }] }),
        },
        counted,
      );
      expect(order.status).toBe(201);
    });
    const locking = statements.filter((s) =>
      /\bfor (update|share|no key update|key share)\b/i.test(s),
    );
    expect(locking.length).toBeGreaterThanOrEqual(3);
    for (const read of locking) expect(hyperdriveMayCache(read)).toBe(false);
  });

  it("reads an idempotency record for a replay at the database", async () => {
    const own = await createTestTenant();
    // Without the object's entries the replay is answered from Postgres alone.
    await runInDurableObject(store(own.id), (_i: IdempotencyStore, state) => {
      state.storage.sql.exec("DROP TABLE credential_entries");
    });
    const init = {
      method: "POST",
      headers: {
        ...bearer(own.adminKey),
        "content-type": "application/json",
        "idempotency-key": "cache-check",
      },
      body: JSON.stringify({ name: "cache check", role: "viewer" }),
    };
    const statements = await statementsOf(async () => {
      expect((await call("/v2/api-keys", init, counted)).status).toBe(201);
      const replay = await call("/v2/api-keys", init, counted);
      expect(replay.status).toBe(201);
      expect(replay.headers.get("idempotent-replayed")).toBe("true");
    });
    const reads = readsOf(statements, "idempotency_records");
    expect(reads).toHaveLength(1);
    for (const read of reads) expect(hyperdriveMayCache(read)).toBe(false);
  });
});
