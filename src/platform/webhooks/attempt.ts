import { signWebhook } from "../crypto/webhook-signature";
import { checkDestination } from "../net/url-policy";
import { MAX_DELAY_SECONDS, RESPONSE_SNIPPET_BYTES, type WebhookSettings } from "./config";
import type { ReceiverHeaders } from "./receiver-headers";

/** What one delivery attempt came to. */
export interface AttemptOutcome {
  /** delivered: 2xx; gone: 410 (the endpoint is disabled); failed: anything else. */
  kind: "delivered" | "gone" | "failed";
  statusCode: number | null;
  latencyMs: number;
  /** http_error, redirect, timeout, connection_error, blocked_destination; null when delivered. */
  errorClass: string | null;
  /** The first bytes of the response, stored with the attempt. */
  snippet: string | null;
  /** A one-line reason for the delivery's last_error. */
  error: string | null;
  /** Seconds from a Retry-After on 429/503, capped at the platform's 12 h maximum delay. */
  retryAfterSeconds?: number;
}

/** Reads at most `limit` bytes of a body and drops the rest (a receiver cannot make us buffer). */
async function readCapped(response: Response, limit: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(Math.min(size, limit));
  let offset = 0;
  for (const chunk of chunks) {
    const take = Math.min(chunk.byteLength, bytes.length - offset);
    bytes.set(chunk.subarray(0, take), offset);
    offset += take;
    if (offset >= bytes.length) break;
  }
  return new TextDecoder().decode(bytes);
}

/** Retry-After as seconds (delta-seconds or an HTTP-date), capped at 12 h; undefined if absent. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  let seconds: number;
  if (/^\d+$/.test(trimmed)) seconds = Number(trimmed);
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    seconds = Math.ceil((at - now) / 1000);
  }
  return Math.min(MAX_DELAY_SECONDS, Math.max(1, seconds));
}

/**
 * One signed POST to the endpoint: the destination is re-checked against the SSRF policy first
 * (DNS may have changed since creation), redirects are not followed, the response is read up to
 * 1 KB, and the whole attempt is bounded by the delivery timeout.
 */
export async function attemptDelivery(input: {
  url: string;
  secrets: readonly string[];
  eventId: string;
  body: string;
  settings: WebhookSettings;
  /** The endpoint's receiver-authentication headers (validated at configuration). */
  headers?: ReceiverHeaders;
}): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const destination = await checkDestination(
    input.url,
    input.settings.policy,
    input.settings.resolve,
  );
  if (!destination.ok) {
    return {
      kind: "failed",
      statusCode: null,
      latencyMs: elapsed(),
      errorClass: "blocked_destination",
      snippet: null,
      error: `destination refused: ${destination.reason}`,
    };
  }
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = await signWebhook(input.secrets, input.eventId, timestamp, input.body);
  let response: Response;
  try {
    response = await fetch(destination.url, {
      method: "POST",
      headers: {
        // First, so the signature and framing headers below always win.
        ...input.headers,
        "content-type": "application/json",
        "user-agent": "Shelfwise-Webhooks/1.0",
        "webhook-id": input.eventId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signature,
      },
      body: input.body,
      redirect: "manual",
      signal: AbortSignal.timeout(input.settings.timeoutMs),
    });
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    const timedOut = name === "TimeoutError" || name === "AbortError";
    return {
      kind: "failed",
      statusCode: null,
      latencyMs: elapsed(),
      errorClass: timedOut ? "timeout" : "connection_error",
      snippet: null,
      error: timedOut
        ? `no response within ${input.settings.timeoutMs} ms`
        : "the connection to the endpoint failed",
    };
  }
  let snippet: string;
  try {
    snippet = await readCapped(response, RESPONSE_SNIPPET_BYTES);
  } catch {
    snippet = "";
  }
  const status = response.status;
  const base = { statusCode: status, latencyMs: elapsed(), snippet };
  if (status >= 200 && status < 300) {
    return { ...base, kind: "delivered", errorClass: null, error: null };
  }
  if (status === 410) {
    return { ...base, kind: "gone", errorClass: "http_error", error: "endpoint answered 410 Gone" };
  }
  if (status >= 300 && status < 400) {
    return {
      ...base,
      kind: "failed",
      errorClass: "redirect",
      error: `endpoint answered ${status} (redirects are not followed)`,
    };
  }
  const retryAfter =
    status === 429 || status === 503
      ? parseRetryAfter(response.headers.get("retry-after"))
      : undefined;
  return {
    ...base,
    kind: "failed",
    errorClass: "http_error",
    error: `endpoint answered ${status}`,
    ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
  };
}
