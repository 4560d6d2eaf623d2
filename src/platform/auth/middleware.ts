import type { Context, MiddlewareHandler } from "hono";
import { getConfig } from "../../env";
import type { AppEnv, Principal } from "../context";
import { AppError } from "../errors";
import { resolverFor } from "../net/resolver";
import { log } from "../observability/logger";
import { rateLimitHeadersOf } from "../rate-limit/middleware";
import { clientAddressKey, countFailure, isAddressBlocked, tooManyFailures } from "./address-limit";
import {
  API_KEY_PATTERN,
  apiKeyMacSecrets,
  isIssuableLegacyApiKey,
  LEGACY_API_KEY_PATTERN,
  verifyApiKeyMac,
} from "./api-keys";
import { isRecentlyValidApiKey, resolveApiKey } from "./credentials";
import { isRecentlyValidIssuer, type JwksSettings, looksLikeJwt, resolveJwt } from "./jwt";
import { isPortalOperation } from "./portal-scope";
import { looksLikePortalToken, resolvePortalToken, verifyPortalToken } from "./portal-token";

const CHALLENGE = { "www-authenticate": 'Bearer realm="shelfwise"' };

function unauthenticated(detail: string): AppError {
  return new AppError("unauthenticated", detail, { headers: CHALLENGE });
}

/** The bearer token of an Authorization header, if it has one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer[ ]+([^\s]+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export function jwksSettings(c: Context<AppEnv>): JwksSettings {
  const config = getConfig(c.env);
  return {
    cacheMaxAgeMs: config.JWKS_CACHE_SECONDS * 1000,
    cooldownMs: config.JWKS_COOLDOWN_SECONDS * 1000,
    maxStaleMs: config.JWKS_MAX_STALE_SECONDS * 1000,
    policy: { allowLoopbackHttp: config.ALLOW_LOOPBACK_HTTP },
    resolve: resolverFor(c.env),
  };
}

/**
 * While an address is blocked for failed authentications, only a credential the client whose
 * failures caused the block cannot make up may pass (and is then checked as usual), costing no
 * lookup to decide: a tagged API key whose tag verifies, so a genuine key of any tenant is never
 * refused for a stranger's failures; a portal token with a valid signature; or a legacy key or
 * an issuer this isolate saw succeed lately (a legacy key new to the isolate waits for the block
 * to end: rolling it to a tagged key is what removes that wait).
 */
async function mayPassBlock(c: Context<AppEnv>, token: string | undefined): Promise<boolean> {
  if (!token) return false;
  if (API_KEY_PATTERN.test(token)) {
    return (await verifyApiKeyMac(token, apiKeyMacSecrets(getConfig(c.env)))) !== null;
  }
  if (LEGACY_API_KEY_PATTERN.test(token)) return isRecentlyValidApiKey(token);
  // A portal token's signature cannot be made up either, and checking it needs no lookup.
  if (looksLikePortalToken(token)) {
    const secret = getConfig(c.env).URL_SIGNING_KEY;
    return (await verifyPortalToken(secret, token)).kind === "ok";
  }
  return looksLikeJwt(token) && isRecentlyValidIssuer(token);
}

/** The client's address as `last_used_ip` records it: CF-Connecting-IP when it looks like one. */
function lastUseAddress(c: Context<AppEnv>): string | undefined {
  const address = c.req.header("cf-connecting-ip")?.trim();
  return address && /^[0-9A-Fa-f.:]{2,45}$/.test(address) ? address : undefined;
}

/** Looks an API key up (cached per isolate), its last_used_at refreshed after the response. */
function lookUpApiKey(c: Context<AppEnv>, token: string): Promise<Principal | null> {
  return resolveApiKey(
    c.var.database,
    token,
    (work) => c.var.afterResponse.add("api key last_used_at", work),
    lastUseAddress(c),
  );
}

/** Resolves the credential, or says why it is refused (a 401, with the detail the client is told). */
async function resolveCredential(
  c: Context<AppEnv>,
  token: string | undefined,
): Promise<Principal | { refused: string }> {
  if (!token) return { refused: "A bearer credential is required." };
  if (API_KEY_PATTERN.test(token)) {
    // A forged tag is refused without a lookup (and counted as a failure like any 401).
    const signer = await verifyApiKeyMac(token, apiKeyMacSecrets(getConfig(c.env)));
    const principal = signer ? await lookUpApiKey(c, token) : null;
    if (principal && signer === "previous") {
      // Tells the operator which keys still need the previous secret before it can be removed.
      log("info", "api key tagged with API_KEY_MAC_KEY_PREVIOUS", {
        request_id: c.var.requestId,
        tenant_id: principal.tenantId,
        key_id: principal.actor.id,
      });
    }
    return principal ?? { refused: "The API key is invalid or revoked." };
  }
  if (LEGACY_API_KEY_PATTERN.test(token)) {
    // A key no issued key can equal is refused without a lookup.
    const principal = isIssuableLegacyApiKey(token) ? await lookUpApiKey(c, token) : null;
    return principal ?? { refused: "The API key is invalid or revoked." };
  }
  if (!looksLikeJwt(token)) return { refused: "The credential is malformed." };
  if (looksLikePortalToken(token)) {
    return resolvePortalToken(c.var.database, getConfig(c.env).URL_SIGNING_KEY, token);
  }
  const result = await resolveJwt(c.var.database, token, jwksSettings(c));
  switch (result.kind) {
    case "ok":
      return result.principal;
    case "invalid":
      log("info", "jwt refused", { request_id: c.var.requestId, reason: result.reason });
      return { refused: "The token is invalid." };
    case "no_role":
      throw new AppError("forbidden", "The token carries no Shelfwise role.");
    case "idp_unavailable":
      // The client's token may well be valid: an outage is not a 401.
      throw new AppError(
        "service_unavailable",
        "The tenant's identity provider cannot be reached to verify the token; retry later.",
        { headers: { "retry-after": String(result.retryAfterSeconds) } },
      );
  }
}

/**
 * Authenticates a tenant request with an API key, a tenant IdP JWT or a portal token and sets
 * `principal`. 401 for a missing or bad credential; 403 `forbidden` for a valid JWT carrying no
 * known role; 403 `tenant_suspended` when the credential's tenant is not active; 403
 * `insufficient_scope` for a portal token outside the portal's operations (portal-scope.ts); 503 when the tenant's IdP
 * cannot be reached and no cached key applies. Before any lookup, an address with too many
 * recent 401s gets 429 `rate_limited` (see address-limit.ts).
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async function authenticateMiddleware(c, next) {
    const token = bearerToken(c.req.header("authorization"));
    const address = clientAddressKey(c);
    if (isAddressBlocked(address) && !(await mayPassBlock(c, token))) throw tooManyFailures();

    const resolved = await resolveCredential(c, token);
    if ("refused" in resolved) {
      throw await countFailure(c, address, unauthenticated(resolved.refused));
    }
    c.set("principal", resolved);
    if (resolved.tenant.status !== "active") {
      // Counted and answered with the rate-limit headers of every tenant response.
      throw new AppError("tenant_suspended", "This tenant is suspended.", {
        headers: await rateLimitHeadersOf(c, resolved),
      });
    }
    if (resolved.actor.type === "portal_token" && !isPortalOperation(c.req.method, c.req.path)) {
      // Counted like tenant_suspended, so a portal token cannot call other routes for free.
      throw new AppError(
        "insufficient_scope",
        "A portal token only reads webhook endpoints and their attempts, resends events and recovers endpoints.",
        { headers: await rateLimitHeadersOf(c, resolved) },
      );
    }
    await next();
  };
}
