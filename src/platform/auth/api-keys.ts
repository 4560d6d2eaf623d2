import { env } from "cloudflare:workers";
import { type Config, getConfig } from "../../env";
import {
  type ApiKeyMacSecrets,
  type ApiKeyMacSigner,
  base64url,
  KEY_RANDOM_BYTES,
  KEY_TAG_BYTES,
  keyTag,
  verifyKeyTag,
} from "./key-mac";

/**
 * The keys issued now: `sk_live_`/`sk_test_` + base64url of 32 random bytes followed by their
 * 16-byte tag (key-mac.ts), 64 characters. The tag is checked before any lookup.
 */
export const API_KEY_PATTERN = /^sk_(live|test)_[A-Za-z0-9_-]{64}$/;

/**
 * The keys issued before tags: `sk_live_`/`sk_test_` + base64url of 32 random bytes (256 bits),
 * 43 characters. They keep working; only a tagged key passes an address block by its tag.
 */
export const LEGACY_API_KEY_PATTERN = /^sk_(live|test)_[A-Za-z0-9_-]{43}$/;

/** `sk_live_`/`sk_test_`: the part of a key its tag covers besides the random bytes. */
const MODE_PREFIX_LENGTH = "sk_live_".length;

/**
 * 43 base64url characters carry 258 bits; the last one holds the key's final 4 bits and two zero
 * bits, so only these 16 characters can end a key issued in the legacy format (every one was
 * made by the generator of the time). Any other last character is an impossible key, refused
 * without a lookup.
 */
const CANONICAL_LAST_CHARACTER = /[AEIMQUYcgkosw048]$/;

/** True when `token` has the legacy key shape and could have been issued (canonical base64url). */
export function isIssuableLegacyApiKey(token: string): boolean {
  return LEGACY_API_KEY_PATTERN.test(token) && CANONICAL_LAST_CHARACTER.test(token);
}

/** The secrets tags verify under, from the validated configuration. */
export function apiKeyMacSecrets(
  config: Pick<Config, "API_KEY_MAC_KEY" | "API_KEY_MAC_KEY_PREVIOUS">,
): ApiKeyMacSecrets {
  return { current: config.API_KEY_MAC_KEY, previous: config.API_KEY_MAC_KEY_PREVIOUS };
}

/**
 * The secret a tagged key (API_KEY_PATTERN) verifies under, or null when its tag is forged or it
 * is not a tagged key. Costs one or two HMACs and no lookup.
 */
export function verifyApiKeyMac(
  token: string,
  secrets: ApiKeyMacSecrets,
): Promise<ApiKeyMacSigner | null> {
  if (!API_KEY_PATTERN.test(token)) return Promise.resolve(null);
  return verifyKeyTag(secrets, token.slice(0, MODE_PREFIX_LENGTH), token.slice(MODE_PREFIX_LENGTH));
}

/** SHA-256 of the whole key, hex: the only form in which a key is stored. */
export async function hashApiKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(key));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The secret new keys are tagged with. Read from the Worker's env (`cloudflare:workers`) because
 * keys are minted inside transactions whose callers, tenant provisioning among them, carry no env.
 */
function issuingSecret(): string {
  return getConfig(env).API_KEY_MAC_KEY;
}

/**
 * A new API key in the tagged format: the secret (shown once), the prefix lists may show
 * (`sk_live_` and 4 characters, as before) and the stored hash (SHA-256 of the whole key).
 */
export async function generateApiKey(mode: "live" | "test", macSecret: string = issuingSecret()) {
  const prefix = `sk_${mode}_`;
  const random = crypto.getRandomValues(new Uint8Array(KEY_RANDOM_BYTES));
  const body = new Uint8Array(KEY_RANDOM_BYTES + KEY_TAG_BYTES);
  body.set(random);
  body.set(await keyTag(macSecret, prefix, random), KEY_RANDOM_BYTES);
  const key = `${prefix}${base64url(body)}`;
  return { key, prefix: key.slice(0, 12), hash: await hashApiKey(key) };
}
