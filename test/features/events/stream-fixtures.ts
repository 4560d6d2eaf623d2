import { expect } from "vitest";
import { call } from "../../helpers/http";
import { typedClient } from "../../helpers/typed-client";
import type { FeedItem } from "./feed-fixtures";

/** `POST /v2/stream-tickets` through the typed client (answer typed by the route); fails on another status. */
export async function streamTicket(key: string) {
  const response = await typedClient(key).v2["stream-tickets"].$post();
  if (response.status !== 201) throw new Error(`stream ticket answered ${response.status}`);
  return response.json();
}

export interface Heartbeat {
  type: "heartbeat";
}

/** A client socket on /v2/events/stream: what it received and how it closed. */
export interface StreamClient {
  socket: WebSocket;
  items: FeedItem[];
  heartbeats: number;
  closed: { code: number; reason: string } | undefined;
  /** Waits until `count` items arrived (or the socket closed); fails after `ms`. */
  received(count: number, ms?: number): Promise<FeedItem[]>;
  /** Waits for the close; fails after `ms`. */
  closing(ms?: number): Promise<{ code: number; reason: string }>;
}

async function until(check: () => boolean, ms: number, what: string) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Opens the stream as a WebSocket with the given query and headers; asserts the upgrade. */
export async function openStream(
  query: string,
  headers: Record<string, string> = {},
): Promise<StreamClient> {
  const response = await call(`/v2/events/stream${query ? `?${query}` : ""}`, {
    headers: { upgrade: "websocket", ...headers },
  });
  if (response.status !== 101) {
    throw new Error(`stream answered ${response.status}: ${await response.text()}`);
  }
  const socket = response.webSocket as WebSocket;
  socket.accept();
  const client: StreamClient = {
    socket,
    items: [],
    heartbeats: 0,
    closed: undefined,
    async received(count, ms = 5000) {
      await until(
        () => client.items.length >= count || client.closed !== undefined,
        ms,
        `${count} items (have ${client.items.length})`,
      );
      return client.items;
    },
    async closing(ms = 5000) {
      await until(() => client.closed !== undefined, ms, "the close");
      return client.closed as { code: number; reason: string };
    },
  };
  socket.addEventListener("message", (message) => {
    const parsed = JSON.parse(String(message.data)) as FeedItem | Heartbeat;
    if ("type" in parsed && parsed.type === "heartbeat") client.heartbeats += 1;
    else client.items.push(parsed as FeedItem);
  });
  socket.addEventListener("close", (event) => {
    client.closed = { code: event.code, reason: event.reason };
  });
  return client;
}

/** Nothing more arrives for `ms` (no event meant for someone else, no duplicate). */
export async function quietFor(client: StreamClient, count: number, ms = 400) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  expect(client.items).toHaveLength(count);
}
