import { and, eq } from "drizzle-orm";
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from "jose";
import type { Principal, TenantSnapshot } from "../context";
import { type DatabaseHandle, READ_ONLY, uncachedRead, withSystem } from "../db";
import { tenants } from "../db/schema";
import { log } from "../observability/logger";
import { CREDENTIAL_CACHE_TTL_MS, tenantColumns } from "./credentials";
import { IdpUnavailableError, type JwksSettings, jwksKey } from "./jwks";
import { highestRole } from "./roles";
import { TtlCache } from "./ttl-cache";

/** Asymmetric algorithms only: a tenant's public key can never be used as an HMAC secret. */
export const ALLOWED_JWT_ALGORITHMS = [
  "RS256",
  "RS384",
  "RS512",
  "PS256",
  "PS384",
  "PS512",
  "ES256",
  "ES384",
  "ES512",
  "EdDSA",
  "Ed25519",
];
/** Clock skew tolerated on exp and nbf, in seconds. */
export const JWT_CLOCK_TOLERANCE_SECONDS = 30;

export type { JwksSettings } from "./jwks";

interface IssuerTenant {
  tenant: TenantSnapshot;
  jwksUri: string;
  audience: string;
  rolesClaim: string;
}

const issuerCache = new TtlCache<IssuerTenant>(CREDENTIAL_CACHE_TTL_MS);
/**
 * Issuers that belong to no tenant (negative cache), apart from `issuerCache` so a flood of made-up
 * issuers cannot evict a real one. Any change to a tenant's IdP settings in this isolate clears it
 * (the new issuer may have been a miss); other isolates see it within the TTL, as for positives.
 */
const unknownIssuers = new TtlCache<true>(CREDENTIAL_CACHE_TTL_MS, 1_000);
/** Issuers whose token verified in the last 10 minutes (see `isRecentlyValidIssuer`). */
const recentlyValidIssuers = new TtlCache<true>(10 * 60_000, 1_000);

/** A JWT is three base64url segments; anything else is not worth decoding. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

/** The `iss` of a JWT-shaped token, unverified (undefined when it has none or is not a JWT). */
function unverifiedIssuer(token: string): string | undefined {
  try {
    const { iss } = decodeJwt(token);
    return typeof iss === "string" && iss.length > 0 ? iss : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True when a token of this (unverified) issuer verified in this isolate lately: such a token may
 * pass an address blocked for failed authentications. It is verified as usual; a made-up token of
 * a known issuer costs no database round trip beyond the cached issuer lookup.
 */
export function isRecentlyValidIssuer(token: string): boolean {
  const issuer = unverifiedIssuer(token);
  return issuer !== undefined && recentlyValidIssuers.get(issuer) === true;
}

async function tenantForIssuer(database: DatabaseHandle, issuer: string) {
  if (unknownIssuers.get(issuer)) return null;
  const cached = issuerCache.get(issuer);
  if (cached !== undefined) return cached;
  const found = await withSystem(
    database,
    async (tx) => {
      const [row] = await tx
        .select({
          tenant: tenantColumns,
          jwksUri: tenants.idpJwksUri,
          audience: tenants.idpAudience,
          rolesClaim: tenants.idpRolesClaim,
        })
        .from(tenants)
        .where(and(eq(tenants.idpIssuer, issuer), uncachedRead))
        .limit(1);
      return row;
    },
    READ_ONLY,
  );
  const value: IssuerTenant | null =
    found?.jwksUri && found.audience && found.tenant.status !== "deleted"
      ? {
          tenant: found.tenant as TenantSnapshot,
          jwksUri: found.jwksUri,
          audience: found.audience,
          rolesClaim: found.rolesClaim,
        }
      : null;
  if (value) issuerCache.set(issuer, value);
  else unknownIssuers.set(issuer, true);
  return value;
}

/** Reads a claim by dotted path (e.g. Keycloak's `realm_access.roles`). */
function claimAt(payload: Record<string, unknown>, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split(".")) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export type JwtResolution =
  | { kind: "ok"; principal: Principal }
  | { kind: "invalid"; reason: string }
  | { kind: "no_role"; tenantId: string }
  | { kind: "idp_unavailable"; retryAfterSeconds: number };

/**
 * Verifies an identity token's signature against the JWKS at `jwksUri` (cached: `jwksKey`) and
 * its issuer and audience, with the algorithms, clock tolerance and required claims (`exp`,
 * `sub`) every identity token gets here: a tenant IdP's and the operators' (auth/operator.ts).
 */
export function verifyIdentityToken(
  token: string,
  jwksUri: string,
  settings: JwksSettings,
  expected: { issuer: string; audience: string },
) {
  return jwtVerify(token, (header, input) => jwksKey(jwksUri, settings, header, input), {
    ...expected,
    algorithms: ALLOWED_JWT_ALGORITHMS,
    clockTolerance: JWT_CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ["exp", "sub"],
  });
}

/**
 * Verifies a JWT from a tenant's own IdP. `iss` selects the tenant; the signature is checked
 * against that tenant's JWKS (see `jwksKey`: cached, refetched on an unknown kid at most once per
 * cooldown, last good keys kept through an outage); exp/nbf/iss/aud are enforced. A token is
 * accepted only with a verified signature; with no usable key because the IdP cannot be reached
 * the answer is `idp_unavailable`, never acceptance.
 */
export async function resolveJwt(
  database: DatabaseHandle,
  token: string,
  settings: JwksSettings,
): Promise<JwtResolution> {
  let issuer: unknown;
  try {
    const header = decodeProtectedHeader(token);
    if (typeof header.alg !== "string" || !ALLOWED_JWT_ALGORITHMS.includes(header.alg)) {
      return { kind: "invalid", reason: "algorithm not allowed" };
    }
    issuer = decodeJwt(token).iss;
  } catch {
    return { kind: "invalid", reason: "malformed token" };
  }
  if (typeof issuer !== "string" || issuer.length === 0) {
    return { kind: "invalid", reason: "no issuer" };
  }
  const idp = await tenantForIssuer(database, issuer);
  if (!idp) return { kind: "invalid", reason: "unknown issuer" };
  try {
    const { payload } = await verifyIdentityToken(token, idp.jwksUri, settings, {
      issuer,
      audience: idp.audience,
    });
    const claimed = claimAt(payload, idp.rolesClaim);
    const role = highestRole(Array.isArray(claimed) ? claimed : [claimed]);
    if (!role) return { kind: "no_role", tenantId: idp.tenant.id };
    const subject = payload.sub as string;
    recentlyValidIssuers.set(issuer, true);
    return {
      kind: "ok",
      principal: {
        tenantId: idp.tenant.id,
        tenant: idp.tenant,
        role,
        actor: { type: "jwt", id: subject },
        credentialId: `jwt:${issuer}#${subject}`,
      },
    };
  } catch (error) {
    if (error instanceof IdpUnavailableError) {
      return { kind: "idp_unavailable", retryAfterSeconds: error.retryAfterSeconds };
    }
    const reason = error instanceof joseErrors.JOSEError ? error.code : "verification failed";
    if (!(error instanceof joseErrors.JOSEError)) {
      log("warn", "jwt verification error", { issuer, error_message: String(error) });
    }
    return { kind: "invalid", reason };
  }
}

/** Forgets a cached issuer in this isolate (after the tenant's IdP settings change). */
export function forgetIssuer(issuer: string | null | undefined): void {
  if (issuer) issuerCache.delete(issuer);
}

/**
 * Forgets all cached issuers of a tenant in this isolate (after suspension or an IdP change), and
 * every cached miss: the tenant's new issuer may be one of them.
 */
export function forgetTenantIssuers(tenantId: string): void {
  issuerCache.deleteWhere((value) => value.tenant.id === tenantId);
  unknownIssuers.clear();
}
