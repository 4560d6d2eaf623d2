import { env, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { IdempotencyStore } from "../../src/platform/idempotency/durable-object";
import { createBook } from "../features/books/fixtures";
import { call } from "../helpers/http";
import { bearer, createTestTenant, type TestTenant } from "../helpers/tenant";
import { store } from "./idempotency-helpers";

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

/** Hyperdrive's rule (docs: query caching): a read that calls no volatile or stable function. */
function hyperdriveMayCache(text: string): boolean {
  const statement = text.trim().toLowerCase();
  if (!statement.startsWith("select") && !statement.startsWith("with")) return false;
  if (
    /\b(insert|update|delete)\b/.test(statement) ||
    /\bfor (update|share|no key|key share)\b/.test(statement)
  )
    return false;
  return !/\b(now|clock_timestamp|statement_timestamp|random|nextval|set_config|current_setting)\s*\(/.test(
    statement,
  );
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
    bookId = (await createBook(tenant.adminKey)).id;
  });

  it("recognises a cacheable read (the rule the check applies)", () => {
    expect(hyperdriveMayCache('select "id" from "books" where "tenant_id" = E\'t\'')).toBe(true);
    expect(hyperdriveMayCache('select "id" from "api_keys" where now() is not null')).toBe(false);
    expect(hyperdriveMayCache('insert into "events" ("id") values (E\'x\')')).toBe(false);
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
