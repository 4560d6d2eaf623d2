import { connect, type Socket } from "node:net";
import { type WebSocket, WebSocketServer } from "ws";

/** A running proxy: `address` is what `NEON_WS_PROXY` / `neonConfig.wsProxy` take (no scheme). */
export interface NeonWsProxy {
  address: string;
  stop(): Promise<void>;
}

/** "host:port" of a postgres:// URL, the form the Neon driver sends in `?address=`. */
export function databaseAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}`;
}

function relay(ws: WebSocket, target: string): void {
  const colon = target.lastIndexOf(":");
  const tcp: Socket = connect({
    host: target.slice(0, colon),
    port: Number(target.slice(colon + 1)),
  });
  tcp.setNoDelay(true);
  // Writes made before the TCP connection is up are queued by net.Socket.
  ws.on("message", (data: Buffer) => {
    tcp.write(data);
  });
  tcp.on("data", (chunk) => ws.send(chunk));
  tcp.on("close", () => ws.close());
  tcp.on("error", () => ws.terminate());
  ws.on("close", () => tcp.destroy());
  ws.on("error", () => tcp.destroy());
}

/**
 * The WebSocket-to-TCP proxy `@neondatabase/serverless` needs to reach an ordinary Postgres
 * (Neon runs its own in front of its databases). It speaks the driver's plain protocol: one
 * WebSocket per connection, `?address=host:port` naming the database, binary frames carrying the
 * Postgres wire protocol both ways. Development and tests only: unencrypted, and it relays only to
 * the `allow`ed addresses so it cannot be used as an open relay.
 */
export async function startNeonWsProxy(options: { allow: string[] }): Promise<NeonWsProxy> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  server.on("connection", (ws, request) => {
    const target = new URL(request.url ?? "/", "http://proxy.invalid").searchParams.get("address");
    if (!target || !options.allow.includes(target)) {
      ws.close(1008, "address not allowed");
      return;
    }
    relay(ws, target);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const bound = server.address();
  if (!bound || typeof bound === "string") throw new Error("Neon WebSocket proxy did not bind");
  return {
    address: `127.0.0.1:${bound.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
