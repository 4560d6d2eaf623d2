import { connect } from "cloudflare:sockets";
import { Buffer } from "node:buffer";
import { EventEmitter } from "node:events";

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
