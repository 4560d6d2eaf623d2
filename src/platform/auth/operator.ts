import type { Context, MiddlewareHandler } from "hono";
import { type JWTPayload, errors as joseErrors } from "jose";
import { getConfig } from "../../env";
import type { AppEnv, OperatorIdentity, OperatorRole } from "../context";
import { AppError } from "../errors";
import { log } from "../observability/logger";
import { IdpUnavailableError } from "./jwks";
import { looksLikeJwt, verifyIdentityToken } from "./jwt";
import { bearerToken, jwksSettings } from "./middleware";

async function sha256(value: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
}

/** Compares two secrets in constant time (hashing first makes the lengths equal). */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [left, right] = await Promise.all([sha256(a), sha256(b)]);
  return crypto.subtle.timingSafeEqual(left, right);
}

/** The `amr` values that show a second factor (RFC 8176, and what Cloudflare Access sends). */
export const SECOND_FACTORS = new Set(["mfa", "otp", "hwk", "swk", "sms", "fido"]);

const CHALLENGE = { "www-authenticate": 'Bearer realm="shelfwise-operators"' };
const unauthenticated = (detail: string) =>
  new AppError("unauthenticated", detail, { headers: CHALLENGE });

function roleOf(payload: JWTPayload): OperatorRole | undefined {
  const claimed = payload.shelfwise_operator_role;
  const roles = Array.isArray(claimed) ? claimed : [claimed];
  if (roles.includes("ops-admin")) return "ops-admin";
  return roles.includes("ops-viewer") ? "ops-viewer" : undefined;
}

/** Verifies an operator's identity token against the configured IdP; throws the refusal. */
async function verifyOperatorToken(
  c: Context<AppEnv>,
  token: string,
  idp: { issuer: string; audience: string; jwksUrl: string },
): Promise<Extract<OperatorIdentity, { kind: "person" }>> {
  let payload: JWTPayload;
  try {
    ({ payload } = await verifyIdentityToken(token, idp.jwksUrl, jwksSettings(c), {
      issuer: idp.issuer,
      audience: idp.audience,
    }));
  } catch (error) {
    if (error instanceof IdpUnavailableError) {
      throw new AppError(
        "service_unavailable",
        "The operators' identity provider cannot be reached.",
        {
          headers: { "retry-after": String(error.retryAfterSeconds) },
        },
      );
    }
    if (!(error instanceof joseErrors.JOSEError)) {
      log("warn", "operator jwt verification error", { error_message: String(error) });
    }
    throw unauthenticated("The operator token is invalid or expired.");
  }
  const amr = Array.isArray(payload.amr) ? payload.amr : [];
  if (!amr.some((method) => typeof method === "string" && SECOND_FACTORS.has(method))) {
    throw new AppError(
      "mfa_required",
      "Sign in to the operators' identity provider with a second factor.",
    );
  }
  const role = roleOf(payload);
  if (!role) {
    throw new AppError(
      "forbidden",
      "The identity token carries no operator role (ops-viewer or ops-admin).",
    );
  }
  const email = typeof payload.email === "string" ? payload.email.slice(0, 254) : undefined;
  return { kind: "person", subject: String(payload.sub).slice(0, 255), email, role };
}

/** Reads that an ops-viewer may make: everything else on /admin needs ops-admin. */
const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * Guards /admin/…: an identity token from the operators' IdP (when OPERATOR_OIDC_* is set) with a
 * second factor and an operator role, or the static operator token, compared in constant time.
 * With an IdP configured the token is break-glass: each use is logged at warn
 * (`operator break-glass token used`, the alert's signal).
 */
export function operatorAuth(): MiddlewareHandler<AppEnv> {
  return async function operatorAuthMiddleware(c, next) {
    const config = getConfig(c.env);
    const token = bearerToken(c.req.header("authorization"));
    if (!token) throw unauthenticated("A valid operator token is required.");
    const idp =
      config.OPERATOR_OIDC_ISSUER && config.OPERATOR_OIDC_AUDIENCE && config.OPERATOR_OIDC_JWKS_URL
        ? {
            issuer: config.OPERATOR_OIDC_ISSUER,
            audience: config.OPERATOR_OIDC_AUDIENCE,
            jwksUrl: config.OPERATOR_OIDC_JWKS_URL,
          }
        : undefined;
    let identity: OperatorIdentity;
    if (await secretsEqual(token, config.OPERATOR_TOKEN)) {
      identity = { kind: "token", breakGlass: idp !== undefined };
      if (idp) {
        log("warn", "operator break-glass token used", {
          request_id: c.var.requestId,
          method: c.req.method,
          path: new URL(c.req.url).pathname,
        });
      }
    } else if (idp && looksLikeJwt(token)) {
      const person = await verifyOperatorToken(c, token, idp);
      identity = person;
      if (person.role === "ops-viewer" && !READ_METHODS.has(c.req.method)) {
        throw new AppError("forbidden", "This needs the ops-admin role.");
      }
    } else {
      throw unauthenticated("A valid operator token is required.");
    }
    c.set("operator", identity);
    await next();
  };
}
