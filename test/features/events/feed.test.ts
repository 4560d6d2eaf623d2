import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { openSystemDatabase } from "../../../src/platform/db";
import { pruneBatch } from "../../../src/platform/retention/prune";
import { withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { createBook } from "../books/fixtures";
import { createOrder } from "../orders/fixtures";
import { insertEvents, readFeed } from "./feed-fixtures";

const feed = (key: string, query: string) =>
  call(`/v2/events/feed?${query}`, { headers: bearer(key) });

describe("GET /v2/events/feed", () => {
  it("reads the tenant's events oldest first with stable cursors, pages, after=latest and type filters", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.editorKey);
    const order = await createOrder(tenant.editorKey, [{ book_id: book.id, quantity: 1 }]);
    await call(`/v2/orders/${order.id}/cancel`, {
      method: "POST",
      headers: bearer(tenant.editorKey),
    });

    const all = await readFeed(tenant.viewerKey);
    expect(all.data.map((item) => item.event.type)).toEqual([
      "book.created",
      "order.created",
      "order.cancelled",
    ]);
    expect(all.data[0]?.event).toMatchObject({ type: "book.created", data: { id: book.id } });
    expect(all.data[0]?.event.id).toMatch(/^evt_/);
    expect(all.has_more).toBe(false);
    expect(all.next_cursor).toBe(all.data[2]?.cursor);
    // The same events have the same cursors on every read.
    expect((await readFeed(tenant.adminKey)).data.map((i) => i.cursor)).toEqual(
      all.data.map((i) => i.cursor),
    );

    const first = await readFeed(tenant.viewerKey, "limit=1");
    expect(first.data.map((i) => i.event.type)).toEqual(["book.created"]);
    expect(first.has_more).toBe(true);
    const rest = await readFeed(tenant.viewerKey, `after=${first.next_cursor}&limit=5`);
    expect(rest.data.map((i) => i.event.type)).toEqual(["order.created", "order.cancelled"]);

    const orders = await readFeed(tenant.viewerKey, "types=order.*");
    expect(orders.data.map((i) => i.event.type)).toEqual(["order.created", "order.cancelled"]);
    const exact = await readFeed(tenant.viewerKey, "types=book.created,order.cancelled");
    expect(exact.data.map((i) => i.event.type)).toEqual(["book.created", "order.cancelled"]);

    const latest = await readFeed(tenant.viewerKey, "after=latest");
    expect(latest).toEqual({ data: [], next_cursor: all.next_cursor, has_more: false });
    const later = await createBook(tenant.editorKey);
    const fresh = await readFeed(tenant.viewerKey, `after=${latest.next_cursor}`);
    expect(fresh.data.map((i) => i.event.data.id)).toEqual([later.id]);
    // A filtered page that ends early still moves the cursor past what it looked at.
    const none = await readFeed(tenant.viewerKey, `after=${all.next_cursor}&types=order.*`);
    expect(none.data).toEqual([]);
    expect(none.next_cursor).toBe(fresh.next_cursor);
  });

  it("answers problem+json 400 for a bad limit, cursor, type or parameter", async () => {
    const tenant = await createTestTenant();
    for (const [query, path] of [
      ["limit=0", "limit"],
      ["limit=1001", "limit"],
      ["limit=ten", "limit"],
      ["after=not-a-cursor", "after"],
      ["after=djEuLTE", "after"],
      ["types=order.nope", "types"],
      ["types=nothing.*", "types"],
      ["types=order.created,,", "types"],
      ["since=1", ""],
    ] as const) {
      const response = await feed(tenant.viewerKey, query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const problem = await readProblem(response);
      expect(problem.code, query).toBe("validation_failed");
      expect(
        problem.errors?.map((e: { path: string }) => e.path),
        query,
      ).toContain(path ? `query.${path}` : "query");
    }
    expect((await feed(tenant.viewerKey, "limit=1000")).status).toBe(200);
    expect((await call("/v2/events/feed")).status).toBe(401);
  });

  it("shows tenant.* and webhook.* events to admins only", async () => {
    const tenant = await createTestTenant();
    const book = await createBook(tenant.editorKey);
    await withOwnerSql(async (sql) => {
      await insertEvents(sql, tenant.id, 1, "tenant.export.completed");
      await insertEvents(sql, tenant.id, 1, "webhook.endpoint.suspended");
    });
    const admin = await readFeed(tenant.adminKey);
    expect(admin.data.map((i) => i.event.type)).toEqual([
      "book.created",
      "tenant.export.completed",
      "webhook.endpoint.suspended",
    ]);
    for (const key of [tenant.viewerKey, tenant.editorKey]) {
      const page = await readFeed(key);
      expect(page.data.map((i) => i.event.data.id)).toEqual([book.id]);
      // Past the admin-only events too: the next read does not scan them again.
      expect(page.next_cursor).toBe(admin.next_cursor);
      const refused = await feed(key, "types=webhook.*");
      expect(refused.status).toBe(403);
      expect((await readProblem(refused)).code).toBe("forbidden");
    }
    expect((await readFeed(tenant.adminKey, "types=tenant.*")).data).toHaveLength(1);
  });

  it("never shows another tenant's events, and refuses a cursor this tenant's log never reached", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    await createBook(a.editorKey);
    await createBook(a.editorKey);
    const bookB = await createBook(b.editorKey);
    const pageA = await readFeed(a.adminKey);
    const pageB = await readFeed(b.adminKey);
    expect(pageA.data).toHaveLength(2);
    expect(pageB.data.map((i) => i.event.data.id)).toEqual([bookB.id]);
    const ids = new Set(pageA.data.map((i) => i.event.id));
    expect(pageB.data.some((i) => ids.has(i.event.id))).toBe(false);
    // Tenant A's second cursor is beyond tenant B's log (one event).
    const response = await feed(b.adminKey, `after=${pageA.next_cursor}`);
    expect(response.status).toBe(400);
    expect((await readProblem(response)).code).toBe("validation_failed");
  });

  // Two writers' lock wait needs a real server: PGlite runs one connection's statements at a time.
  it.skipIf(inject("embeddedDatabase"))(
    "keeps commit order under concurrent writers: a writer holding an earlier place holds back the one after it",
    async () => {
      const tenant = await createTestTenant();
      const start = (await readFeed(tenant.viewerKey)).next_cursor;
      await withOwnerSql(async (sql) => {
        let releaseFirst!: () => void;
        const firstMayCommit = new Promise<void>((resolve) => {
          releaseFirst = resolve;
        });
        let firstInserted!: () => void;
        const inserted = new Promise<void>((resolve) => {
          firstInserted = resolve;
        });
        // The first writer inserts its event, then stays open (it will commit last).
        const first = sql.begin(async (tx) => {
          await tx`insert into events (id, tenant_id, type, payload, position)
          values ('evt_first' || substr(md5(random()::text), 1, 17), ${tenant.id}, 'book.updated',
            '{"type":"book.updated","timestamp":"2026-12-01T00:00:00Z","data":{"id":"first"}}', 0)`;
          firstInserted();
          await firstMayCommit;
        });
        await inserted;
        // The second writer inserts after it and asks to commit at once.
        let secondDone = false;
        const second = sql
          .begin(async (tx) => {
            await tx`insert into events (id, tenant_id, type, payload, position)
            values ('evt_second' || substr(md5(random()::text), 1, 16), ${tenant.id}, 'book.updated',
              '{"type":"book.updated","timestamp":"2026-12-01T00:00:00Z","data":{"id":"second"}}', 0)`;
          })
          .then(() => {
            secondDone = true;
          });
        try {
          await new Promise((resolve) => setTimeout(resolve, 300));
          // It cannot commit ahead of the first: a reader now sees neither, and its cursor stays.
          expect(secondDone).toBe(false);
          const between = await readFeed(tenant.viewerKey, `after=${start}`);
          expect(between.data).toEqual([]);
          expect(between.next_cursor).toBe(start);
        } finally {
          // Whatever was seen, the first writer ends: an open transaction would stall every suite.
          releaseFirst();
        }
        await first;
        await second;
        const after = await readFeed(tenant.viewerKey, `after=${start}`);
        expect(after.data.map((i) => i.event.data.id)).toEqual(["first", "second"]);
      });
    },
  );

  it("answers 410 cursor_expired with the oldest cursor once retention deleted events after it", async () => {
    const tenant = await createTestTenant();
    await withOwnerSql((sql) => insertEvents(sql, tenant.id, 5));
    const before = await readFeed(tenant.viewerKey);
    expect(before.data).toHaveLength(5);
    await withOwnerSql(
      (sql) => sql`update events set created_at = now() - interval '40 days'
        where tenant_id = ${tenant.id} and id in ${sql(before.data.slice(0, 2).map((i) => i.event.id))}`,
    );
    const database = openSystemDatabase(env);
    try {
      while ((await pruneBatch(database, "events", 30, 1000)) > 0) {
        // Until this tenant's (and any other) expired events are gone.
      }
    } finally {
      await database.close();
    }
    const expired = await feed(tenant.viewerKey, `after=${before.data[0]?.cursor}`);
    expect(expired.status).toBe(410);
    const problem = await readProblem(expired);
    expect(problem.code).toBe("cursor_expired");
    expect(problem.oldest_cursor).toBe(before.data[1]?.cursor);
    const resumed = await readFeed(tenant.viewerKey, `after=${problem.oldest_cursor}`);
    expect(resumed.data.map((i) => i.cursor)).toEqual(before.data.slice(2).map((i) => i.cursor));
    // The newest deleted event's cursor, and none, still read.
    expect((await readFeed(tenant.viewerKey)).data).toHaveLength(3);
  });
});
