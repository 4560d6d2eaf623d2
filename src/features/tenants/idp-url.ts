import { AppError } from "../../platform/errors";
import { assessUrl } from "../../platform/net/url-policy";

/**
 * A JWKS URI must pass the webhooks' destination policy (src/platform/net/url-policy.ts): https,
 * no credentials, no private, loopback, link-local or otherwise special address, no local-only
 * name; plain http to loopback only with the development-only ALLOW_LOOPBACK_HTTP (refused in
 * staging and production by the config). Registration checks the URI as written; every fetch
 * (src/platform/auth/jwks.ts) checks it again with the addresses its host resolves to then, so a
 * name re-pointed at an internal address after registration is refused too.
 */
export function assertJwksUri(uri: string, allowLoopbackHttp: boolean): void {
  const verdict = assessUrl(uri, { allowLoopbackHttp });
  if (verdict.ok) return;
  throw new AppError("validation_failed", "The IdP settings are invalid.", {
    errors: [{ path: "body.idp.jwks_uri", message: verdict.reason }],
  });
}
