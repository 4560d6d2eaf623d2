import type { Context } from "hono";
import { getConfig } from "../../env";
import type { AppEnv } from "../../platform/context";
import { EXPORT_LINK_SECONDS, type LinkOptions } from "./service";

/** Signed-link settings from the request (its origin) and the Worker's signing key. */
export function linkOptions(c: Context<AppEnv>): LinkOptions {
  return {
    origin: new URL(c.req.url).origin,
    signingKey: getConfig(c.env).URL_SIGNING_KEY,
    expiresIn: EXPORT_LINK_SECONDS,
  };
}
