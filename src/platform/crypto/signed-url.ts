/**
 * Signed, expiring download URLs: an HMAC-SHA256 (key: the URL_SIGNING_KEY secret) over what the
 * URL grants — its kind, the tenant, the object and the expiry — so changing any of them, or
 * waiting past the expiry, breaks the URL. Verification is constant time (`crypto.subtle.verify`).
 */

/** What a signed URL grants. `object` is a file id, or `{export_id}/{file name}`. */
export interface DownloadGrant {
  kind: "file" | "export";
  tenantId: string;
  object: string;
  /** Unix seconds after which the URL no longer works. */
  expiresAt: number;
}

const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(base64Key: string): Promise<CryptoKey> {
  let key = keys.get(base64Key);
  if (!key) {
    const raw = Uint8Array.from(atob(base64Key), (ch) => ch.charCodeAt(0));
    key = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ]);
    keys.set(base64Key, key);
  }
  return key;
}

// Newline-separated: none of the fields can contain a newline (ids, digits, checked names).
const message = (grant: DownloadGrant) =>
  new TextEncoder().encode(
    `shelfwise-download-v1\n${grant.kind}\n${grant.tenantId}\n${grant.object}\n${grant.expiresAt}`,
  );

function toBase64Url(bytes: ArrayBuffer): string {
  let binary = "";
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(value: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(value)) return null;
  const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

/** The base64url HMAC of a grant. */
export async function signGrant(base64Key: string, grant: DownloadGrant): Promise<string> {
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(base64Key), message(grant));
  return toBase64Url(signature);
}

/** True when `signature` is the grant's HMAC and the grant has not expired. */
export async function verifyGrant(
  base64Key: string,
  grant: DownloadGrant,
  signature: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<boolean> {
  const bytes = fromBase64Url(signature);
  if (!bytes || !Number.isSafeInteger(grant.expiresAt)) return false;
  const valid = await crypto.subtle.verify("HMAC", await hmacKey(base64Key), bytes, message(grant));
  return valid && grant.expiresAt >= nowSeconds;
}

/** Builds the public URL of a grant: `{origin}/downloads/{kind}s?t=…&o=…&e=…&s=…`. */
export async function signedDownloadUrl(
  origin: string,
  base64Key: string,
  grant: DownloadGrant,
): Promise<string> {
  const url = new URL(`/downloads/${grant.kind}s`, origin);
  url.searchParams.set("t", grant.tenantId);
  url.searchParams.set("o", grant.object);
  url.searchParams.set("e", String(grant.expiresAt));
  url.searchParams.set("s", await signGrant(base64Key, grant));
  return url.toString();
}
