import { AppError } from "../../platform/errors";
import { describeError, log } from "../../platform/observability/logger";
import { tooLarge } from "./limits";

/** A stream on its way to R2, with what was learned while it passed. */
export interface MeteredStream {
  /** Fixed-length readable side: R2 accepts it without buffering. */
  readable: ReadableStream<Uint8Array>;
  /** Bytes seen so far. */
  bytes(): number;
  /** The hex SHA-256 of everything that passed, once the stream is done. */
  sha256(): Promise<string>;
  /**
   * The AppError that stopped the stream (over the limit, shorter than declared, the client gone
   * mid-body), if any: the client's fault, whatever the store's own error said.
   */
  failure(): AppError | undefined;
}

const toHex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * Pipes `body` through a byte counter that enforces `limit` and feeds a `crypto.DigestStream`
 * (SHA-256), into a `FixedLengthStream` of `length` bytes. Nothing is buffered beyond the chunk in
 * flight, so memory stays flat whatever the file size.
 */
export function meter(
  body: ReadableStream<Uint8Array>,
  length: number,
  limit: number,
): MeteredStream {
  const digest = new crypto.DigestStream("SHA-256");
  const digestWriter = digest.getWriter();
  // A stream that fails midway never gets its digest read: that rejection is expected.
  digest.digest.catch(() => {});
  let seen = 0;
  let failure: AppError | undefined;
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    async transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > limit) {
        failure = tooLarge(limit);
        digestWriter.abort(failure).catch(() => {});
        throw failure;
      }
      if (seen > length) {
        failure = new AppError("validation_failed", "The body is longer than its Content-Length.");
        digestWriter.abort(failure).catch(() => {});
        throw failure;
      }
      await digestWriter.write(chunk);
      controller.enqueue(chunk);
    },
    async flush() {
      if (seen !== length) {
        failure = new AppError("validation_failed", "The body is shorter than its Content-Length.");
        digestWriter.abort(failure).catch(() => {});
        throw failure;
      }
      await digestWriter.close();
    },
  });
  const client = watchClient(body, (error) => {
    failure ??= clientGone();
    log("info", "client closed the connection mid-body", describeError(error));
  });
  const readable = client.pipeThrough(counter).pipeThrough(new FixedLengthStream(length));
  return {
    readable,
    bytes: () => seen,
    sha256: async () => toHex(await digest.digest),
    failure: () => failure,
  };
}

const clientGone = () =>
  new AppError(
    "validation_failed",
    "The body ended before its Content-Length: the connection was closed mid-upload.",
  );

/**
 * The client's body, reporting a failure to read it (the client dropped the connection) before
 * passing it on. The runtime words a dropped client ("Network connection lost.") as it words a
 * lost database socket, so only where the error came from tells a client's disconnect (a 400,
 * logged at info) from an outage (a 503 and an alarm).
 */
function watchClient(
  body: ReadableStream<Uint8Array>,
  onLost: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        onLost(error);
        controller.error(clientGone());
        return;
      }
      if (chunk.done) controller.close();
      else controller.enqueue(chunk.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** The hex SHA-256 of a stream (e.g. an object read back from R2), without buffering it. */
export async function sha256OfStream(stream: ReadableStream): Promise<string> {
  const digest = new crypto.DigestStream("SHA-256");
  await stream.pipeTo(digest);
  return toHex(await digest.digest);
}

/** The hex SHA-256 of bytes in memory. */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest("SHA-256", bytes));
}
