import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context";
import { AppError } from "./errors";

/**
 * The size limit of a request body that is not a file upload (JSON on /v2, /v1, /admin and every
 * other route): 1 MiB. The largest legitimate body (an order's lines, a tenant's limits) is a few
 * kilobytes; the limit exists so that one request cannot take an isolate's 128 MB.
 */
export const JSON_BODY_LIMIT_BYTES = 1_048_576;

/** 413 `payload_too_large` naming the limit (`limit_bytes`), as every size refusal does. */
export function bodyTooLarge(limit: number): AppError {
  return new AppError(
    "payload_too_large",
    `The request body exceeds the limit of ${limit} bytes.`,
    { extensions: { limit_bytes: limit } },
  );
}

/** Methods whose body no route reads (RFC 9110: a GET or HEAD body has no defined meaning). */
const BODYLESS_METHODS = new Set(["GET", "HEAD"]);

export interface BodyLimitOptions {
  /** The limit in bytes (default JSON_BODY_LIMIT_BYTES). */
  maxBytes?: number;
  /**
   * Requests this limit does not apply to: file uploads stream to R2 under the tenant's per-plan
   * limit, which needs the tenant and so is checked after authentication.
   */
  exempt?: (method: string, path: string) => boolean;
}

/**
 * Limits the request body before anything reads it. A `Content-Length` over the limit is refused
 * at once (before authentication and its database lookup); otherwise the body is replaced by a
 * stream that counts the bytes as they are read and fails past the limit, so a chunked body, or
 * one longer than it said, is cut off after `maxBytes` instead of being buffered whole. Whoever
 * reads it (the JSON validator, the idempotency fingerprint) fails; since the JSON validator turns
 * any read failure into a 400, the request is answered 413 whatever the inner layers made of it.
 */
export function bodyLimit(options: BodyLimitOptions = {}): MiddlewareHandler<AppEnv> {
  const maxBytes = options.maxBytes ?? JSON_BODY_LIMIT_BYTES;
  const exempt = options.exempt ?? (() => false);
  return async function bodyLimitMiddleware(c, next) {
    const body = c.req.raw.body;
    if (!body || exempt(c.req.method, c.req.path)) return next();
    // A GET or HEAD body means nothing to any route and is never read; the runtime also refuses
    // to build a GET or HEAD Request with a body, so wrapping it would turn it into a 500.
    if (BODYLESS_METHODS.has(c.req.method)) return next();

    const declared = c.req.header("content-length");
    if (declared !== undefined && /^\s*\d+\s*$/.test(declared) && Number(declared) > maxBytes) {
      throw bodyTooLarge(maxBytes);
    }

    let seen = 0;
    let exceeded = false;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) {
          exceeded = true;
          // Erroring the stream also cancels the client's body: nothing more is read.
          throw bodyTooLarge(maxBytes);
        }
        controller.enqueue(chunk);
      },
    });
    c.req.raw = new Request(c.req.raw, {
      body: body.pipeThrough(counter),
      duplex: "half",
    } as RequestInit);

    await next();
    if (exceeded) throw bodyTooLarge(maxBytes);
  };
}
