import { and, eq, exists, ne, sql } from "drizzle-orm";
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, SignJWT } from "jose";
import type { Principal, TenantSnapshot } from "../context";
import { type DatabaseHandle, READ_ONLY, uncachedRead, withSystem } from "../db";
import { apiKeys, tenants } from "../db/schema";
import { activeApiKey, tenantColumns } from "./credentials";

/**
 * Portal tokens: short-lived, tenant-scoped bearer tokens an admin mints for the tenant's own
 * staff (POST /v2/portal-tokens), accepted only on the webhook portal's operations (portal-scope.ts).
 * They are JWTs signed by this Worker with HS256 under a key derived from URL_SIGNING_KEY (HKDF,
 * an `info` of their own, so no other signature of that secret can pass for one). Their `typ`
 * header sets them apart from a tenant IdP's tokens, which are never HMAC-signed.
 */
export const PORTAL_TOKEN_TYPE = "shelfwise-portal+jwt";
export const PORTAL_SCOPE = "portal";
export const PORTAL_TOKEN_DEFAULT_TTL_SECONDS = 15 * 60;
export const PORTAL_TOKEN_MIN_TTL_SECONDS = 60;
export const PORTAL_TOKEN_MAX_TTL_SECONDS = 60 * 60;
const ISSUER = "shelfwise-edge";
const AUDIENCE = "shelfwise-portal";
const KEY_INFO = "shelfwise-edge portal token signing key v1";

/** What a portal token says; `minted_by` is the minting credential as `api_key:<id>` or `jwt:<sub>`. */
export interface PortalClaims {
  tenant: string;
  mintedBy: string;
  jti: string;
  issuedAt: number;
  expiresAt: number;
}

const derivedKeys = new Map<string, Promise<Uint8Array>>();

/** The HS256 key, derived once per isolate from the base64 URL_SIGNING_KEY. */
function signingKey(secret: string): Promise<Uint8Array> {
  let key = derivedKeys.get(secret);
  if (!key) {
    key = (async () => {
      const raw = Uint8Array.from(atob(secret), (ch) => ch.charCodeAt(0));
      const base = await crypto.subtle.importKey("raw", raw, "HKDF", false, ["deriveBits"]);
      const bits = await crypto.subtle.deriveBits(
        {
          name: "HKDF",
          hash: "SHA-256",
          salt: new TextEncoder().encode(ISSUER),
          info: new TextEncoder().encode(KEY_INFO),
        },
        base,
        256,
      );
      return new Uint8Array(bits);
    })();
    derivedKeys.set(secret, key);
  }
  return key;
}

/** Signs a portal token with these claims. */
export async function signPortalToken(secret: string, claims: PortalClaims): Promise<string> {
  return new SignJWT({ scope: PORTAL_SCOPE, tenant: claims.tenant, minted_by: claims.mintedBy })
    .setProtectedHeader({ alg: "HS256", typ: PORTAL_TOKEN_TYPE })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setJti(claims.jti)
    .setIssuedAt(claims.issuedAt)
    .setExpirationTime(claims.expiresAt)
    .sign(await signingKey(secret));
}

/** True when the token claims to be a portal token (its header only; nothing is verified). */
export function looksLikePortalToken(token: string): boolean {
  try {
    const header = decodeProtectedHeader(token);
    return header.typ === PORTAL_TOKEN_TYPE;
  } catch {
    return false;
  }
}

type Verified = { kind: "ok"; claims: PortalClaims } | { kind: "invalid"; detail: string };

/** Checks the signature, issuer, audience, expiry and claims of a portal token (no lookup). */
export async function verifyPortalToken(secret: string, token: string): Promise<Verified> {
  try {
    const { payload } = await jwtVerify(token, await signingKey(secret), {
      algorithms: ["HS256"],
      typ: PORTAL_TOKEN_TYPE,
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ["exp", "iat", "jti"],
    });
    const { scope, tenant, minted_by: mintedBy, jti, iat, exp } = payload;
    if (scope !== PORTAL_SCOPE || typeof tenant !== "string" || typeof mintedBy !== "string") {
      return { kind: "invalid", detail: "The token is invalid." };
    }
    return {
      kind: "ok",
      claims: {
        tenant,
        mintedBy,
        jti: jti as string,
        issuedAt: iat as number,
        expiresAt: exp as number,
      },
    };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      return { kind: "invalid", detail: "The portal token has expired." };
    }
    return { kind: "invalid", detail: "The token is invalid." };
  }
}

/** The minting API key's id, when an API key minted the token. */
function minterKeyId(mintedBy: string): string | undefined {
  return mintedBy.startsWith("api_key:") ? mintedBy.slice("api_key:".length) : undefined;
}

/**
 * Resolves a portal token to its principal, or says why it is refused. The tenant (and, for a
 * token an API key minted, that key) is read on every request, uncached: a portal is one person's
 * page making a few calls a minute, and so a revoked minting key or a deleted tenant stops its
 * tokens at once. A suspended tenant resolves, and is then refused as for any credential.
 */
export async function resolvePortalToken(
  database: DatabaseHandle,
  secret: string,
  token: string,
): Promise<Principal | { refused: string }> {
  const verified = await verifyPortalToken(secret, token);
  if (verified.kind === "invalid") return { refused: verified.detail };
  const { claims } = verified;
  const keyId = minterKeyId(claims.mintedBy);
  const row = await withSystem(
    database,
    async (tx) => {
      const mintingKeyActive = keyId
        ? exists(
            tx
              .select({ one: sql`1` })
              .from(apiKeys)
              .where(and(eq(apiKeys.id, keyId), eq(apiKeys.tenantId, tenants.id), activeApiKey)),
          )
        : undefined;
      const [found] = await tx
        .select({ tenant: tenantColumns })
        .from(tenants)
        .where(
          and(
            eq(tenants.id, claims.tenant),
            ne(tenants.status, "deleted"),
            mintingKeyActive,
            uncachedRead,
          ),
        )
        .limit(1);
      return found;
    },
    READ_ONLY,
  );
  if (!row) return { refused: "The portal token's tenant or minting key is no longer valid." };
  return {
    tenantId: row.tenant.id,
    tenant: row.tenant as TenantSnapshot,
    // The portal's operations are admin-only routes; portal-scope.ts confines the token to them.
    role: "admin",
    actor: { type: "portal_token", id: claims.mintedBy },
    credentialId: `portal:${claims.jti}`,
  };
}
