import { describe, expect, it } from "vitest";
import type { DeliveryMessage } from "../../../src/platform/webhooks/messages";
import { relayTenant } from "../../../src/platform/webhooks/relay";
import { withOwnerSql } from "../../helpers/db";
import { received, recordEvents, runBatch, webhookEnv } from "./delivery-fixtures";
import { endpointTo, fastTenant } from "./fixtures";

const book = (n: number) => ({
  type: "book.created" as const,
  data: { id: `book_${n}`, title: `Book ${n}` },
});

/** A message as releases before the named fields sent it, still read from the queues. */
const short = (body: DeliveryMessage) => ({ d: body.delivery_id, t: body.tenant_id });

const statuses = async (ids: string[]) =>
  (
    await withOwnerSql(
      (sql) =>
        sql<{ id: string; status: string }[]>`
          select id, status from webhook_deliveries where id in ${sql(ids)} order by id`,
    )
  ).map((row) => row.status);

/** Two relayed deliveries to a receiver that answers 204, their messages not yet consumed. */
async function twoQueuedDeliveries() {
  const harness = webhookEnv();
  const tenant = await fastTenant();
  const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
  await recordEvents(tenant.id, [book(1), book(2)]);
  await relayTenant(harness.env, tenant.id);
  const queued = harness.queue.take().map((m) => m.body);
  if (queued.length !== 2) throw new Error("the relay did not queue two deliveries");
  return { harness, tenant, endpoint, queued: queued as [DeliveryMessage, DeliveryMessage] };
}

describe("webhook queue messages", () => {
  it("are sent with named fields, a few dozen bytes each", async () => {
    const { tenant, queued } = await twoQueuedDeliveries();
    expect(queued[0]).toEqual({ delivery_id: expect.any(String), tenant_id: tenant.id });
    // Far under a message's 128 KB and a sendBatch's 256 KB for 100 of them.
    expect(JSON.stringify(queued[0]).length).toBeLessThan(100);
  });

  it("of the short shape (older releases) and the named one both deliver in one batch", async () => {
    const { harness, endpoint, queued } = await twoQueuedDeliveries();
    const [named, old] = queued;
    const results = await runBatch(
      "shelfwise-webhooks",
      [{ body: named }, { body: short(old) as unknown as DeliveryMessage }],
      harness.env,
    );
    expect(results.map((r) => ({ acked: r.acked, retried: r.retried }))).toEqual([
      { acked: true, retried: false },
      { acked: true, retried: false },
    ]);
    expect(await received(endpoint.name)).toHaveLength(2);
    expect(await statuses([named.delivery_id, old.delivery_id])).toEqual([
      "delivered",
      "delivered",
    ]);
    expect(harness.queue.take()).toEqual([]);
  });

  it("of the short shape come back with named fields when they must look again", async () => {
    const { harness, endpoint, queued } = await twoQueuedDeliveries();
    const [first] = queued;
    // A re-delivery from an older release that overtook its commit: the row reads as delivered.
    await withOwnerSql(
      (sql) =>
        sql`update webhook_deliveries set status = 'delivered' where id = ${first.delivery_id}`,
    );
    const old = { ...short(first), r: 1, u: 1 };
    await runBatch(
      "shelfwise-webhooks",
      [{ body: old as unknown as DeliveryMessage }],
      harness.env,
    );
    expect(harness.queue.take()).toEqual([
      { body: { ...first, redelivery: true, unseen_looks: 2 }, delaySeconds: 2 },
    ]);
    expect(await received(endpoint.name)).toHaveLength(0);
  });

  it("of the short shape are recorded by the dead-letter consumer", async () => {
    const { harness, queued } = await twoQueuedDeliveries();
    const [named, old] = queued;
    const results = await runBatch(
      "shelfwise-webhooks-dlq",
      [{ body: named }, { body: short(old) as unknown as DeliveryMessage }],
      harness.env,
    );
    expect(results.every((r) => r.acked && !r.retried)).toBe(true);
    expect(await statuses([named.delivery_id, old.delivery_id])).toEqual(["failed", "failed"]);
  });
});
