import { env } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import {
  type DatabaseHandle,
  openDatabase,
  rowsOf,
  withSystem,
  withTenant,
} from "../../../src/platform/db";
import { openNeonDatabase } from "../../../src/platform/db/neon";
import { books } from "../../../src/platform/db/schema";
import { insertTenant, withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { deleteTenantRows, seedTenantRows, type TenantRows } from "../../helpers/tenant-rows";

/** The database itself (not Hyperdrive's local address): the proxy relays to it over TCP. */
const databaseUrl = inject("databaseUrl");

/** Neon's serverless driver, over WebSocket, through the test proxy to the test database. */
function openNeon(): DatabaseHandle {
  if (!env.NEON_WS_PROXY) throw new Error("NEON_WS_PROXY is not bound (vitest.config.ts)");
  return openNeonDatabase(databaseUrl, { wsProxy: env.NEON_WS_PROXY });
}

async function using<T>(handle: DatabaseHandle, work: (h: DatabaseHandle) => Promise<T>) {
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

let tenantA = "";
let tenantB = "";
let rowsA: TenantRows = {};
let rowsB: TenantRows = {};
let tenantTables: string[] = [];

beforeAll(async () => {
  await withOwnerSql(async (owner) => {
    tenantA = await insertTenant(owner, { name: "Neon tenant A" });
    tenantB = await insertTenant(owner, { name: "Neon tenant B" });
    rowsA = await seedTenantRows(owner, tenantA);
    rowsB = await seedTenantRows(owner, tenantB);
    tenantTables = Object.keys(rowsA);
  });
});

afterAll(async () => {
  await withOwnerSql((owner) => deleteTenantRows(owner, [tenantA, tenantB]));
});

describe("the Neon serverless driver", () => {
  it("runs tenant-scoped drizzle queries through withTenant, as shelfwise_app", async () => {
    const result = await using(openNeon(), (neon) =>
      withTenant(neon, tenantA, async (scope) => {
        const scoped = await scope.tx
          .select({ id: books.id, tenantId: books.tenantId })
          .from(books)
          .where(scope.where(books));
        const unfiltered = await scope.tx.select({ tenantId: books.tenantId }).from(books);
        const byIdOfB = await scope.tx
          .select({ id: books.id })
          .from(books)
          .where(eq(books.id, rowsB.books ?? ""));
        const [who] = rowsOf<{ role: string; tenant: string }>(
          await scope.tx.execute(
            sql`select current_user as role, current_setting('app.tenant_id', true) as tenant`,
          ),
        );
        return { scoped, unfiltered, byIdOfB, who };
      }),
    );
    expect(result.scoped.map((b) => b.id)).toContain(rowsA.books);
    expect(new Set(result.scoped.map((b) => b.tenantId))).toEqual(new Set([tenantA]));
    expect(new Set(result.unfiltered.map((b) => b.tenantId))).toEqual(new Set([tenantA]));
    expect(result.byIdOfB).toEqual([]);
    expect(result.who).toEqual({ role: "shelfwise_app", tenant: tenantA });
  });

  it("fails closed in every tenant table when no tenant is set", async () => {
    await using(openNeon(), (neon) =>
      neon.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('role', 'shelfwise_app', true)`);
        for (const table of tenantTables) {
          const [row] = rowsOf<{ n: number }>(
            await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`),
          );
          expect(row?.n, table).toBe(0);
        }
      }),
    );
  });

  it("refuses a row for another tenant, and rolls the whole transaction back", async () => {
    const isbn = `979${Date.now()}`.slice(0, 13);
    await using(openNeon(), async (neon) => {
      const failure: unknown = await withTenant(neon, tenantA, async (scope) => {
        await scope.tx
          .update(books)
          .set({ title: "renamed inside a failed transaction" })
          .where(scope.where(books, eq(books.id, rowsA.books ?? "")));
        await scope.tx.insert(books).values({
          id: `book_neon_intruder_${isbn}`,
          tenantId: tenantB,
          isbn,
          title: "Intruder",
          authors: [],
          priceAmount: 1,
          currency: "EUR",
          stock: 1,
        });
      }).catch((error: unknown) => error);
      // drizzle wraps the driver's error; the cause is the policy's refusal.
      expect(String((failure as Error | undefined)?.cause)).toMatch(/row-level security/);
      // The same handle keeps working after a failed transaction, and nothing of it was kept.
      const [book] = await withSystem(neon, (tx) =>
        tx
          .select({ title: books.title })
          .from(books)
          .where(eq(books.id, rowsA.books ?? "")),
      );
      expect(book?.title).toBe(`Book of ${tenantA}`);
    });
  });

  it("returns the same rows, types and query count as postgres.js through Hyperdrive", async () => {
    const read = (handle: DatabaseHandle) =>
      using(handle, async (h) => {
        const rows = await withTenant(h, tenantA, (scope) =>
          scope.tx
            .select()
            .from(books)
            .where(scope.where(books, eq(books.id, rowsA.books ?? ""))),
        );
        return { rows, queries: h.stats.queries, ms: h.stats.ms };
      });
    const neon = await read(openNeon());
    const hyperdrive = await read(openDatabase(env.HYPERDRIVE.connectionString));
    expect(neon.rows).toHaveLength(1);
    expect(neon.rows).toEqual(hyperdrive.rows);
    expect(neon.rows[0]?.createdAt).toBeInstanceOf(Date);
    expect(neon.rows[0]?.authors).toEqual(["A. Author"]);
    // begin, set_config, select, commit: counted alike, so Server-Timing means the same.
    expect(neon.queries).toBe(hyperdrive.queries);
    expect(neon.ms).toBeGreaterThan(0);
  });
});

describe("the Neon handle under connection loss", () => {
  it("survives an idle connection being dropped by the server, and reconnects", async (ctx) => {
    const pglite = await withOwnerSql(
      async (owner) =>
        (await owner<{ pglite: boolean }[]>`select version() like '%PGlite%' as pglite`)[0]?.pglite,
    );
    // PGlite serves every connection from one backend: there is no connection to terminate.
    if (pglite) ctx.skip("needs a real PostgreSQL: run with DATABASE_URL");
    // Behind a pooler (PgBouncer in CI) the client is connected to the pooler, which keeps that
    // connection when the server's backend ends: there is no client connection to lose.
    const serverPort = await withOwnerSql(
      async (owner) =>
        (await owner<{ port: number }[]>`select inet_server_port() as port`)[0]?.port,
    );
    if (String(serverPort) !== (new URL(databaseUrl).port || "5432")) {
      ctx.skip("the database is reached through a pooler: no client connection to drop");
    }
    const warned = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await using(openNeon(), async (neon) => {
        const [before] = rowsOf<{ pid: number }>(
          await neon.db.execute(sql`select pg_backend_pid() as pid`),
        );
        await withOwnerSql((owner) => owner`select pg_terminate_backend(${before?.pid ?? 0})`);
        await vi.waitFor(() =>
          expect(warned.mock.calls.join("\n")).toContain("idle Neon connection lost"),
        );
        const [after] = rowsOf<{ pid: number }>(
          await neon.db.execute(sql`select pg_backend_pid() as pid`),
        );
        expect(after?.pid).toBeGreaterThan(0);
        expect(after?.pid).not.toBe(before?.pid);
      });
    } finally {
      warned.mockRestore();
    }
  });
});

describe("choosing the driver per request", () => {
  it("uses Neon when NEON_DATABASE_URL is set, even with Hyperdrive unreachable", async () => {
    const response = await call(
      "/health/ready",
      {},
      { NEON_DATABASE_URL: databaseUrl, HYPERDRIVE: env.HYPERDRIVE_UNREACHABLE },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { checks: { postgres: { status: string } } };
    expect(body.checks.postgres.status).toBe("ok");
    expect(response.headers.get("server-timing")).toMatch(/desc="1 queries"/);
  });

  it("uses Hyperdrive when NEON_DATABASE_URL is not set", async () => {
    const response = await call("/health/ready", {}, { HYPERDRIVE: env.HYPERDRIVE_UNREACHABLE });
    expect(response.status).toBe(503);
  });

  it("refuses the unencrypted local proxy outside development and tests", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await call(
        "/health/live",
        {},
        { NEON_DATABASE_URL: databaseUrl, ENVIRONMENT: "production" },
      );
      expect(response.status).toBe(500);
      expect((await readProblem(response)).code).toBe("internal");
      expect(logged.mock.calls.map((c) => String(c[0])).join("\n")).toContain("NEON_WS_PROXY");
    } finally {
      logged.mockRestore();
    }
  });
});
