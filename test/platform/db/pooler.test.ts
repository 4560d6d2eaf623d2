import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { AppEnv } from "../../../src/platform/context";
import {
  CommitNotAcknowledgedError,
  type DatabaseHandle,
  isDatabaseUnavailable,
  openDatabase,
  type TenantScope,
  withSystem,
  withTenant,
} from "../../../src/platform/db";
import { openNeonDatabase } from "../../../src/platform/db/neon";
import { books } from "../../../src/platform/db/schema";
import { handleError } from "../../../src/platform/error-handler";
import { newId } from "../../../src/platform/ids";
import { isbn } from "../../features/books/fixtures";
import { insertTenant, withOwnerSql } from "../../helpers/db";
import { readProblem } from "../../helpers/http";
import { deleteTenantRows } from "../../helpers/tenant-rows";

let tenantId = "";

beforeAll(async () => {
  tenantId = await withOwnerSql((owner) => insertTenant(owner, { name: "Commit check tenant" }));
});

afterAll(async () => {
  await withOwnerSql((owner) => deleteTenantRows(owner, [tenantId]));
});

const drivers: Array<[string, () => DatabaseHandle]> = [
  ["postgres.js through Hyperdrive", () => openDatabase(env.HYPERDRIVE.connectionString, 1)],
  [
    "Neon's serverless driver",
    () => openNeonDatabase(inject("databaseUrl"), { wsProxy: env.NEON_WS_PROXY ?? "" }),
  ],
];

async function using<T>(handle: DatabaseHandle, work: (h: DatabaseHandle) => Promise<T>) {
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

function insertBook(scope: TenantScope, id: string) {
  return scope.tx.insert(books).values({
    id,
    tenantId: scope.tenantId,
    isbn: isbn(),
    title: "Commit check",
    authors: ["A. Author"],
    priceAmount: 100,
    currency: "EUR",
    stock: 1,
  });
}

/** A book write whose transaction an error aborts, the error swallowed by the work itself. */
async function writeThenSwallow(scope: TenantScope, id: string) {
  await insertBook(scope, id);
  await scope.tx.execute(sql`select 1 / 0`).catch(() => {});
  return "written";
}

const bookExists = (id: string) =>
  withOwnerSql(async (owner) => (await owner`select 1 from books where id = ${id}`).length === 1);

describe("a COMMIT that Postgres answers with ROLLBACK", () => {
  it.each(drivers)("is an error, not a success, with %s", async (_name, open) => {
    const id = newId("book");
    const outcome = await using(open(), (handle) =>
      withTenant(handle, tenantId, (scope) => writeThenSwallow(scope, id)),
    ).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(CommitNotAcknowledgedError);
    expect((outcome as CommitNotAcknowledgedError).commandTag).toBe("ROLLBACK");
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    expect(await bookExists(id)).toBe(false);
  });

  it.each(drivers)("is caught for system transactions too, with %s", async (_name, open) => {
    const outcome = await using(open(), (handle) =>
      withSystem(handle, async (tx) => {
        await tx.execute(sql`select 1 / 0`).catch(() => {});
      }),
    ).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(CommitNotAcknowledgedError);
  });

  it("answers 503 service_unavailable with Retry-After, and the write is absent", async () => {
    const id = newId("book");
    // The product's error handler in front of a write that the database rolled back at COMMIT.
    const app = new Hono<AppEnv>();
    app.onError(handleError);
    app.post("/write", async (c) => {
      await using(openDatabase(env.HYPERDRIVE.connectionString), (handle) =>
        withTenant(handle, tenantId, (scope) => writeThenSwallow(scope, id)),
      );
      return c.json({ id }, 201);
    });
    const response = await app.request("/write", { method: "POST" });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    expect((await readProblem(response)).code).toBe("service_unavailable");
    expect(await bookExists(id)).toBe(false);
  });

  it.each(drivers)("leaves successful transactions committed, with %s", async (_name, open) => {
    const ids = [newId("book"), newId("book")];
    await using(open(), async (handle) => {
      for (const id of ids) await withTenant(handle, tenantId, (scope) => insertBook(scope, id));
    });
    for (const id of ids) expect(await bookExists(id)).toBe(true);
  });
});

describe("transaction control behind a pooler that moves the client between server connections", () => {
  it("commits although the server connection has none of the client's prepared statements", async () => {
    const ids = [newId("book"), newId("book")];
    // One client connection, two transactions: before the second commits, the server side forgets
    // every prepared statement, as it does when a transaction-mode pooler (PgBouncer 1.18) hands
    // the client another server connection. A cached `commit` would fail there (26000), be
    // re-sent in the aborted transaction and be answered ROLLBACK.
    await using(openDatabase(env.HYPERDRIVE.connectionString, 1), async (handle) => {
      await withTenant(handle, tenantId, (scope) => insertBook(scope, ids[0] as string));
      await withTenant(handle, tenantId, async (scope) => {
        await insertBook(scope, ids[1] as string);
        await scope.tx.execute(sql`deallocate all`);
      });
    });
    for (const id of ids) expect(await bookExists(id)).toBe(true);
  });
});
