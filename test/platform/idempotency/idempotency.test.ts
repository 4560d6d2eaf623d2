import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { IdempotencyStore } from "../../../src/platform/idempotency/durable-object";
import { requestFingerprint } from "../../../src/platform/idempotency/key";
import { createBook } from "../../features/books/fixtures";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { idem, keysNamed, store } from "./idempotency-fixtures";

describe("idempotency keys", () => {
  it("replays the stored response with Idempotent-Replayed, and stores no secret in clear", async () => {
    const t = await createTestTenant();
    const body = { name: "replayed key", role: "viewer" };
    const first = await callJson("/v2/api-keys", "POST", body, idem("k-1", t.adminKey));
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const created = (await first.json()) as { id: string; key: string };

    // Same meaning, other key order and spacing: still the same request.
    const again = await callJson(
      "/v2/api-keys",
      "POST",
      '{ "role": "viewer",   "name": "replayed key" }',
      idem("k-1", t.adminKey),
    );
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(again.headers.get("ratelimit")).toMatch(/^"/); // fresh per-request headers still set
    expect(await again.json()).toEqual(created);
    expect(await keysNamed(t.id, body.name)).toBe(1);

    const stored = await withOwnerSql(
      (sql) =>
        sql`select response_status, response_body from idempotency_records
            where tenant_id = ${t.id} and credential_id = ${t.adminKeyId} and key = 'k-1'`,
    );
    expect(stored[0]?.response_status).toBe(201);
    expect(String(stored[0]?.response_body)).not.toContain(created.key);
  });

  it("creates one order, one reservation and one event out of 50 concurrent requests with one key", async () => {
    const t = await createTestTenant();
    const book = await createBook(t.editorKey, { stock: 10 });
    const body = { lines: [{ book_id: book.id, quantity: 2 }] };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        callJson("/v2/orders", "POST", body, idem("order-once", t.editorKey)),
      ),
    );
    const created = responses.filter((r) => r.status === 201);
    const inUse = responses.filter((r) => r.status === 409);
    expect(created.length + inUse.length).toBe(50);
    expect(created.filter((r) => r.headers.get("idempotent-replayed") === null)).toHaveLength(1);
    const bodies = new Set(await Promise.all(created.map((r) => r.text())));
    expect(bodies.size).toBe(1);
    for (const r of inUse) {
      expect(r.headers.get("retry-after")).toBe("1");
      expect((await readProblem(r)).code).toBe("idempotency_key_in_use");
    }
    const counts = await withOwnerSql(async (sql) => {
      const [row] = await sql`select
        (select count(*)::int from orders where tenant_id = ${t.id}) as orders,
        (select stock::int from books where id = ${book.id}) as stock,
        (select count(*)::int from events where tenant_id = ${t.id} and type = 'order.created') as events`;
      return row;
    });
    expect(counts).toEqual({ orders: 1, stock: 8, events: 1 });
  });

  it("creates one API key out of 50 concurrent requests with one key", async () => {
    const t = await createTestTenant();
    const body = { name: "once", role: "viewer" };
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        callJson("/v2/api-keys", "POST", body, idem("key-once", t.adminKey)),
      ),
    );
    expect(responses.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(await keysNamed(t.id, "once")).toBe(1);
  });

  it("answers the stored response from Postgres when the object's state was lost after the commit", async () => {
    const t = await createTestTenant();
    const body = { name: "survives reset", role: "viewer" };
    const first = await callJson("/v2/api-keys", "POST", body, idem("lost", t.adminKey));
    expect(first.status).toBe(201);
    const created = await first.json();
    await runInDurableObject(store(t.id), (_i: IdempotencyStore, state) => {
      state.storage.sql.exec("DELETE FROM credential_entries");
    });

    const retry = await callJson("/v2/api-keys", "POST", body, idem("lost", t.adminKey));
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(created);
    expect(await keysNamed(t.id, body.name)).toBe(1);
    // …and a different body with that key is still refused, from Postgres alone.
    await runInDurableObject(store(t.id), (_i: IdempotencyStore, state) => {
      state.storage.sql.exec("DELETE FROM credential_entries");
    });
    const other = await callJson(
      "/v2/api-keys",
      "POST",
      { ...body, role: "editor" },
      idem("lost", t.adminKey),
    );
    expect((await readProblem(other)).code).toBe("idempotency_key_reused");
  });

  it("refuses a key reused for another body, path or method (422)", async () => {
    const t = await createTestTenant();
    const body = { name: "reuse", role: "viewer" };
    const first = await callJson("/v2/api-keys", "POST", body, idem("reuse", t.adminKey));
    expect(first.status).toBe(201);
    const { id } = (await first.json()) as { id: string };
    const attempts = [
      callJson("/v2/api-keys", "POST", { ...body, name: "other" }, idem("reuse", t.adminKey)),
      callJson("/v2/api-keys?x=1", "POST", body, idem("reuse", t.adminKey)),
      call(`/v2/api-keys/${id}`, { method: "DELETE", headers: idem("reuse", t.adminKey) }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(422);
      expect((await readProblem(response)).code).toBe("idempotency_key_reused");
    }
    expect(await keysNamed(t.id, "other")).toBe(0);
  });

  it("rejects invalid keys with 400 invalid_idempotency_key", async () => {
    const t = await createTestTenant();
    for (const key of ["", "x".repeat(256), "tab\there", "caf\u00e9"]) {
      const res = await callJson(
        "/v2/api-keys",
        "POST",
        { name: "bad key", role: "viewer" },
        idem(key, t.adminKey),
      );
      expect(res.status).toBe(400);
      expect((await readProblem(res)).code).toBe("invalid_idempotency_key");
    }
    const ok = await callJson(
      "/v2/api-keys",
      "POST",
      { name: "long key", role: "viewer" },
      idem("y".repeat(255), t.adminKey),
    );
    expect(ok.status).toBe(201);
    expect(await keysNamed(t.id, "bad key")).toBe(0);
  });

  it("gives an expired key a new effect, and the alarm forgets expired keys", async () => {
    const t = await createTestTenant();
    const body = { name: "expiring", role: "viewer" };
    expect((await callJson("/v2/api-keys", "POST", body, idem("exp", t.adminKey))).status).toBe(
      201,
    );
    // A day later: the object's clock moves and the Postgres record's expiry has passed.
    await runInDurableObject(store(t.id), (instance: IdempotencyStore) => {
      instance.now = () => Date.now() + 24 * 3_600_000 + 1;
    });
    await withOwnerSql(
      (sql) =>
        sql`update idempotency_records set expires_at = now() - interval '1 second'
            where tenant_id = ${t.id} and key = 'exp'`,
    );
    const again = await callJson("/v2/api-keys", "POST", body, idem("exp", t.adminKey));
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBeNull();
    expect(await keysNamed(t.id, body.name)).toBe(2);

    // Two days later nothing is left in the object once its alarm ran.
    await runInDurableObject(store(t.id), (instance: IdempotencyStore) => {
      instance.now = () => Date.now() + 48 * 3_600_000 + 2;
    });
    expect(await runDurableObjectAlarm(store(t.id))).toBe(true);
    const left = await runInDurableObject(store(t.id), async (_i: IdempotencyStore, state) => ({
      entries: state.storage.sql
        .exec<{ n: number }>("SELECT count(*) AS n FROM credential_entries")
        .one().n,
      alarm: await state.storage.getAlarm(),
    }));
    expect(left).toEqual({ entries: 0, alarm: null });
  });

  it("answers 409 with Retry-After while the key is held, and proceeds once the lock expired", async () => {
    const t = await createTestTenant();
    const body = { name: "locked", role: "viewer" };
    const fingerprint = await requestFingerprint({
      method: "POST",
      pathWithQuery: "/v2/api-keys",
      tenantId: t.id,
      credentialId: t.adminKeyId,
      body: { text: JSON.stringify(body) },
    });
    // Another request of this credential holds the key (e.g. still running elsewhere).
    const held = await store(t.id).begin(t.adminKeyId, "held", fingerprint, 60_000);
    expect(held.state).toBe("acquired");
    const busy = await callJson("/v2/api-keys", "POST", body, idem("held", t.adminKey));
    expect(busy.status).toBe(409);
    expect(busy.headers.get("retry-after")).toBe("1");
    expect((await readProblem(busy)).code).toBe("idempotency_key_in_use");

    // Its holder vanished: after the lock's expiry the key is taken over and the request runs.
    await runInDurableObject(store(t.id), (instance: IdempotencyStore) => {
      instance.now = () => Date.now() + 61_000;
    });
    const after = await callJson("/v2/api-keys", "POST", body, idem("held", t.adminKey));
    expect(after.status).toBe(201);
    expect(await keysNamed(t.id, body.name)).toBe(1);
  });

  it("ignores the header on reads and keeps nothing for requests without it", async () => {
    const t = await createTestTenant();
    const read = await call("/v2/api-keys", { headers: idem("read", t.adminKey) });
    expect(read.status).toBe(200);
    expect(read.headers.get("idempotent-replayed")).toBeNull();
    await callJson("/v2/api-keys", "POST", { name: "plain", role: "viewer" }, bearer(t.adminKey));
    const rows = await withOwnerSql(
      (sql) => sql`select count(*)::int as n from idempotency_records where tenant_id = ${t.id}`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it("guards the deprecated /v1 mutations the same way", async () => {
    const t = await createTestTenant();
    const book = await createBook(t.editorKey, { stock: 5 });
    const body = { lines: [{ book_id: book.id, quantity: 1 }] };
    const first = await callJson("/v1/orders", "POST", body, idem("v1-order", t.editorKey));
    expect(first.status).toBe(201);
    const again = await callJson("/v1/orders", "POST", body, idem("v1-order", t.editorKey));
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("deprecation")).toMatch(/^@\d+$/);
    expect(await again.json()).toEqual(await first.json());
    const orders = await withOwnerSql(
      (sql) => sql`select count(*)::int as n from orders where tenant_id = ${t.id}`,
    );
    expect(orders[0]?.n).toBe(1);
  });
});
