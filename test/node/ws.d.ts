// The slice of the `ws` package (a devDependency without bundled types) that the Neon WebSocket
// proxy uses. Replace with @types/ws if the project ever adds it.
declare module "ws" {
  import type { EventEmitter } from "node:events";
  import type { IncomingMessage } from "node:http";
  import type { AddressInfo } from "node:net";

  export class WebSocket extends EventEmitter {
    constructor(address: string);
    send(data: Uint8Array | string): void;
    close(code?: number, reason?: string): void;
    terminate(): void;
    on(event: "message", listener: (data: Buffer, isBinary: boolean) => void): this;
    on(event: "open", listener: () => void): this;
    on(event: "close", listener: (code: number, reason: Buffer) => void): this;
    on(event: "error", listener: (error: Error) => void): this;
  }

  export class WebSocketServer extends EventEmitter {
    constructor(options: { host?: string; port?: number });
    readonly clients: Set<WebSocket>;
    address(): AddressInfo | string | null;
    close(callback?: (error?: Error) => void): void;
    on(event: "connection", listener: (socket: WebSocket, request: IncomingMessage) => void): this;
    on(event: "listening", listener: () => void): this;
    on(event: "error", listener: (error: Error) => void): this;
  }
}
