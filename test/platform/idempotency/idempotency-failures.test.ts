import {
  createExecutionContext,
  env,
  runInDurableObject,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../../src/index";
import type { IdempotencyStore } from "../../../src/platform/idempotency/durable-object";
import { withOwnerSql } from "../../helpers/db";
import { callJson, readProblem } from "../../helpers/http";
import { createTestTenant } from "../../helpers/tenant";
import { idem, keysNamed, store } from "./idempotency-fixtures";

/**
 * Makes the database refuse `event` on `table` for one tenant only (other suites share the
 * database), runs `work`, then removes the trigger: a real failure in the middle of a request.
 */
async function withInjectedFailure<T>(
  table: "audit_log" | "idempotency_records",
  event: "INSERT" | "UPDATE",
  tenantId: string,
  work: () => Promise<T>,
): Promise<T> {
  const name = `test_fail_${crypto.randomUUID().replaceAll("-", "")}`;
  await withOwnerSql(async (sql) => {
    await sql.unsafe(`create function ${name}() returns trigger language plpgsql as $$
      begin
        if new.tenant_id = '${tenantId}' then raise exception 'injected failure'; end if;
        return new;
      end $$`);
    await sql.unsafe(
      `create trigger ${name} before ${event} on ${table} for each row execute function ${name}()`,
    );
  });
  try {
    return await work();
  } finally {
    await withOwnerSql(async (sql) => {
      await sql.unsafe(`drop trigger ${name} on ${table}`);
      await sql.unsafe(`drop function ${name}()`);
    });
  }
}

describe("idempotency under failure", () => {
  it("does not store a 5xx: the effect rolls back and a retry with the key succeeds", async () => {
    const t = await createTestTenant();
    const body = { name: "after a 500", role: "viewer" };
    // The handler inserts the key, then its audit row fails: 500, the whole request rolls back.
    const failed = await withInjectedFailure("audit_log", "INSERT", t.id, () =>
      callJson("/v2/api-keys", "POST", body, idem("retry-me", t.adminKey)),
    );
    expect(failed.status).toBe(500);
    expect((await readProblem(failed)).code).toBe("internal");
    expect(await keysNamed(t.id, body.name)).toBe(0);

    const retry = await callJson("/v2/api-keys", "POST", body, idem("retry-me", t.adminKey));
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    expect(await keysNamed(t.id, body.name)).toBe(1);
  });

  it("rolls back a mutation whose idempotency record cannot be stored (one commit for both)", async () => {
    const t = await createTestTenant();
    const body = { name: "record fails", role: "viewer" };
    // The handler's own transaction work succeeded; storing the response fails afterwards.
    const failed = await withInjectedFailure("idempotency_records", "UPDATE", t.id, () =>
      callJson("/v2/api-keys", "POST", body, idem("late-failure", t.adminKey)),
    );
    expect(failed.status).toBe(500);
    expect(await keysNamed(t.id, body.name)).toBe(0);
    const audit = await withOwnerSql(
      (sql) =>
        sql`select count(*)::int as n from audit_log
            where tenant_id = ${t.id} and action = 'api_key.created'`,
    );
    expect(audit[0]?.n).toBe(2); // the editor and viewer keys of the harness only

    const retry = await callJson("/v2/api-keys", "POST", body, idem("late-failure", t.adminKey));
    expect(retry.status).toBe(201);
    expect(await keysNamed(t.id, body.name)).toBe(1);
  });

  it("keeps exactly-once through Postgres alone when the object fails", async () => {
    const t = await createTestTenant();
    await runInDurableObject(store(t.id), (_i: IdempotencyStore, state) => {
      state.storage.sql.exec("DROP TABLE credential_entries");
    });
    const body = { name: "no object", role: "viewer" };
    const first = await callJson("/v2/api-keys", "POST", body, idem("pg-only", t.adminKey));
    expect(first.status).toBe(201);
    const created = await first.json();
    const again = await callJson("/v2/api-keys", "POST", body, idem("pg-only", t.adminKey));
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(created);
    const other = await callJson(
      "/v2/api-keys",
      "POST",
      { ...body, role: "admin" },
      idem("pg-only", t.adminKey),
    );
    expect((await readProblem(other)).code).toBe("idempotency_key_reused");
    expect(await keysNamed(t.id, body.name)).toBe(1);
  });

  it("makes a concurrent duplicate wait on the record and replay it when the object lost the lock", async () => {
    const t = await createTestTenant();
    await runInDurableObject(store(t.id), (_i: IdempotencyStore, state) => {
      state.storage.sql.exec("DROP TABLE credential_entries");
    });
    // Without the object, 20 duplicates race in Postgres: one claims, the rest wait and replay.
    const body = { name: "raced in postgres", role: "viewer" };
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        callJson("/v2/api-keys", "POST", body, idem("race", t.adminKey)),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === null)).toHaveLength(1);
    expect(new Set(await Promise.all(responses.map((r) => r.text()))).size).toBe(1);
    expect(await keysNamed(t.id, body.name)).toBe(1);
  });

  it("deletes expired records in the hourly cleanup job", async () => {
    const t = await createTestTenant();
    await withOwnerSql(
      (sql) =>
        sql`insert into idempotency_records
            (tenant_id, credential_id, key, fingerprint, response_status, response_body,
             response_headers, expires_at)
          values
            (${t.id}, ${t.adminKeyId}, 'old', 'f', 201, '', '{}', now() - interval '1 minute'),
            (${t.id}, ${t.adminKeyId}, 'fresh', 'f', 201, '', '{}', now() + interval '1 hour')`,
    );
    const ctx = createExecutionContext();
    // Other hourly jobs may fail in a test database; this job's effect is what is checked.
    await worker
      .scheduled(
        { cron: "0 * * * *", scheduledTime: Date.now(), noRetry() {} } as ScheduledController,
        env,
        ctx,
      )
      .catch(() => {});
    await waitOnExecutionContext(ctx);
    const left = await withOwnerSql(
      (sql) => sql`select key from idempotency_records where tenant_id = ${t.id} order by key`,
    );
    expect(left.map((r) => r.key)).toEqual(["fresh"]);
  });
});
