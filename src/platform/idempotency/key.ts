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

/** A literal piece of canonical JSON on the serializer's stack (values are everything else). */
class Piece {
  constructor(readonly text: string) {}
}
const COMMA = new Piece(",");
const CLOSE_ARRAY = new Piece("]");
const CLOSE_OBJECT = new Piece("}");

/**
 * Parsed JSON as canonical text (object keys sorted at every level, no whitespace), in pieces.
 * Iterative, with an explicit stack: a deeply nested body cannot overflow the call stack.
 */
function* canonicalJson(root: unknown): Generator<string> {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item instanceof Piece) {
      yield item.text;
    } else if (Array.isArray(item)) {
      yield "[";
      stack.push(CLOSE_ARRAY);
      for (let i = item.length - 1; i >= 0; i--) {
        stack.push(item[i]);
        if (i > 0) stack.push(COMMA);
      }
    } else if (item !== null && typeof item === "object") {
      // Own entries (not `item[key]`: a "__proto__" member would read the prototype).
      const entries = Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      yield "{";
      stack.push(CLOSE_OBJECT);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, value] = entries[i] as [string, unknown];
        stack.push(value);
        stack.push(new Piece(`${JSON.stringify(key)}:`));
        if (i > 0) stack.push(COMMA);
      }
    } else {
      yield JSON.stringify(item);
    }
  }
}

/** Pieces are hashed in chunks of about this many characters: never one copy of a large body. */
const HASH_CHUNK_CHARS = 64 * 1024;

/** Hex SHA-256 of the concatenated pieces, fed to a DigestStream chunk by chunk. */
async function sha256OfPieces(pieces: Iterable<string>): Promise<string> {
  const digest = new crypto.DigestStream("SHA-256");
  const writer = digest.getWriter();
  const encoder = new TextEncoder();
  let pending = "";
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= HASH_CHUNK_CHARS) {
      await writer.write(encoder.encode(pending));
      pending = "";
    }
  }
  if (pending !== "") await writer.write(encoder.encode(pending));
  await writer.close();
  const hash = new Uint8Array(await digest.digest);
  return [...hash].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** What identifies a request's body: read text (bounded by the body limit), or a streamed body's identity. */
export type BodyIdentity = { text: string } | { streamed: string };

/** Everything a key's request is compared by. */
export interface FingerprintInput {
  method: string;
  pathWithQuery: string;
  tenantId: string;
  credentialId: string;
  body: BodyIdentity;
}

/**
 * SHA-256 (hex) of the scope (tenant, credential), method, path with query and the body: JSON
 * bodies are compared by meaning (key order and whitespace do not matter), other text as is, and
 * streamed bodies by their identity. The scope is part of it so that a record read under the
 * wrong credential could never match. Hashed incrementally, never as one copy of the body.
 */
export async function requestFingerprint(input: FingerprintInput): Promise<string> {
  const head = `${JSON.stringify([
    input.tenantId,
    input.credentialId,
    input.method.toUpperCase(),
    input.pathWithQuery,
  ])}\n`;
  const { body } = input;
  if ("streamed" in body) return sha256OfPieces([head, "stream:", body.streamed]);
  let parsed: { value: unknown } | undefined;
  if (body.text !== "") {
    try {
      parsed = { value: JSON.parse(body.text) };
    } catch {
      // not JSON: the text is the body's identity
    }
  }
  if (!parsed) return sha256OfPieces([head, "text:", body.text]);
  const json = parsed.value;
  return sha256OfPieces(
    (function* () {
      yield head;
      yield "json:";
      yield* canonicalJson(json);
    })(),
  );
}

/**
 * What identifies a streamed body, such as a file upload, without reading it: its media type, its
 * length and, when the client sends one, its `Content-Digest` (RFC 9530). Reading the body to hash
 * it would buffer the whole file in memory, which uploads must never do, whatever their type.
 */
export function streamedBodyIdentity(headers: Headers): string {
  return JSON.stringify([
    headers.get("content-type") ?? "",
    headers.get("content-length") ?? "",
    headers.get("content-digest") ?? "",
  ]);
}
