import { AppError } from "../../platform/errors";
import { tooLarge } from "./limits";

/** A stream on its way to R2, with what was learned while it passed. */
export interface MeteredStream {
  /** Fixed-length readable side: R2 accepts it without buffering. */
  readable: ReadableStream<Uint8Array>;
  /** Bytes seen so far. */
  bytes(): number;
  /** The hex SHA-256 of everything that passed, once the stream is done. */
  sha256(): Promise<string>;
  /** The AppError that stopped the stream (over the limit, shorter than declared), if any. */
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
  const readable = body.pipeThrough(counter).pipeThrough(new FixedLengthStream(length));
  return {
    readable,
    bytes: () => seen,
    sha256: async () => toHex(await digest.digest),
    failure: () => failure,
  };
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
