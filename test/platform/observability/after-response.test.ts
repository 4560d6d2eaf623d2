import { describe, expect, it, vi } from "vitest";
import { newId } from "../../../src/platform/ids";
import { isbn } from "../../features/books/fixtures";
import { withOwnerSql } from "../../helpers/db";
import { callJson } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";

/** Database connections opened (real sockets, counted as they open). */
const sockets = vi.hoisted(() => ({ opened: 0 }));

vi.mock("../../../src/platform/db/driver/socket", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/platform/db/driver/socket")>();
  return {
    ...original,
    openWorkerSocket: (options: Parameters<typeof original.openWorkerSocket>[0]) => {
      sockets.opened++;
      return original.openWorkerSocket(options);
    },
  };
});

describe("after-response work", () => {
  it("runs the outbox relay and last_used_at on the request's one database connection", async () => {
    const tenant = await createTestTenant();
    const bookId = newId("book");
    const endpointId = newId("whep");
    await withOwnerSql(async (sql) => {
      await sql`insert into books (id, tenant_id, isbn, title, authors, price_amount, currency, stock)
        values (${bookId}, ${tenant.id}, ${isbn()}, 'Seeded', ${sql.json(["Someone"])}, 100, 'EUR', 5)`;
      // Suspended: the relay writes a held delivery and sends nothing to the queue.
      await sql`insert into webhook_endpoints (id, tenant_id, url, event_types, secret_ciphertext, status)
        values (${endpointId}, ${tenant.id}, 'https://hooks.example.com/x', ${sql.json([])}, 'c', 'suspended')`;
    });

    // The editor key's first use: its lookup, the order, then last_used_at and the relay.
    const before = sockets.opened;
    const response = await callJson(
      "/v2/orders",
      "POST",
      { lines: [{ book_id: bookId, quantity: 1 }] },
      bearer(tenant.editorKey),
    );
    const opened = sockets.opened - before;
    expect(response.status).toBe(201);
    const order = (await response.json()) as { id: string };

    const [state] = await withOwnerSql(
      (sql) => sql`select
        (select count(*)::int from events e join webhook_deliveries d on d.event_id = e.id
          where e.tenant_id = ${tenant.id} and e.payload->'data'->>'id' = ${order.id}
            and e.dispatched_at is not null and d.status = 'held') as relayed,
        (select count(*)::int from api_keys
          where tenant_id = ${tenant.id} and role = 'editor' and last_used_at is not null) as used`,
    );
    expect(state).toEqual({ relayed: 1, used: 1 });
    expect(opened).toBe(1);
  });
});
