import { connect } from "cloudflare:sockets";
import { Buffer } from "node:buffer";
import { EventEmitter } from "node:events";

/**
 * A statement that only waits for the connection to be ready: answered by the socket itself.
 *
 * postgres.js sends the first statement on a new connection alone, right after start-up, and the
 * statements queued behind it only once that one is answered (then half of them, then the rest:
 * its pool counts the connection as still connecting). On a per-request client every request's
 * first transaction paid for that in round trips. This probe is that first statement: the socket
 * answers it as Postgres would (an empty query: EmptyQueryResponse, ReadyForQuery idle) without
 * sending it, so after start-up the driver holds an open, idle connection and everything behind it
 * is pipelined. Sent to a real server by any other socket, it is a harmless empty query.
 */
export const READY_PROBE = "/* shelfwise: connection ready */";

const PROBE_MESSAGE = simpleQueryMessage(READY_PROBE);
/** EmptyQueryResponse ('I'), then ReadyForQuery ('Z') with status idle ('I'). */
const PROBE_ANSWER = Buffer.from([0x49, 0, 0, 0, 4, 0x5a, 0, 0, 0, 5, 0x49]);

function simpleQueryMessage(text: string): Buffer {
  const body = Buffer.from(`${text}\0`, "utf8");
  const header = Buffer.alloc(5);
  header[0] = 0x51; // 'Q'
  header.writeUInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/**
 * A TCP socket for postgres.js over `cloudflare:sockets`, in place of the driver's own Workers
 * polyfill. The polyfill emits a second `error` after the driver has removed its listeners (a
 * read cancelled by close, or a refused connect), which Node's EventEmitter turns into an
 * unhandled rejection on every closed client. This socket emits `error` only while someone
 * listens, and emits `close` once.
 */
class WorkerSocket extends EventEmitter {
  readyState: "open" | "closed" = "open";
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;

  constructor(private readonly raw: Socket) {
    super();
    this.writer = raw.writable.getWriter();
    raw.closed.then(
      () => this.finish(),
      (error: unknown) => this.fail(error),
    );
    void this.pump();
  }

  private async pump(): Promise<void> {
    const reader = this.raw.readable.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.emit("data", Buffer.from(value));
      }
      this.finish();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    if (this.readyState === "closed") return;
    if (this.listenerCount("error") > 0) this.emit("error", error);
    this.finish();
  }

  private finish(): void {
    if (this.readyState === "closed") return;
    this.readyState = "closed";
    this.emit("close");
  }

  write(data: Uint8Array, callback?: () => void): boolean {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (bytes.subarray(0, PROBE_MESSAGE.length).equals(PROBE_MESSAGE)) {
      queueMicrotask(() => this.emit("data", Buffer.from(PROBE_ANSWER)));
      const rest = bytes.subarray(PROBE_MESSAGE.length);
      if (rest.length === 0) {
        queueMicrotask(() => callback?.());
        return true;
      }
      data = rest;
    }
    this.writer.write(data).then(
      () => callback?.(),
      (error: unknown) => this.fail(error),
    );
    return true;
  }

  end(data?: Uint8Array): void {
    const close = () => {
      this.raw.close().catch(() => {});
    };
    if (data) this.write(data, close);
    else close();
  }

  destroy(): void {
    this.end();
  }
}

/** postgres.js `socket` option: opens the TCP connection and resolves once it is established. */
export async function openWorkerSocket(options: {
  host: string[];
  port: number[];
}): Promise<WorkerSocket> {
  const raw = connect({ hostname: options.host[0] ?? "localhost", port: options.port[0] ?? 5432 });
  await raw.opened;
  return new WorkerSocket(raw);
}
