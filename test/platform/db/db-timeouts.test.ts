import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  isDatabaseUnavailable,
  openDatabase,
  rowsOf,
  withSystem,
  withTenant,
} from "../../../src/platform/db";
import { createBook } from "../../features/books/fixtures";
import { insertTenant, ownerSql, withOwnerSql } from "../../helpers/db";
import { callJson, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";

const EXPECTED = { statement: "10s", lock: "5s", idle: "15s" };

const settingsSql = sql`select current_setting('statement_timeout') as statement,
  current_setting('lock_timeout') as lock,
  current_setting('idle_in_transaction_session_timeout') as idle`;

/** PGlite (the embedded server) runs one backend for every connection and has no timer signals. */
const isPglite = () =>
  withOwnerSql(async (owner) => {
    const [row] = await owner<{ pglite: boolean }[]>`select version() like '%PGlite%' as pglite`;
    return row?.pglite === true;
  });

describe("database timeouts", () => {
  it("are set in every tenant and system transaction", async () => {
    const tenantId = await withOwnerSql((owner) => insertTenant(owner));
    const handle = openDatabase(env.HYPERDRIVE.connectionString);
    try {
      const tenant = await withTenant(handle, tenantId, (scope) => scope.tx.execute(settingsSql));
      const system = await withSystem(handle, (tx) => tx.execute(settingsSql));
      expect(rowsOf(tenant)[0]).toEqual(EXPECTED);
      expect(rowsOf(system)[0]).toEqual(EXPECTED);
    } finally {
      await handle.close();
    }
  });

  it("are set on the runtime roles by the migration", async () => {
    const settings = await withOwnerSql(
      (owner) => owner<{ role: string; config: string }[]>`
        select setrole::regrole::text as role, array_to_string(setconfig, ',') as config
        from pg_db_role_setting
        where setdatabase = (select oid from pg_database where datname = current_database())
          and setrole::regrole::text in ('shelfwise_app', 'shelfwise_system') order by 1`,
    );
    const expected = [
      `statement_timeout=${EXPECTED.statement}`,
      `lock_timeout=${EXPECTED.lock}`,
      `idle_in_transaction_session_timeout=${EXPECTED.idle}`,
    ];
    expect(settings.map((s) => s.role)).toEqual(["shelfwise_app", "shelfwise_system"]);
    for (const { config } of settings) {
      expect(config.split(",")).toEqual(expect.arrayContaining(expected));
    }
  });

  it("cancel a statement that runs past statement_timeout (57014), a 503", async (ctx) => {
    if (await isPglite()) ctx.skip("PGlite has no statement timer: run with DATABASE_URL");
    const tenantId = await withOwnerSql((owner) => insertTenant(owner));
    const handle = openDatabase(env.HYPERDRIVE.connectionString);
    const started = Date.now();
    try {
      const error = await withTenant(handle, tenantId, (scope) =>
        scope.tx.execute(sql`select pg_sleep(30)`),
      ).catch((e: unknown) => e);
      const elapsed = Date.now() - started;
      expect((error as { cause?: { code?: string } }).cause?.code).toBe("57014");
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(elapsed).toBeGreaterThanOrEqual(9_500);
      expect(elapsed).toBeLessThan(15_000);
    } finally {
      await handle.close();
    }
  }, 25_000);

  it("answer 503 with Retry-After when a row stays locked past lock_timeout, without hanging", async (ctx) => {
    // PGlite runs one transaction at a time across connections: the held lock would block the
    // request's every statement, not just its lock wait.
    if (await isPglite()) ctx.skip("needs a real PostgreSQL (concurrent transactions)");
    const tenant = await createTestTenant();
    const book = await createBook(tenant.editorKey);
    const owner = ownerSql();
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holder = owner.begin(async (tx) => {
      await tx`select 1 from books where id = ${book.id} for update`;
      locked();
      await released;
    });
    try {
      await isLocked;
      const started = Date.now();
      const response = await callJson(
        `/v2/books/${book.id}`,
        "PATCH",
        { title: "Renamed" },
        bearer(tenant.editorKey),
      );
      const elapsed = Date.now() - started;
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("2");
      expect((await readProblem(response)).code).toBe("service_unavailable");
      expect(elapsed).toBeGreaterThanOrEqual(4_500);
      expect(elapsed).toBeLessThan(9_000);
    } finally {
      release();
      await holder;
      await owner.end();
    }
    const [row] = await withOwnerSql(
      (o) => o<{ title: string }[]>`select title from books where id = ${book.id}`,
    );
    expect(row?.title).toBe(book.title);
  }, 25_000);
});
