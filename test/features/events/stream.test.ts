import { env, evictDurableObject, runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { notifyHub } from "../../../src/platform/event-log";
import { withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";
import { createBook } from "../books/fixtures";
import { insertEvents, readFeed } from "./feed-fixtures";
import { openStream, quietFor, streamTicket } from "./stream-fixtures";

const hub = (tenantId: string) => env.EVENT_HUB.get(env.EVENT_HUB.idFromName(tenantId));

describe("GET /v2/events/stream (WebSocket)", () => {
  it("pushes each committed event as {cursor, event}, with the feed's cursors", async () => {
    const tenant = await createTestTenant();
    const client = await openStream("after=latest", bearer(tenant.viewerKey));
    const book = await createBook(tenant.editorKey);
    const [item] = await client.received(1);
    expect(item?.event).toMatchObject({ type: "book.created", data: { id: book.id } });
    const feed = await readFeed(tenant.viewerKey);
    expect(item?.cursor).toBe(feed.data[0]?.cursor);
    expect(item?.event.id).toBe(feed.data[0]?.event.id);
    const figures = await call(`/admin/ops/tenants/${tenant.id}/live`, { headers: operator() });
    expect(figures.status).toBe(200);
    expect(await figures.json()).toMatchObject({
      tenant_id: tenant.id,
      open_connections: 1,
      connections: 1,
      messages_pushed: 1,
      slow_consumer_closes: 0,
      log_position: 1,
      lag_events: 0,
    });
    client.socket.close(1000, "done");
  });

  it("resumes from the last cursor without a gap or a duplicate, also across the connect seam", async () => {
    const tenant = await createTestTenant();
    const first = await openStream("", bearer(tenant.viewerKey));
    await createBook(tenant.editorKey);
    await createBook(tenant.editorKey);
    const seen = await first.received(2);
    first.socket.close(1000, "away");
    const last = seen.at(-1)?.cursor as string;
    // Events while away, and events committed while the next connection is being opened.
    await createBook(tenant.editorKey);
    await createBook(tenant.editorKey);
    const [second] = await Promise.all([
      openStream(`after=${last}`, bearer(tenant.viewerKey)),
      createBook(tenant.editorKey),
      createBook(tenant.editorKey),
    ]);
    await createBook(tenant.editorKey);
    const resumed = await second.received(5);
    await quietFor(second, 5);
    const feed = await readFeed(tenant.viewerKey);
    expect(feed.data).toHaveLength(7);
    expect([...seen, ...resumed].map((i) => i.cursor)).toEqual(feed.data.map((i) => i.cursor));
    // Last-Event-ID resumes as after= does.
    const third = await openStream("", {
      ...bearer(tenant.viewerKey),
      "last-event-id": feed.data[4]?.cursor as string,
    });
    expect((await third.received(2)).map((i) => i.cursor)).toEqual(
      feed.data.slice(5).map((i) => i.cursor),
    );
    second.socket.close(1000, "done");
    third.socket.close(1000, "done");
  });

  it("sends each role only what it may see, and each type filter only its types", async () => {
    const tenant = await createTestTenant();
    const viewer = await openStream("after=latest", bearer(tenant.viewerKey));
    const admin = await openStream("after=latest", bearer(tenant.adminKey));
    const orders = await openStream("after=latest&types=order.*", bearer(tenant.adminKey));
    await withOwnerSql((sql) => insertEvents(sql, tenant.id, 1, "tenant.export.completed"));
    const book = await createBook(tenant.editorKey);
    const adminItems = await admin.received(2);
    expect(adminItems.map((i) => i.event.type)).toEqual([
      "tenant.export.completed",
      "book.created",
    ]);
    const viewerItems = await viewer.received(1);
    expect(viewerItems.map((i) => i.event.data.id)).toEqual([book.id]);
    expect(viewerItems[0]?.cursor).toBe(adminItems[1]?.cursor);
    await quietFor(viewer, 1);
    await quietFor(orders, 0);
    const refused = await call("/v2/events/stream?types=tenant.*", {
      headers: { upgrade: "websocket", ...bearer(tenant.viewerKey) },
    });
    expect(refused.status).toBe(403);
    for (const client of [viewer, admin, orders]) client.socket.close(1000, "done");
  });

  it("never sends one tenant's events to another tenant's sockets", async () => {
    const [a, b] = await Promise.all([createTestTenant(), createTestTenant()]);
    const clientB = await openStream("after=latest", bearer(b.adminKey));
    const clientA = await openStream("after=latest", bearer(a.adminKey));
    await createBook(a.editorKey);
    await clientA.received(1);
    await quietFor(clientB, 0);
    const bookB = await createBook(b.editorKey);
    expect((await clientB.received(1)).map((i) => i.event.data.id)).toEqual([bookB.id]);
    await quietFor(clientA, 1);
    clientA.socket.close(1000, "done");
    clientB.socket.close(1000, "done");
  });

  it("refuses a bad cursor (400), a missing credential (401) and a request that is neither WebSocket nor SSE (400)", async () => {
    const tenant = await createTestTenant();
    const bad = await call("/v2/events/stream?after=nope", {
      headers: { upgrade: "websocket", ...bearer(tenant.viewerKey) },
    });
    expect(bad.status).toBe(400);
    expect((await readProblem(bad)).code).toBe("validation_failed");
    const anonymous = await call("/v2/events/stream", { headers: { upgrade: "websocket" } });
    expect(anonymous.status).toBe(401);
    const plain = await call("/v2/events/stream", { headers: bearer(tenant.viewerKey) });
    expect(plain.status).toBe(400);
  });
});

describe("hibernation", () => {
  it("keeps sockets open while the hub is evicted, answers pings without waking it, and resumes them on the next event", async () => {
    const tenant = await createTestTenant();
    const client = await openStream("after=latest", bearer(tenant.viewerKey));
    await createBook(tenant.editorKey);
    await client.received(1);
    await evictDurableObject(hub(tenant.id));
    // The platform answers the ping from the socket's auto-response: the object stays evicted.
    const heartbeats = client.heartbeats;
    client.socket.send("ping");
    const deadline = Date.now() + 5000;
    while (client.heartbeats === heartbeats && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(client.heartbeats).toBe(heartbeats + 1);
    await expect(evictDurableObject(hub(tenant.id))).rejects.toThrow();
    // The next commit wakes a new instance, which serves the socket from its attachment.
    const book = await createBook(tenant.editorKey);
    const items = await client.received(2);
    expect(items[1]?.event.data.id).toBe(book.id);
    await quietFor(client, 2);
    const stats = (await (await hub(tenant.id).fetch("https://hub/stats")).json()) as {
      wakeUps: number;
      open: number;
    };
    expect(stats.wakeUps).toBeGreaterThanOrEqual(2);
    expect(stats.open).toBe(1);
    client.socket.close(1000, "done");
  });
});

describe("stream tickets", () => {
  it("open the stream once, within 60 s, without a credential in the URL", async () => {
    const tenant = await createTestTenant();
    const response = await typedClient(tenant.viewerKey).v2["stream-tickets"].$post();
    expect(response.status).toBe(201);
    if (response.status !== 201) throw new Error("no ticket");
    const { ticket, expires_at } = await response.json();
    const ttl = Date.parse(expires_at) - Date.now();
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(ticket).not.toContain(tenant.viewerKey);

    const client = await openStream(`ticket=${encodeURIComponent(ticket)}&after=latest`);
    const book = await createBook(tenant.editorKey);
    expect((await client.received(1)).map((i) => i.event.data.id)).toEqual([book.id]);

    const again = await call(`/v2/events/stream?ticket=${encodeURIComponent(ticket)}`, {
      headers: { upgrade: "websocket" },
    });
    expect(again.status).toBe(401);
    expect((await readProblem(again)).code).toBe("unauthenticated");
    const forged = await call(
      `/v2/events/stream?ticket=${encodeURIComponent(`${ticket.slice(0, -4)}0000`)}`,
      {
        headers: { upgrade: "websocket" },
      },
    );
    expect(forged.status).toBe(401);
    // A ticket names its tenant's hub: pointed at another tenant's, it is unknown there.
    const other = await createTestTenant();
    const { ticket: fresh } = await streamTicket(tenant.adminKey);
    const elsewhere = fresh.replace(tenant.id, other.id);
    expect(elsewhere).not.toBe(fresh);
    const crossed = await call(`/v2/events/stream?ticket=${encodeURIComponent(elsewhere)}`, {
      headers: { upgrade: "websocket" },
    });
    expect(crossed.status).toBe(401);
    client.socket.close(1000, "done");
  });

  it("carry the role of the credential that asked for them", async () => {
    const tenant = await createTestTenant();
    const { ticket } = await streamTicket(tenant.viewerKey);
    const refused = await call(
      `/v2/events/stream?ticket=${encodeURIComponent(ticket)}&types=webhook.*`,
      { headers: { upgrade: "websocket" } },
    );
    expect(refused.status).toBe(403);
  });
});

describe("slow consumers, revocation, suspension", () => {
  it("closes a socket more than a page behind with 4008; it resumes from its cursor without a gap", async () => {
    const tenant = await createTestTenant();
    await withOwnerSql((sql) => insertEvents(sql, tenant.id, 1_100));
    const behind = await openStream("", bearer(tenant.viewerKey));
    expect((await behind.closing()).code).toBe(4008);
    expect(behind.items).toHaveLength(1_000);
    const resumed = await openStream(
      `after=${behind.items.at(-1)?.cursor}`,
      bearer(tenant.viewerKey),
    );
    await resumed.received(100);
    await quietFor(resumed, 100);
    const cursors = [...behind.items, ...resumed.items].map((i) => i.cursor);
    expect(new Set(cursors).size).toBe(1_100);

    // Live: a burst larger than a page while connected.
    await withOwnerSql((sql) => insertEvents(sql, tenant.id, 1_050));
    await notifyHub(env, tenant.id);
    expect((await resumed.closing()).code).toBe(4008);
    expect(resumed.items.length).toBeLessThanOrEqual(1_100);
    const figures = await call(`/admin/ops/tenants/${tenant.id}/live`, { headers: operator() });
    expect(await figures.json()).toMatchObject({ slow_consumer_closes: 2, log_position: 2_150 });
  });

  it("closes 4001 once the key is revoked and 4003 once the tenant is suspended (at the next check)", async () => {
    const tenant = await createTestTenant();
    const doomed = await tenant.createKey("viewer", "doomed");
    const revoked = await openStream("after=latest", bearer(doomed.key));
    const kept = await openStream("after=latest", bearer(tenant.viewerKey));
    await call(`/v2/api-keys/${doomed.id}`, { method: "DELETE", headers: bearer(tenant.adminKey) });
    expect(await runDurableObjectAlarm(hub(tenant.id))).toBe(true);
    expect((await revoked.closing()).code).toBe(4001);
    expect(kept.closed).toBeUndefined();
    expect(kept.heartbeats).toBeGreaterThanOrEqual(1);

    await call(`/admin/tenants/${tenant.id}/suspend`, { method: "POST", headers: operator() });
    expect(await runDurableObjectAlarm(hub(tenant.id))).toBe(true);
    expect((await kept.closing()).code).toBe(4003);
  });
});

describe("GET /v2/events/stream (SSE)", () => {
  it("answers text/event-stream with id, event and data lines, resuming with Last-Event-ID", async () => {
    const tenant = await createTestTenant();
    await createBook(tenant.editorKey);
    const feed = await readFeed(tenant.viewerKey);
    const response = await call("/v2/events/stream", {
      headers: {
        ...bearer(tenant.viewerKey),
        accept: "text/event-stream",
        "last-event-id": feed.next_cursor,
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const book = await createBook(tenant.editorKey);
    const decoder = new TextDecoder();
    let text = "";
    const deadline = Date.now() + 5000;
    while (!text.includes("\n\nid:") && !/data: .*\n\n/.test(text) && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel();
    const block = text.split("\n\n").find((b) => b.startsWith("id: ")) as string;
    const lines = Object.fromEntries(
      block
        .split("\n")
        .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
    );
    const after = await readFeed(tenant.viewerKey, `after=${feed.next_cursor}`);
    expect(lines.id).toBe(after.data[0]?.cursor);
    expect(lines.event).toBe("book.created");
    expect(JSON.parse(lines.data as string)).toEqual(after.data[0]);
    expect(after.data[0]?.event.data.id).toBe(book.id);
  });
});
