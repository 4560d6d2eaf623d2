import { eq } from "drizzle-orm";
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
} from "jose";
import type { Principal, TenantSnapshot } from "../context";
import { type DatabaseHandle, withSystem } from "../db";
import { tenants } from "../db/schema";
import { log } from "../observability/logger";
import { CREDENTIAL_CACHE_TTL_MS, tenantColumns } from "./credentials";
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

export interface JwksSettings {
  /** How long a fetched JWKS is trusted before it is fetched again. */
  cacheMaxAgeMs: number;
  /** Minimum time between refetches triggered by an unknown `kid`. */
  cooldownMs: number;
}

interface IssuerTenant {
  tenant: TenantSnapshot;
  jwksUri: string;
  audience: string;
  rolesClaim: string;
}

const issuerCache = new TtlCache<IssuerTenant | null>(CREDENTIAL_CACHE_TTL_MS);
const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** A JWT is three base64url segments; anything else is not worth decoding. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}

function remoteJwks(uri: string, settings: JwksSettings) {
  const cacheKey = `${uri}|${settings.cacheMaxAgeMs}|${settings.cooldownMs}`;
  let jwks = jwksCache.get(cacheKey);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(uri), {
      cacheMaxAge: settings.cacheMaxAgeMs,
      cooldownDuration: settings.cooldownMs,
      timeoutDuration: 5_000,
    });
    jwksCache.set(cacheKey, jwks);
  }
  return jwks;
}

async function tenantForIssuer(database: DatabaseHandle, issuer: string) {
  const cached = issuerCache.get(issuer);
  if (cached !== undefined) return cached;
  const found = await withSystem(database, async (tx) => {
    const [row] = await tx
      .select({
        tenant: tenantColumns,
        jwksUri: tenants.idpJwksUri,
        audience: tenants.idpAudience,
        rolesClaim: tenants.idpRolesClaim,
      })
      .from(tenants)
      .where(eq(tenants.idpIssuer, issuer))
      .limit(1);
    return row;
  });
  const value: IssuerTenant | null =
    found?.jwksUri && found.audience && found.tenant.status !== "deleted"
      ? {
          tenant: found.tenant as TenantSnapshot,
          jwksUri: found.jwksUri,
          audience: found.audience,
          rolesClaim: found.rolesClaim,
        }
      : null;
  issuerCache.set(issuer, value);
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
  | { kind: "no_role"; tenantId: string };

/**
 * Verifies a JWT from a tenant's own IdP. `iss` selects the tenant; the signature is checked
 * against that tenant's JWKS (cached, refetched on an unknown kid at most once per cooldown);
 * exp/nbf/iss/aud are enforced. Any failure, including an unreachable IdP, refuses the token.
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
    const { payload } = await jwtVerify(token, remoteJwks(idp.jwksUri, settings), {
      issuer,
      audience: idp.audience,
      algorithms: ALLOWED_JWT_ALGORITHMS,
      clockTolerance: JWT_CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["exp", "sub"],
    });
    const claimed = claimAt(payload, idp.rolesClaim);
    const role = highestRole(Array.isArray(claimed) ? claimed : [claimed]);
    if (!role) return { kind: "no_role", tenantId: idp.tenant.id };
    const subject = payload.sub as string;
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

/** Forgets all cached issuers of a tenant in this isolate (after suspension). */
export function forgetTenantIssuers(tenantId: string): void {
  issuerCache.deleteWhere((value) => value?.tenant.id === tenantId);
}
