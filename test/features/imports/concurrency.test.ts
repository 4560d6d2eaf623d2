import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runImport } from "../../../src/features/books/imports/job";
import { withOwnerSql } from "../../helpers/db";
import { call } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import {
  bookLine,
  type ImportView,
  isbn,
  jobDatabase,
  postImport,
  shown,
  stockLedger,
} from "./fixtures";

const BOOKS = 40;
const ON_HAND = 1000;
const IMPORTS = 10;
const ORDER_WORKERS = 8;
const KEYS_PER_WORKER = 3;
/** Below the per-credential limit of 100 requests a minute. */
const REQUESTS_PER_KEY = 90;

/** PGlite (the embedded server) runs one backend for every connection: nothing ever waits. */
const isPglite = () =>
  withOwnerSql(async (sql) => {
    const [row] = await sql<{ pglite: boolean }[]>`select version() like '%PGlite%' as pglite`;
    return row?.pglite === true;
  });

/** A small seeded PRNG (mulberry32), so a failing run can be told apart from another. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The SQLSTATE of an error thrown through drizzle or postgres.js (40P01: deadlock), if any. */
const sqlState = (error: unknown) =>
  ((error as { cause?: { code?: string } })?.cause ?? (error as { code?: string }))?.code;

describe("imports racing orders and cancels on the same books (real PostgreSQL)", () => {
  it("never deadlock, and on hand = available + reserved after every import", async (ctx) => {
    if (await isPglite())
      ctx.skip("needs a real PostgreSQL (concurrent transactions): run with DATABASE_URL");
    const tenant = await createTestTenant({ plan: "enterprise" });
    const key = tenant.editorKey;
    const database = jobDatabase();
    const failures: string[] = [];

    /** Imports `lines` (book numbers, in file order) with ON_HAND copies each; runs it to the end. */
    async function importAll(lines: number[]): Promise<ImportView> {
      const posted = await postImport(
        key,
        lines.map((n) => bookLine(n, { stock: ON_HAND })).join("\n"),
      );
      expect(posted.status).toBe(202);
      const { id } = (await posted.json()) as ImportView;
      // A failed run is retried, as the queue would (it resumes at its next line), and recorded.
      for (let attempt = 1; ; attempt++) {
        try {
          expect(await runImport(database, env.FILES, id)).toBe("done");
          break;
        } catch (error) {
          failures.push(`import ${id}: ${sqlState(error)} ${String(error).slice(0, 200)}`);
          if (attempt === 3) throw error;
        }
      }
      return shown(key, id);
    }

    try {
      const first = await importAll(Array.from({ length: BOOKS }, (_, n) => n));
      expect(first.counts.created).toBe(BOOKS);
      const ids = await withOwnerSql(
        (sql) => sql<Array<{ id: string; isbn: string }>>`
          select id, isbn from books where tenant_id = ${tenant.id} order by id`,
      );
      const byIsbn = new Map(ids.map((b) => [b.isbn, b.id]));
      const bookIds = Array.from({ length: BOOKS }, (_, n) => byIsbn.get(isbn(n)) as string);
      // Later files list the books against id order (the order the order path locks them in):
      // descending, then shuffled.
      const idRank = new Map(ids.map((b, i) => [b.id, i]));
      const descending = [...bookIds.keys()].sort(
        (x, y) => (idRank.get(bookIds[y] as string) ?? 0) - (idRank.get(bookIds[x] as string) ?? 0),
      );

      let importing = true;
      const statuses = new Map<number, number>();
      const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
      // Keys of their own: one credential may send 100 requests a minute.
      const keys = await Promise.all(
        Array.from({ length: ORDER_WORKERS * KEYS_PER_WORKER }, () => tenant.createKey("editor")),
      );
      const worker = async (seed: number) => {
        const next = random(seed);
        const mine = keys.slice((seed - 1) * KEYS_PER_WORKER, seed * KEYS_PER_WORKER);
        let sent = 0;
        const send = (path: string, init: RequestInit) => {
          const credential = mine[Math.floor(sent++ / REQUESTS_PER_KEY)]?.key as string;
          return call(path, { ...init, headers: { ...init.headers, ...bearer(credential) } });
        };
        // Each order takes at most three requests.
        while (importing && sent + 3 <= KEYS_PER_WORKER * REQUESTS_PER_KEY) {
          const picked = new Set<string>();
          const width = 2 + Math.floor(next() * 3);
          while (picked.size < width) picked.add(bookIds[Math.floor(next() * BOOKS)] as string);
          const lines = [...picked].map((book_id) => ({
            book_id,
            quantity: 1 + Math.floor(next() * 3),
          }));
          const created = await send("/v2/orders", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ lines }),
          });
          count(created.status);
          if (created.status !== 201) {
            failures.push(`order: ${created.status} ${await created.text()}`);
            continue;
          }
          const { id } = (await created.json()) as { id: string };
          const roll = next();
          // Two in three orders are cancelled (half of them after a confirm); the rest stay
          // reserved, pending or confirmed.
          const actions =
            roll < 0.33
              ? ["cancel"]
              : roll < 0.66
                ? ["confirm", "cancel"]
                : roll < 0.8
                  ? ["confirm"]
                  : [];
          for (const action of actions) {
            const moved = await send(`/v2/orders/${id}/${action}`, { method: "POST" });
            count(moved.status);
            if (moved.status !== 200)
              failures.push(`${action}: ${moved.status} ${await moved.text()}`);
          }
        }
      };
      const workers = Array.from({ length: ORDER_WORKERS }, (_, i) => worker(i + 1));

      const unbalanced: string[] = [];
      try {
        const shuffle = random(99);
        for (let run = 0; run < IMPORTS; run++) {
          const file = run % 2 === 0 ? descending : [...descending].sort(() => shuffle() - 0.5);
          const done = await importAll(file);
          expect(done).toMatchObject({
            status: "completed",
            counts: { updated: BOOKS, failed: 0 },
          });
          // One statement reads one snapshot: every committed order is whole in it.
          for (const [id, book] of await stockLedger({ tenantId: tenant.id })) {
            if (book.onHand !== ON_HAND) {
              unbalanced.push(`after import ${run + 1}: ${id} ${JSON.stringify(book)}`);
            }
          }
        }
      } finally {
        importing = false;
        await Promise.all(workers);
      }
      console.log("import race:", Object.fromEntries(statuses), failures.length, "failures");

      expect(failures).toEqual([]);
      expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
      expect(unbalanced).toEqual([]);
      const ledger = await stockLedger({ tenantId: tenant.id });
      expect(ledger.size).toBe(BOOKS);
      for (const book of ledger.values()) expect(book.onHand).toBe(ON_HAND);
    } finally {
      await database.close();
    }
  }, 180_000);
});
