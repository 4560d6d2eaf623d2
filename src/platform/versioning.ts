import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context";

/** When an API version was deprecated, when it goes away, and where its migration guide lives. */
export interface DeprecationPolicy {
  deprecatedAt: Date;
  sunsetAt: Date;
  /** The documentation link (`Link: <…>; rel="deprecation"`), absolute. */
  link: (env: AppEnv["Bindings"]) => string;
}

/** `Deprecation: @<unix seconds>` (RFC 9745). */
export function deprecationHeader(at: Date): string {
  return `@${Math.floor(at.getTime() / 1000)}`;
}

/**
 * Marks every response of a deprecated version, errors and 404s included: Deprecation
 * (RFC 9745), Sunset (RFC 8594, an HTTP-date) and a `rel="deprecation"` Link. Mount it before
 * authentication so refused requests carry the headers too.
 */
export function deprecation(policy: DeprecationPolicy): MiddlewareHandler<AppEnv> {
  if (policy.sunsetAt.getTime() < policy.deprecatedAt.getTime()) {
    throw new Error("a version cannot be sunset before it is deprecated");
  }
  const deprecated = deprecationHeader(policy.deprecatedAt);
  const sunset = policy.sunsetAt.toUTCString();
  return async function deprecationMiddleware(c, next) {
    await next();
    c.header("Deprecation", deprecated);
    c.header("Sunset", sunset);
    c.header("Link", `<${policy.link(c.env)}>; rel="deprecation"`, { append: true });
  };
}
