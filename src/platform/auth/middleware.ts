import type { MiddlewareHandler } from "hono";
import { getConfig } from "../../env";
import type { AppEnv, Principal } from "../context";
import { AppError } from "../errors";
import { log } from "../observability/logger";
import { API_KEY_PATTERN } from "./api-keys";
import { resolveApiKey } from "./credentials";
import { looksLikeJwt, resolveJwt } from "./jwt";

const CHALLENGE = { "www-authenticate": 'Bearer realm="shelfwise"' };

function unauthenticated(detail: string): AppError {
  return new AppError("unauthenticated", detail, { headers: CHALLENGE });
}

/** The bearer token of an Authorization header, if it has one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header ? /^Bearer[ ]+([^\s]+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Authenticates a tenant request with an API key or a tenant IdP JWT and sets `principal`.
 * 401 for a missing or bad credential; 403 `forbidden` for a valid JWT carrying no known role;
 * 403 `tenant_suspended` when the credential's tenant is not active.
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async function authenticateMiddleware(c, next) {
    const token = bearerToken(c.req.header("authorization"));
    if (!token) throw unauthenticated("A bearer credential is required.");

    let principal: Principal | null = null;
    if (API_KEY_PATTERN.test(token)) {
      principal = await resolveApiKey(c.var.database, token, (work) =>
        c.executionCtx.waitUntil(work),
      );
      if (!principal) throw unauthenticated("The API key is invalid or revoked.");
    } else if (looksLikeJwt(token)) {
      const config = getConfig(c.env);
      const result = await resolveJwt(c.var.database, token, {
        cacheMaxAgeMs: config.JWKS_CACHE_SECONDS * 1000,
        cooldownMs: config.JWKS_COOLDOWN_SECONDS * 1000,
      });
      if (result.kind === "invalid") {
        log("info", "jwt refused", { request_id: c.var.requestId, reason: result.reason });
        throw unauthenticated("The token is invalid.");
      }
      if (result.kind === "no_role") {
        throw new AppError("forbidden", "The token carries no Shelfwise role.");
      }
      principal = result.principal;
    } else {
      throw unauthenticated("The credential is malformed.");
    }

    c.set("principal", principal);
    if (principal.tenant.status !== "active") {
      throw new AppError("tenant_suspended", "This tenant is suspended.");
    }
    await next();
  };
}
