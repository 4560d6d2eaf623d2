import { fromBase64, toBase64 } from "./encoding";

const IV_BYTES = 12;
const keys = new Map<string, Promise<CryptoKey>>();

function importKey(keyBase64: string): Promise<CryptoKey> {
  let key = keys.get(keyBase64);
  if (!key) {
    key = crypto.subtle.importKey("raw", fromBase64(keyBase64), "AES-GCM", false, [
      "encrypt",
      "decrypt",
    ]);
    keys.set(keyBase64, key);
  }
  return key;
}

/**
 * Encrypts a secret with AES-256-GCM under the key from a Worker secret (base64 of 32 bytes).
 * `context` (e.g. the owning row's id) is bound as additional data, so a ciphertext copied onto
 * another row does not decrypt there. Returns base64 of iv || ciphertext+tag.
 */
export async function sealSecret(
  keyBase64: string,
  plaintext: string,
  context: string,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: "AES-GCM", iv, additionalData: new TextEncoder().encode(context) },
    await importKey(keyBase64),
    new TextEncoder().encode(plaintext),
  );
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return toBase64(out);
}

/** Decrypts what `sealSecret` produced; throws when the key, context or ciphertext is wrong. */
export async function openSecret(
  keyBase64: string,
  sealed: string,
  context: string,
): Promise<string> {
  const bytes = fromBase64(sealed);
  const plain = await crypto.subtle.decrypt(
    {
      name: "AES-GCM",
      iv: bytes.slice(0, IV_BYTES),
      additionalData: new TextEncoder().encode(context),
    },
    await importKey(keyBase64),
    bytes.slice(IV_BYTES),
  );
  return new TextDecoder().decode(plain);
}
