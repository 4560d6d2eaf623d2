import { AppError } from "../errors";

/** 1–255 printable ASCII characters (space allowed inside), as API.md promises. */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;

/** The validated Idempotency-Key, or a 400 `invalid_idempotency_key`. */
export function parseIdempotencyKey(value: string): string {
  if (!KEY_PATTERN.test(value) || value.trim() === "") {
    throw new AppError(
      "invalid_idempotency_key",
      "Idempotency-Key must be 1 to 255 printable ASCII characters.",
    );
  }
  return value;
}

/** JSON with object keys sorted at every level, so key order does not change the fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 (hex) of method, path with query, and the canonical body: JSON bodies are compared by
 * meaning (key order and whitespace do not matter), anything else byte for byte.
 */
export async function requestFingerprint(
  method: string,
  pathWithQuery: string,
  body: ArrayBuffer,
): Promise<string> {
  let bodyPart: Uint8Array = new Uint8Array(body);
  if (bodyPart.byteLength > 0) {
    try {
      const parsed = JSON.parse(
        new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bodyPart),
      );
      bodyPart = new TextEncoder().encode(`json:${canonicalJson(parsed)}`);
    } catch {
      // not JSON: the raw bytes are the body's identity
    }
  }
  const head = new TextEncoder().encode(`${method.toUpperCase()}\n${pathWithQuery}\n`);
  const data = new Uint8Array(head.byteLength + bodyPart.byteLength);
  data.set(head, 0);
  data.set(bodyPart, head.byteLength);
  const digest = await crypto.subtle.digest("SHA-256", data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * What identifies a streamed (non-JSON) body, such as a file upload, without reading it: its
 * media type, its length and, when the client sends one, its `Content-Digest` (RFC 9530). Reading
 * the body to hash it would buffer the whole file in memory, which uploads must never do.
 */
export function streamedBodyIdentity(headers: Headers): ArrayBuffer | undefined {
  const type = headers.get("content-type") ?? "";
  if (type === "" || /[/+]json\b/i.test(type)) return undefined;
  const identity = [
    "stream",
    type,
    headers.get("content-length") ?? "",
    headers.get("content-digest") ?? "",
  ].join("\n");
  return new TextEncoder().encode(identity).buffer as ArrayBuffer;
}
