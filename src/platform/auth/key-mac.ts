/**
 * The tag an API key carries: a truncated HMAC-SHA-256, keyed by the API_KEY_MAC_KEY secret, over
 * the key's prefix (`sk_live_`/`sk_test_`) and its random part. The Worker checks it with no
 * lookup, so a made-up key is refused for free and a genuine one is told apart from a guess
 * before anything else is known about it (docs/authentication.md).
 */

/** Random bytes of a key: 256 bits, as the keys issued before tags. */
export const KEY_RANDOM_BYTES = 32;
/** Tag bytes kept: 128 bits, so a forgery is a 2^-128 guess; with the random part, 48 bytes (64 base64url characters, no padding). */
export const KEY_TAG_BYTES = 16;

/** The secrets a tag may verify under: `current` tags new keys; `previous` is being rotated out. */
export interface ApiKeyMacSecrets {
  current: string;
  previous?: string | undefined;
}

/** Which secret a key's tag verified under. */
export type ApiKeyMacSigner = "current" | "previous";

/** Imported HMAC keys by secret: a Worker has one or two secrets, tests a few more. */
const imported = new Map<string, Promise<CryptoKey>>();
const MAX_IMPORTED = 8;

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = imported.get(secret);
  if (!key) {
    if (imported.size >= MAX_IMPORTED) imported.clear();
    const raw = Uint8Array.from(atob(secret), (ch) => ch.charCodeAt(0));
    key = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    // A failed import must not stay cached for the isolate's life.
    key.catch(() => imported.delete(secret));
    imported.set(secret, key);
  }
  return key;
}

/** The truncated tag of a key's prefix and random part under one secret. */
export async function keyTag(
  secret: string,
  prefix: string,
  random: Uint8Array,
): Promise<Uint8Array> {
  const prefixBytes = new TextEncoder().encode(prefix);
  const message = new Uint8Array(prefixBytes.length + random.length);
  message.set(prefixBytes);
  message.set(random, prefixBytes.length);
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(secret), message);
  return new Uint8Array(mac, 0, KEY_TAG_BYTES);
}

/** base64url without padding. */
export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array | null {
  try {
    const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * The secret a tagged key's tag verifies under, or null for a forged key. `prefix` is the key's
 * `sk_<mode>_`, `body` the 64 characters after it. Compared in constant time, so timing does
 * not reveal how much of a guessed tag was right.
 */
export async function verifyKeyTag(
  secrets: ApiKeyMacSecrets,
  prefix: string,
  body: string,
): Promise<ApiKeyMacSigner | null> {
  const bytes = fromBase64url(body);
  if (bytes?.length !== KEY_RANDOM_BYTES + KEY_TAG_BYTES) return null;
  const random = bytes.subarray(0, KEY_RANDOM_BYTES);
  const tag = bytes.subarray(KEY_RANDOM_BYTES);
  if (crypto.subtle.timingSafeEqual(tag, await keyTag(secrets.current, prefix, random))) {
    return "current";
  }
  if (
    secrets.previous &&
    crypto.subtle.timingSafeEqual(tag, await keyTag(secrets.previous, prefix, random))
  ) {
    return "previous";
  }
  return null;
}
