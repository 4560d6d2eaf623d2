import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { databaseAddress, type NeonWsProxy, startNeonWsProxy } from "./neon-ws-proxy";

let echo: Server;
let echoAddress = "";
let proxy: NeonWsProxy;

beforeAll(async () => {
  echo = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  const bound = echo.address();
  if (!bound || typeof bound === "string") throw new Error("echo server did not bind");
  echoAddress = `127.0.0.1:${bound.port}`;
  proxy = await startNeonWsProxy({ allow: [echoAddress] });
});

afterAll(async () => {
  await proxy.stop();
  await new Promise((resolve) => echo.close(resolve));
});

function open(address: string) {
  return new WebSocket(`ws://${proxy.address}/v1?address=${address}`);
}

describe("the Neon WebSocket proxy used in development and tests", () => {
  it("relays binary frames to the allowed address and back", async () => {
    const ws = open(echoAddress);
    const reply = await new Promise<Buffer>((resolve, reject) => {
      ws.on("open", () => ws.send(new Uint8Array([0, 1, 2, 250])));
      ws.on("message", (data) => resolve(data));
      ws.on("error", reject);
    });
    expect([...reply]).toEqual([0, 1, 2, 250]);
    ws.close();
  });

  it("refuses any other address, so it is no open relay", async () => {
    const ws = open("127.0.0.1:22");
    const code = await new Promise<number>((resolve) => ws.on("close", (c) => resolve(c)));
    expect(code).toBe(1008);
  });

  it("names a database by the host:port the driver sends", () => {
    expect(databaseAddress("postgres://u:p@127.0.0.1:5433/db")).toBe("127.0.0.1:5433");
    expect(databaseAddress("postgres://u@localhost/db")).toBe("localhost:5432");
  });
});
