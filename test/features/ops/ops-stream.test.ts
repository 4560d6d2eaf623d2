import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { firingAlerts } from "../../../src/features/ops/health";
import { notifyHub } from "../../../src/platform/event-log";
import { withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, operator } from "../../helpers/tenant";
import { createBook } from "../books/fixtures";
import { insertEvents } from "../events/feed-fixtures";

/** The operators' live stream (GET /ops/stream) and its tickets, inside workerd. */

interface Report {
  id: string;
  type: string;
  tenant_id?: string;
  open_connections?: number;
  connections?: number;
  messages_pushed?: number;
  slow_consumer_closes?: number;
  wake_ups?: number;
}

const opsHub = () => env.EVENT_HUB.get(env.EVENT_HUB.idFromName("ops"));

async function until(check: () => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function openOps(query: string, headers: Record<string, string> = {}) {
  const response = await call(`/ops/stream${query ? `?${query}` : ""}`, {
    headers: { upgrade: "websocket", ...headers },
  });
  if (response.status !== 101) {
    throw new Error(`ops stream answered ${response.status}: ${await response.text()}`);
  }
  const socket = response.webSocket as WebSocket;
  socket.accept();
  const client = {
    socket,
    reports: [] as Report[],
    heartbeats: 0,
    closed: undefined as { code: number } | undefined,
    /** The first report about this tenant, once it arrives. */
    async about(tenantId: string, min = 1) {
      await until(
        () => client.reports.filter((r) => r.tenant_id === tenantId).length >= min,
        `a report about ${tenantId}`,
      );
      return client.reports.filter((r) => r.tenant_id === tenantId);
    },
  };
  socket.addEventListener("message", (message) => {
    const parsed = JSON.parse(String(message.data)) as Report;
    if (parsed.type === "heartbeat") client.heartbeats += 1;
    else client.reports.push(parsed);
  });
  socket.addEventListener("close", (event) => {
    client.closed = { code: event.code };
  });
  return client;
}

async function ticket(headers: Record<string, string> = operator()) {
  return call("/admin/ops/stream-tickets", { method: "POST", headers });
}

describe("POST /admin/ops/stream-tickets", () => {
  it("gives an operator a single-use ticket; a tenant's key or no token gets 401", async () => {
    const response = await ticket();
    expect(response.status).toBe(201);
    const body = (await response.json()) as { ticket: string; expires_at: string };
    expect(body.ticket).toMatch(/^stk_ops\.[0-9a-f]{48}$/);
    expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(50_000);
    expect(Date.parse(body.expires_at) - Date.now()).toBeLessThanOrEqual(60_000);

    const tenant = await createTestTenant();
    for (const headers of [{}, bearer(tenant.adminKey), { authorization: "Bearer wrong" }]) {
      const refused = await ticket(headers);
      expect(refused.status).toBe(401);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});

describe("GET /ops/stream", () => {
  it("starts with reset, then reports each tenant's commits with its hub's figures", async () => {
    const issued = (await (await ticket()).json()) as { ticket: string };
    const client = await openOps(`ticket=${issued.ticket}`);
    await until(() => client.reports.length >= 1, "the reset");
    expect(client.reports[0]).toMatchObject({ type: "reset" });
    expect(client.reports[0]?.id).toMatch(/^[0-9a-f]{8}\.\d+$/);

    // A tenant with no live socket of its own is reported too (its hub knows its name).
    const tenant = await createTestTenant();
    await createBook(tenant.editorKey);
    const [report] = await client.about(tenant.id);
    expect(report).toMatchObject({
      type: "tenant.activity",
      tenant_id: tenant.id,
      open_connections: 0,
      messages_pushed: 0,
      slow_consumer_closes: 0,
    });

    // A tenant socket opening and receiving the next event shows in the reports.
    const live = await call("/v2/events/stream?after=latest", {
      headers: { upgrade: "websocket", ...bearer(tenant.viewerKey) },
    });
    const tenantSocket = live.webSocket as WebSocket;
    tenantSocket.accept();
    await createBook(tenant.editorKey);
    await until(
      () => client.reports.some((r) => r.tenant_id === tenant.id && r.messages_pushed === 1),
      "a report with one message pushed",
    );
    const last = client.reports.filter((r) => r.tenant_id === tenant.id).at(-1);
    expect(last).toMatchObject({ open_connections: 1, connections: 1, messages_pushed: 1 });
    // Ids increase in the order pushed.
    const numbers = client.reports.map((r) => Number(r.id.split(".")[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    tenantSocket.close(1000, "done");
    client.socket.close(1000, "done");

    // The ticket was used.
    const again = await call(`/ops/stream?ticket=${issued.ticket}`, {
      headers: { upgrade: "websocket" },
    });
    expect(again.status).toBe(401);
    expect((await readProblem(again)).code).toBe("unauthenticated");
  });

  it("resumes after the last report without a reset, and resets from an id it no longer holds", async () => {
    const first = await openOps("", operator());
    const watcher = await openOps("", operator());
    await until(() => first.reports.length >= 1, "the reset");
    const tenant = await createTestTenant();
    await createBook(tenant.editorKey);
    const [seen] = await first.about(tenant.id);
    await watcher.about(tenant.id);
    first.socket.close(1000, "away");
    // Later commits, reported while the first console is away (the watcher sees them arrive).
    await createBook(tenant.editorKey);
    await watcher.about(tenant.id, 2);
    watcher.socket.close(1000, "done");

    const resumed = await openOps(`after=${seen?.id}`, operator());
    const replayed = await resumed.about(tenant.id);
    expect(resumed.reports[0]?.type).toBe("tenant.activity");
    expect(resumed.reports.some((r) => r.type === "reset")).toBe(false);
    const after = Number(seen?.id.split(".")[1]);
    expect(replayed.every((r) => Number(r.id.split(".")[1]) > after)).toBe(true);
    expect(replayed.at(-1)?.id).toBe(
      watcher.reports.filter((r) => r.tenant_id === tenant.id).at(-1)?.id,
    );
    resumed.socket.close(1000, "done");

    const stale = await openOps("after=00000000.1", operator());
    await until(() => stale.reports.length >= 1, "the reset");
    expect(stale.reports[0]?.type).toBe("reset");
    stale.socket.close(1000, "done");
  });

  it("reports a burst of commits as at most one report a second per tenant, the last with the final figures", async () => {
    const client = await openOps("", operator());
    const tenant = await createTestTenant();
    const live = await call("/v2/events/stream?after=latest", {
      headers: { upgrade: "websocket", ...bearer(tenant.viewerKey) },
    });
    const socket = live.webSocket as WebSocket;
    socket.accept();
    await client.about(tenant.id);
    const before = client.reports.filter((r) => r.tenant_id === tenant.id).length;
    for (let i = 0; i < 5; i++) await createBook(tenant.editorKey);
    await until(
      () => client.reports.some((r) => r.tenant_id === tenant.id && r.messages_pushed === 5),
      "a report with the five messages pushed",
    );
    const burst = client.reports.filter((r) => r.tenant_id === tenant.id).slice(before);
    // Five commits in well under two seconds: one report now, one trailing at most per second.
    expect(burst.length).toBeLessThanOrEqual(3);
    socket.close(1000, "done");
    client.socket.close(1000, "done");
  });

  it("stops hearing of commits a minute after the last console closed, and a resume across that starts with reset", async () => {
    const first = await openOps("", operator());
    await until(() => first.reports.length >= 1, "the reset");
    const tenant = await createTestTenant();
    await createBook(tenant.editorKey);
    const [seen] = await first.about(tenant.id);
    first.socket.close(1000, "away");
    type OpsState = { replay: string[]; lastWatchedAt: number; ctx: DurableObjectState };
    // Reports about this tenant only: the ops hub is one object for the whole isolate, and other
    // tenants' hubs may still report (each learns that nobody watches from its own report).
    const state = () =>
      runInDurableObject(opsHub(), (instance) => {
        const ops = instance as unknown as OpsState;
        return {
          seq: ops.replay.filter((report) => report.includes(tenant.id)).length,
          open: ops.ctx.getWebSockets("operator").length,
        };
      });
    const deadline = Date.now() + 5000;
    while ((await state()).open > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await state()).open).toBe(0);
    // A minute without a console, as far as the ops hub can tell.
    await runInDurableObject(opsHub(), (instance) => {
      (instance as unknown as OpsState).lastWatchedAt = 0;
    });
    const before = (await state()).seq;
    await createBook(tenant.editorKey);
    // That commit is still reported (and the answer says nobody watches).
    const until2 = Date.now() + 5000;
    while ((await state()).seq === before && Date.now() < until2) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const told = await state();
    expect(told.seq).toBe(before + 1);
    // The tenant hub was told nobody watches: its next commits within 5 s are not reported.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await createBook(tenant.editorKey);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await state()).seq).toBe(told.seq);

    const resumed = await openOps(`after=${seen?.id}`, operator());
    await until(() => resumed.reports.length >= 1, "the reset");
    expect(resumed.reports[0]?.type).toBe("reset");
    resumed.socket.close(1000, "done");
  });

  it("answers SSE with id, event and data lines, and heartbeats at the hub's alarm", async () => {
    const response = await call("/ops/stream", {
      headers: { ...operator(), accept: "text/event-stream" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const tenant = await createTestTenant();
    await createBook(tenant.editorKey);
    const decoder = new TextDecoder();
    let text = "";
    const deadline = Date.now() + 5000;
    while (!text.includes(tenant.id) && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    expect(await runDurableObjectAlarm(opsHub())).toBe(true);
    while (!text.includes(": heartbeat") && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    await reader.cancel();
    const blocks = text.split("\n\n");
    expect(blocks.find((b) => b.includes("event: reset"))).toMatch(/^id: [0-9a-f]{8}\.\d+\n/);
    const block = blocks.find((b) => b.includes(tenant.id)) as string;
    const lines = Object.fromEntries(
      block
        .split("\n")
        .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
    );
    expect(lines.event).toBe("tenant.activity");
    expect(JSON.parse(lines.data as string)).toMatchObject({
      id: lines.id,
      type: "tenant.activity",
      tenant_id: tenant.id,
    });
    expect(text).toContain(": heartbeat");
  });

  it("closes an operator socket 4001 at the hub's next check once its token is no longer the operator token", async () => {
    const current = await openOps("", operator());
    // A socket opened with a token that has since been rotated away (its fingerprint differs).
    const answer = await opsHub().fetch("https://hub/ops/connect", {
      headers: {
        upgrade: "websocket",
        "x-connect": JSON.stringify({ credential: { kind: "operator", id: "0".repeat(64) } }),
      },
    });
    expect(answer.status).toBe(101);
    const rotated = answer.webSocket as WebSocket;
    let closed: number | undefined;
    rotated.addEventListener("close", (event) => {
      closed = event.code;
    });
    rotated.accept();
    expect(await runDurableObjectAlarm(opsHub())).toBe(true);
    await until(() => closed !== undefined, "the rotated socket's close");
    expect(closed).toBe(4001);
    await until(() => current.heartbeats >= 1, "a heartbeat on the current socket");
    expect(current.closed).toBeUndefined();
    current.socket.close(1000, "done");
  });

  it("refuses no credential, a tenant's key or ticket (401), and a request that is neither WebSocket nor SSE (400)", async () => {
    const tenant = await createTestTenant();
    const none = await call("/ops/stream", { headers: { upgrade: "websocket" } });
    expect(none.status).toBe(401);
    expect((await readProblem(none)).code).toBe("unauthenticated");
    const key = await call("/ops/stream", {
      headers: { upgrade: "websocket", ...bearer(tenant.adminKey) },
    });
    expect(key.status).toBe(401);

    // A tenant's stream ticket does not open the operators' stream, nor the other way round.
    const tenantTicket = (await (
      await call("/v2/stream-tickets", { method: "POST", headers: bearer(tenant.adminKey) })
    ).json()) as { ticket: string };
    const crossed = await call(`/ops/stream?ticket=${tenantTicket.ticket}`, {
      headers: { upgrade: "websocket" },
    });
    expect(crossed.status).toBe(401);
    const opsTicket = (await (await ticket()).json()) as { ticket: string };
    const intoTenant = await call(`/v2/events/stream?ticket=${opsTicket.ticket}`, {
      headers: { upgrade: "websocket" },
    });
    expect(intoTenant.status).toBe(401);
    // Still unused: it opens the operators' stream once.
    const opened = await openOps(`ticket=${opsTicket.ticket}`);
    opened.socket.close(1000, "done");

    const plain = await call("/ops/stream", { headers: operator() });
    expect(plain.status).toBe(400);
    expect((await readProblem(plain)).code).toBe("validation_failed");
    const badAfter = await call(`/ops/stream?after=${"x".repeat(65)}`, {
      headers: { ...operator(), accept: "text/event-stream" },
    });
    expect(badAfter.status).toBe(400);
    expect(badAfter.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("event_hub_behind", () => {
  interface Health {
    alerts: Array<{ rule: string; tenant_id?: string; value: number | null; threshold: number }>;
  }
  const health = async (path: string) => {
    const response = await call(path, { headers: operator() });
    expect(response.status).toBe(200);
    return ((await response.json()) as Health).alerts.filter((a) => a.rule === "event_hub_behind");
  };

  it("fires for a tenant whose hub is more than 100 events behind its log, and stops once it has pushed them", async () => {
    const tenant = await createTestTenant();
    const quiet = await createTestTenant();
    const response = await call("/v2/events/stream?after=latest", {
      headers: { upgrade: "websocket", ...bearer(tenant.viewerKey) },
    });
    const socket = response.webSocket as WebSocket;
    let received = 0;
    socket.addEventListener("message", (message) => {
      if (!String(message.data).includes('"heartbeat"')) received += 1;
    });
    socket.accept();
    // 150 events committed behind the relay's back: no notification, the hub stays behind.
    await withOwnerSql((sql) => insertEvents(sql, tenant.id, 150));

    expect(await health(`/admin/ops/tenants/${tenant.id}/health`)).toEqual([
      expect.objectContaining({ tenant_id: tenant.id, value: 150, threshold: 100 }),
    ]);
    expect(await health(`/admin/ops/tenants/${quiet.id}/health`)).toEqual([]);
    // Platform-wide: the ops hub knows which tenants have sockets open (from their reports).
    let everyTenant: Awaited<ReturnType<typeof health>> = [];
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      everyTenant = await health("/admin/ops/health");
      if (everyTenant.some((a) => a.tenant_id === tenant.id)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(everyTenant).toContainEqual(
      expect.objectContaining({ tenant_id: tenant.id, value: 150 }),
    );
    const live = await call(`/admin/ops/tenants/${tenant.id}/live`, { headers: operator() });
    expect(await live.json()).toMatchObject({ lag_events: 150, log_position: 150 });

    // The hub's next pump (a notification, or its alarm) catches up: the alert stops.
    await notifyHub(env, tenant.id);
    await until(() => received === 150, "the 150 events");
    expect(await health(`/admin/ops/tenants/${tenant.id}/health`)).toEqual([]);
    expect((await health("/admin/ops/health")).map((a) => a.tenant_id)).not.toContain(tenant.id);
    socket.close(1000, "done");
  });

  it("is a ticket above the threshold, not at it", () => {
    const rules = (lag: number) =>
      firingAlerts({
        now: Date.now(),
        crons: [],
        oldestUndispatchedSeconds: null,
        deadLettersLastHour: 0,
        hubLags: [{ tenant_id: "ten_x", lag_events: lag }],
      }).filter((a) => a.rule === "event_hub_behind");
    expect(rules(100)).toEqual([]);
    expect(rules(101)).toEqual([
      expect.objectContaining({ severity: "ticket", tenant_id: "ten_x", value: 101 }),
    ]);
  });
});
