import { AppError } from "../../platform/errors";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A JWKS URI must be https. Plain http is accepted only for a loopback host, and only when the
 * development-only ALLOW_LOOPBACK_HTTP setting is on (refused in production by the config).
 */
export function assertJwksUri(uri: string, allowLoopbackHttp: boolean): void {
  const url = new URL(uri);
  if (url.protocol === "https:" && !url.username && !url.password) return;
  if (url.protocol === "http:" && allowLoopbackHttp && LOOPBACK_HOSTS.has(url.hostname)) return;
  throw new AppError("validation_failed", "The IdP settings are invalid.", {
    errors: [{ path: "body.idp.jwks_uri", message: "must be an https URL" }],
  });
}
