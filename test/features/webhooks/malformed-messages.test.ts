import type { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DeliveryMessage } from "../../../src/platform/webhooks/messages";
import { relayTenant } from "../../../src/platform/webhooks/relay";
import { withOwnerSql } from "../../helpers/db";
import { received, recordEvents, runBatch, webhookEnv } from "./delivery-fixtures";
import { endpointTo, fastTenant } from "./fixtures";

const BOOK = { type: "book.created" as const, data: { id: "book_1", title: "Dune" } };

/** Queue bodies that name no delivery, as a producer's bug or an older release could leave. */
const MALFORMED = (tenantId: string) => [
  null,
  "whd_123",
  { t: tenantId },
  { d: "", t: tenantId },
  { d: "whd_123", t: tenantId, r: 2 },
  { d: "whd_123", t: tenantId, u: -1 },
  { delivery_id: "whd_123" },
  { delivery_id: "whd_123", tenant_id: tenantId, redelivery: 1 },
  { delivery_id: "whd_123", tenant_id: tenantId, unseen_looks: 1.5 },
  // Named fields are read as the named shape only: its short fields do not complete it.
  { delivery_id: "whd_123", t: tenantId },
];

/** One queued delivery to a receiver that answers 204, not yet consumed. */
async function oneQueuedDelivery() {
  const harness = webhookEnv();
  const tenant = await fastTenant();
  const endpoint = await endpointTo(harness, tenant, { default: { status: 204 } });
  await recordEvents(tenant.id, [BOOK]);
  await relayTenant(harness.env, tenant.id);
  const [queued] = harness.queue.take();
  if (!queued) throw new Error("the relay queued nothing");
  return { harness, tenant, endpoint, message: queued.body };
}

/** Runs the bodies as one batch of `queue`; what each message became, and the error log lines. */
async function runLogged(queue: string, bodies: unknown[], workerEnv: typeof env) {
  const logged: Array<Record<string, unknown>> = [];
  vi.spyOn(console, "error").mockImplementation((line: unknown) => {
    if (String(line).startsWith("{")) logged.push(JSON.parse(String(line)));
  });
  const messages = bodies.map((body) => ({ body: body as DeliveryMessage }));
  const results = await runBatch(queue, messages, workerEnv);
  return { results, logged };
}

const status = async (deliveryId: string) =>
  (
    await withOwnerSql(
      (sql) =>
        sql<{ status: string }[]>`select status from webhook_deliveries where id = ${deliveryId}`,
    )
  )[0]?.status;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a webhook queue message that names no delivery", () => {
  it("is dropped with an error log, and its batch's delivery still goes out once", async () => {
    const { harness, tenant, endpoint, message } = await oneQueuedDelivery();
    const bodies = [...MALFORMED(tenant.id), message];
    const { results, logged } = await runLogged("shelfwise-webhooks", bodies, harness.env);

    expect(results.map((r) => ({ acked: r.acked, retried: r.retried }))).toEqual(
      bodies.map(() => ({ acked: true, retried: false })),
    );
    expect(await received(endpoint.name)).toHaveLength(1);
    expect(await status(message.delivery_id)).toBe("delivered");
    expect(harness.queue.take()).toEqual([]);
    expect(harness.dlq.take()).toEqual([]);
    const dropped = logged.filter((l) => l.message === "malformed webhook message dropped");
    expect(dropped).toHaveLength(MALFORMED(tenant.id).length);
    expect(dropped[2]).toMatchObject({ queue: "shelfwise-webhooks", attempts: 1 });
    expect(dropped[2]?.body).toBe(JSON.stringify({ t: tenant.id }));
  });

  it("is dropped by the dead-letter consumer too, which records the batch's others one by one", async () => {
    const { harness, tenant, message } = await oneQueuedDelivery();
    // Well-formed, but its id cannot be stored (a NUL byte): recording it fails, and only it retries.
    const unrecordable = { d: "whd_\u0000", t: tenant.id };
    const bodies = [...MALFORMED(tenant.id), unrecordable, message];
    const { results, logged } = await runLogged("shelfwise-webhooks-dlq", bodies, harness.env);

    const outcome = results.map((r) => ({ acked: r.acked, retried: r.retried }));
    expect(outcome.at(-2)).toEqual({ acked: false, retried: true });
    expect(results.at(-2)?.retryDelay).toBe(60);
    expect(outcome.filter((_, i) => i !== bodies.length - 2)).toEqual(
      bodies.slice(1).map(() => ({ acked: true, retried: false })),
    );
    expect(await status(message.delivery_id)).toBe("failed");
    expect(logged.filter((l) => l.message === "malformed webhook message dropped")).toHaveLength(
      MALFORMED(tenant.id).length,
    );
    expect(
      logged.filter((l) => l.message === "webhook dead letter not recorded; retrying"),
    ).toEqual([expect.objectContaining({ queue: "shelfwise-webhooks-dlq" })]);
  });
});
