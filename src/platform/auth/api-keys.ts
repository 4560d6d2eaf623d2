/** `sk_live_`/`sk_test_` + base64url of 32 random bytes (256 bits of entropy). */
export const API_KEY_PATTERN = /^sk_(live|test)_[A-Za-z0-9_-]{43}$/;

/**
 * 43 base64url characters carry 258 bits; the last one holds the key's final 4 bits and two zero
 * bits, so only these 16 characters can end a key `generateApiKey` issued (every key ever issued
 * was made by it). Any other last character is an impossible key, refused without a lookup.
 */
const CANONICAL_LAST_CHARACTER = /[AEIMQUYcgkosw048]$/;

/** True when `token` has the API key shape and could have been issued (canonical base64url). */
export function isIssuableApiKey(token: string): boolean {
  return API_KEY_PATTERN.test(token) && CANONICAL_LAST_CHARACTER.test(token);
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** SHA-256 of the whole key, hex: the only form in which a key is stored. */
export async function hashApiKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A new API key: the secret (shown once), the prefix lists may show, and the stored hash. */
export async function generateApiKey(mode: "live" | "test") {
  const key = `sk_${mode}_${base64url(crypto.getRandomValues(new Uint8Array(32)))}`;
  return { key, prefix: key.slice(0, 12), hash: await hashApiKey(key) };
}
