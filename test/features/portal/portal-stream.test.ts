/**
 * The webhook portal's live attempts (GET /portal/stream): a delivery to the local receiver is
 * pushed to the portal sockets following its endpoint, as an `attempt` without payload or response;
 * a socket following another endpoint, another tenant's portal or the tenant's event stream gets
 * nothing of it. A portal token opens this stream for its own tenant's endpoints only, and never
 * the tenant's event stream or its tickets.
 */
import { env, runDurableObjectAlarm } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { signPortalToken } from "../../../src/platform/auth/portal-token";
import { relayTenant } from "../../../src/platform/webhooks/relay";
import { call, readProblem } from "../../helpers/http";
import { bearer, type TestTenant } from "../../helpers/tenant";
import { openStream } from "../events/stream-fixtures";
import { pump, recordEvents, runBatch, webhookEnv } from "../webhooks/delivery-fixtures";
import { adminCall, endpointTo, fastTenant } from "../webhooks/fixtures";

type Harness = ReturnType<typeof webhookEnv>;

interface AttemptMessage {
  id: string;
  type: string;
  endpoint_id: string;
  delivery_id: string;
  event_id: string;
  status: string;
  status_code: number | null;
  at: string;
}

const BOOK = { type: "book.created" as const, data: { id: "book_1", title: "Dune" } };

async function mintToken(harness: Harness, tenant: TestTenant): Promise<string> {
  const response = await adminCall(harness, tenant, "/portal-tokens", "POST", {});
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

/** A portal socket on GET /portal/stream: the messages it got (heartbeats aside) and its close. */
async function openPortal(harness: Harness, token: string, endpoints: string[]) {
  const response = await call(
    `/portal/stream?endpoints=${endpoints.join(",")}`,
    { headers: { upgrade: "websocket", ...bearer(token) } },
    harness.bindings,
  );
  if (response.status !== 101) {
    throw new Error(`portal stream answered ${response.status}: ${await response.text()}`);
  }
  const socket = response.webSocket as WebSocket;
  socket.accept();
  const client = {
    socket,
    messages: [] as AttemptMessage[],
    closed: undefined as { code: number; reason: string } | undefined,
    async until(check: () => boolean, what: string, ms = 5000) {
      const deadline = Date.now() + ms;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
  socket.addEventListener("message", (message) => {
    const parsed = JSON.parse(String(message.data)) as AttemptMessage;
    if (parsed.type !== "heartbeat") client.messages.push(parsed);
  });
  socket.addEventListener("close", (event) => {
    client.closed = { code: event.code, reason: event.reason };
  });
  return client;
}

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status, await response.clone().text()).toBe(status);
  expect((await readProblem(response)).code).toBe(code);
}

describe("GET /portal/stream: the portal's live attempts", () => {
  it("pushes a delivery's attempt to the portal sockets of its endpoint, and to no other", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const other = await fastTenant();
    const followed = await endpointTo(harness, tenant, {
      default: { status: 200, body: "secret-looking receiver answer" },
    });
    // Same tenant, another endpoint: subscribed to orders only, so the book goes to `followed`.
    const elsewhere = await endpointTo(
      harness,
      tenant,
      { default: { status: 200 } },
      { event_types: ["order.created"] },
    );
    const othersEndpoint = await endpointTo(harness, other, { default: { status: 200 } });
    const token = await mintToken(harness, tenant);
    const othersToken = await mintToken(harness, other);

    const portal = await openPortal(harness, token, [followed.id]);
    const otherEndpointPortal = await openPortal(harness, token, [elsewhere.id]);
    const otherTenantPortal = await openPortal(harness, othersToken, [othersEndpoint.id]);
    // The tenant's own event stream (an admin API key) carries events, never attempts.
    const events = await openStream("after=latest", bearer(tenant.adminKey));

    const [eventId] = await recordEvents(tenant.id, [BOOK]);
    expect(await relayTenant(harness.env, tenant.id)).toBe(1);
    await pump(harness);

    await portal.until(() => portal.messages.length >= 1, "the attempt on the portal socket");
    const [attempt] = portal.messages;
    const page = (await (
      await adminCall(harness, tenant, `/webhook-endpoints/${followed.id}/attempts`)
    ).json()) as { data: Array<{ delivery_id: string; status_code: number }> };
    expect(page.data).toHaveLength(1);
    expect(attempt).toMatchObject({
      type: "attempt",
      endpoint_id: followed.id,
      delivery_id: page.data[0]?.delivery_id,
      event_id: eventId,
      status: "delivered",
      status_code: 200,
    });
    expect(Math.abs(Date.parse(attempt?.at ?? "") - Date.now())).toBeLessThan(60_000);
    // No payload, no response excerpt, no secret.
    const text = JSON.stringify(attempt);
    expect(text).not.toContain("Dune");
    expect(text).not.toContain("secret-looking");
    expect(text).not.toContain(followed.secret);

    await events.received(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(portal.messages).toHaveLength(1);
    expect(otherEndpointPortal.messages).toEqual([]);
    expect(otherTenantPortal.messages).toEqual([]);
    expect(events.items.map((item) => item.event.type)).toEqual(["book.created"]);
    expect(JSON.stringify(events.items)).not.toContain('"attempt"');
    for (const client of [portal, otherEndpointPortal, otherTenantPortal]) {
      client.socket.close(1000, "done");
    }
    events.socket.close(1000, "done");
  });

  it("pushes failed attempts and each retry, once per attempt, also over SSE", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, {
      script: [{ status: 500, body: "down" }],
      default: { status: 200 },
    });
    const token = await mintToken(harness, tenant);
    const response = await call(
      `/portal/stream?endpoints=${endpoint.id}`,
      { headers: { accept: "text/event-stream", ...bearer(token) } },
      harness.bindings,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = (response.body as ReadableStream<Uint8Array>)
      .pipeThrough(new TextDecoderStream())
      .getReader();
    let text = "";
    const readUntil = async (check: () => boolean) => {
      const deadline = Date.now() + 5000;
      while (!check()) {
        if (Date.now() > deadline) throw new Error(`SSE so far: ${text}`);
        const { value, done } = await reader.read();
        if (done) throw new Error(`SSE ended: ${text}`);
        text += value;
      }
    };
    await readUntil(() => text.includes(": connected"));

    await recordEvents(tenant.id, [BOOK]);
    await relayTenant(harness.env, tenant.id);
    await pump(harness);
    await readUntil(() => (text.match(/event: attempt/g) ?? []).length >= 2);
    const attempts = text
      .split("\n\n")
      .filter((block) => block.includes("event: attempt"))
      .map((block) => {
        const data = block.split("\n").find((line) => line.startsWith("data: ")) ?? "";
        const id = block.split("\n").find((line) => line.startsWith("id: ")) ?? "";
        const parsed = JSON.parse(data.slice(6)) as AttemptMessage;
        expect(id).toBe(`id: ${parsed.id}`);
        return parsed;
      });
    expect(attempts.map((a) => [a.status, a.status_code])).toEqual([
      ["failed", 500],
      ["delivered", 200],
    ]);
    expect(new Set(attempts.map((a) => a.delivery_id)).size).toBe(1);
    await reader.cancel();
  });

  it("never fails a delivery when the hub cannot be told (unreachable or throwing)", async () => {
    for (const broken of [
      { idFromName: () => ({}), get: () => ({ fetch: () => Promise.reject(new Error("down")) }) },
      {
        idFromName: () => {
          throw new Error("no hub binding");
        },
        get: () => {
          throw new Error("no hub binding");
        },
      },
    ]) {
      const setup = webhookEnv();
      const tenant = await fastTenant();
      const endpoint = await endpointTo(setup, tenant, { default: { status: 200 } });
      const harness = webhookEnv({ EVENT_HUB: broken });
      await recordEvents(tenant.id, [BOOK]);
      await relayTenant(setup.env, tenant.id);
      const messages = setup.queue.take();
      expect(messages).toHaveLength(1);
      const results = await runBatch(
        "shelfwise-webhooks",
        messages.map((m) => ({ body: m.body })),
        harness.env,
      );
      expect(results.map((r) => [r.acked, r.retried])).toEqual([[true, false]]);
      const page = (await (
        await adminCall(setup, tenant, `/webhook-endpoints/${endpoint.id}/attempts`)
      ).json()) as { data: Array<{ status_code: number }> };
      expect(page.data.map((a) => a.status_code)).toEqual([200]);
    }
  });

  it("refuses a portal token on the tenant's event stream and its tickets", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const token = await mintToken(harness, tenant);
    const asked: Array<Record<string, string>> = [
      { upgrade: "websocket" },
      { accept: "text/event-stream" },
    ];
    for (const headers of asked) {
      await expectProblem(
        await call("/v2/events/stream?after=latest", { headers: { ...headers, ...bearer(token) } }),
        403,
        "insufficient_scope",
      );
    }
    await expectProblem(
      await call("/v2/stream-tickets", { method: "POST", headers: bearer(token) }),
      403,
      "insufficient_scope",
    );
    await expectProblem(
      await call("/v2/events/feed?after=latest", { headers: bearer(token) }),
      403,
      "insufficient_scope",
    );
  });

  it("opens only for the token's own tenant's endpoints, for admins and portal tokens", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const other = await fastTenant();
    const own = await endpointTo(harness, tenant, { default: { status: 200 } });
    const theirs = await endpointTo(harness, other, { default: { status: 200 } });
    const token = await mintToken(harness, tenant);
    const open = (endpoints: string, headers: Record<string, string>) =>
      call(
        `/portal/stream?endpoints=${endpoints}`,
        { headers: { accept: "text/event-stream", ...headers } },
        harness.bindings,
      );

    // Another tenant's endpoint, alone or beside its own: 404, as for any credential.
    await expectProblem(await open(theirs.id, bearer(token)), 404, "not_found");
    await expectProblem(await open(`${own.id},${theirs.id}`, bearer(token)), 404, "not_found");
    await expectProblem(await open("whep_not_an_id", bearer(token)), 404, "not_found");
    // The other tenant's admin cannot follow this tenant's endpoint either.
    await expectProblem(await open(own.id, bearer(other.adminKey)), 404, "not_found");
    // No credential, a forged or an expired portal token: 401.
    await expectProblem(await open(own.id, {}), 401, "unauthenticated");
    await expectProblem(await open(own.id, bearer(`${token}x`)), 401, "unauthenticated");
    const now = Math.floor(Date.now() / 1000);
    const expired = await signPortalToken(env.URL_SIGNING_KEY, {
      tenant: tenant.id,
      mintedBy: `api_key:${tenant.adminKeyId}`,
      jti: "ptok_expired",
      issuedAt: now - 3600,
      expiresAt: now - 60,
    });
    await expectProblem(await open(own.id, bearer(expired)), 401, "unauthenticated");
    // Editors and viewers: 403 (the attempts are admin-only, as GET …/attempts).
    await expectProblem(await open(own.id, bearer(tenant.viewerKey)), 403, "forbidden");
    // Bad queries: no endpoint, more than 20, neither a WebSocket nor SSE.
    await expectProblem(await open("", bearer(token)), 400, "validation_failed");
    const tooMany = Array.from({ length: 21 }, (_, i) => `whep_${i}`).join(",");
    await expectProblem(await open(tooMany, bearer(token)), 400, "validation_failed");
    await expectProblem(
      await call(`/portal/stream?endpoints=${own.id}`, { headers: bearer(token) }),
      400,
      "validation_failed",
    );

    // Its own endpoint: the stream opens (portal token and admin key alike).
    for (const credential of [token, tenant.adminKey]) {
      const response = await open(own.id, bearer(credential));
      expect(response.status).toBe(200);
      await response.body?.cancel();
    }
  });

  it("closes the portal's socket (4001) once the key that minted its token is revoked", async () => {
    const harness = webhookEnv();
    const tenant = await fastTenant();
    const endpoint = await endpointTo(harness, tenant, { default: { status: 200 } });
    const token = await mintToken(harness, tenant);
    const portal = await openPortal(harness, token, [endpoint.id]);
    // Another admin key revokes the one that minted the token.
    const created = await adminCall(harness, tenant, "/api-keys", "POST", {
      name: "second admin",
      role: "admin",
    });
    expect(created.status).toBe(201);
    const secondKey = ((await created.json()) as { key: string }).key;
    const revoked = await call(`/v2/api-keys/${tenant.adminKeyId}`, {
      method: "DELETE",
      headers: bearer(secondKey),
    });
    expect(revoked.status, await revoked.clone().text()).toBeLessThan(300);
    const hub = env.EVENT_HUB.get(env.EVENT_HUB.idFromName(tenant.id));
    await runDurableObjectAlarm(hub);
    await portal.until(() => portal.closed !== undefined, "the close");
    expect(portal.closed?.code).toBe(4001);
  });
});
