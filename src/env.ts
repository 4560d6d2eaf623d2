import { z } from "zod";

declare global {
  namespace Cloudflare {
    /** Secrets (wrangler secret put …; `.dev.vars` locally) on top of the generated bindings. */
    interface Env {
      /** Bearer token for /admin/… (operators). */
      OPERATOR_TOKEN: string;
      /** base64 of 32 random bytes: AES-GCM key that encrypts webhook signing secrets. */
      WEBHOOK_SECRET_KEY: string;
      /** base64 of 32 random bytes: HMAC key for signed download URLs. */
      URL_SIGNING_KEY: string;
      /** base64 of 32 random bytes: HMAC key that tags issued API keys (checked with no lookup). */
      API_KEY_MAC_KEY: string;
      /** The API_KEY_MAC_KEY being rotated out: keys it tagged still verify (docs/authentication.md). */
      API_KEY_MAC_KEY_PREVIOUS?: string;
      /** "true" lets JWKS and webhook URLs use plain http to loopback (development only). */
      ALLOW_LOOPBACK_HTTP?: string;
      /** "true" enables /bench/… comparison routes in development and test (benchmark harness only). */
      BENCH_ROUTES?: string;
      /** Seconds a tenant IdP's JWKS is cached (default 600). */
      JWKS_CACHE_SECONDS?: string;
      /** Minimum seconds between JWKS refetches for an unknown kid (default 30). */
      JWKS_COOLDOWN_SECONDS?: string;
      /** Seconds after its fetch a JWKS keeps serving while the IdP is unreachable (default 86400). */
      JWKS_MAX_STALE_SECONDS?: string;
      /** Days an offboarded tenant's data is kept before the deletion job removes it (default 30). */
      TENANT_DELETION_GRACE_DAYS?: string;
      /** JSON of retention periods in days overriding the defaults, e.g. {"events":7} (docs/retention.md). */
      RETENTION_DAYS?: string;
      /** Neon connection string: when set, requests reach Neon directly (serverless driver) instead of Hyperdrive. */
      NEON_DATABASE_URL?: string;
      /** host:port of a local WebSocket-to-TCP proxy for the Neon driver (development and tests only). */
      NEON_WS_PROXY?: string;
      /** Cloudflare account id: with CF_ANALYTICS_TOKEN, the ops API reads Analytics Engine's SQL API. */
      CF_ACCOUNT_ID?: string;
      /** API token with "Account Analytics: Read", for the Analytics Engine SQL API. */
      CF_ANALYTICS_TOKEN?: string;
      /** "true" or "false": GraphQL introspection (default: on in development and test, off elsewhere). */
      GRAPHQL_INTROSPECTION?: string;
      /** The operators' OIDC provider (e.g. Cloudflare Access): issuer, audience and JWKS URL, all three or none. */
      OPERATOR_OIDC_ISSUER?: string;
      OPERATOR_OIDC_AUDIENCE?: string;
      OPERATOR_OIDC_JWKS_URL?: string;
      /** Analytics Engine dataset the ANALYTICS binding writes to (default shelfwise_requests). */
      ANALYTICS_DATASET?: string;
    }
  }
}

/** The Worker's bindings, vars and secrets. */
export type Env = Cloudflare.Env;

const base64Key = z.string().refine((value) => {
  try {
    return atob(value).length === 32;
  } catch {
    return false;
  }
}, "must be base64 of 32 bytes");

const DEPLOYED = new Set(["staging", "production"]);

/** Where `wrangler dev` listens by default: the public address when none is configured locally. */
export const DEV_PUBLIC_BASE_URL = "http://localhost:8787";

/**
 * An absolute http(s) origin, as the links the API hands out start with (no path, query,
 * fragment or credentials); a trailing slash is dropped.
 */
const publicOrigin = z
  .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" })
  .refine((value) => {
    if (!URL.canParse(value)) return false; // already reported by z.url()
    const url = new URL(value);
    return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password;
  }, "must be an origin only (scheme, host and port: no path, query or fragment)")
  .transform((value) => new URL(value).origin);

const configSchema = z
  .object({
    ENVIRONMENT: z.enum(["development", "test", "staging", "production"]),
    DOCS_URL: z.url(),
    PUBLIC_BASE_URL: publicOrigin.optional(),
    OPERATOR_TOKEN: z.string().min(32, "must be at least 32 characters"),
    WEBHOOK_SECRET_KEY: base64Key,
    URL_SIGNING_KEY: base64Key,
    API_KEY_MAC_KEY: base64Key,
    API_KEY_MAC_KEY_PREVIOUS: base64Key.optional(),
    ALLOW_LOOPBACK_HTTP: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    JWKS_CACHE_SECONDS: z.coerce.number().positive().default(600),
    JWKS_COOLDOWN_SECONDS: z.coerce.number().nonnegative().default(30),
    JWKS_MAX_STALE_SECONDS: z.coerce.number().nonnegative().default(86_400),
    TENANT_DELETION_GRACE_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
    GRAPHQL_INTROSPECTION: z.enum(["true", "false"]).optional(),
    OPERATOR_OIDC_ISSUER: z.string().min(1).max(500).optional(),
    OPERATOR_OIDC_AUDIENCE: z.string().min(1).max(500).optional(),
    OPERATOR_OIDC_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  })
  // Operators sign in through their IdP only when it is named whole.
  .refine(
    (c) =>
      [c.OPERATOR_OIDC_ISSUER, c.OPERATOR_OIDC_AUDIENCE, c.OPERATOR_OIDC_JWKS_URL].filter(Boolean)
        .length %
        3 ===
      0,
    {
      message:
        "OPERATOR_OIDC_ISSUER, OPERATOR_OIDC_AUDIENCE and OPERATOR_OIDC_JWKS_URL go together",
      path: ["OPERATOR_OIDC_ISSUER"],
    },
  )
  // Staging runs the production build against real tenants' URLs: loopback http is as wrong there.
  .refine((c) => !(DEPLOYED.has(c.ENVIRONMENT) && c.ALLOW_LOOPBACK_HTTP), {
    message: "ALLOW_LOOPBACK_HTTP is refused in staging and production",
    path: ["ALLOW_LOOPBACK_HTTP"],
  })
  // Links handed out (portal_url) must name the deployment's own https address, never one taken
  // from a request's Host header; locally, wrangler dev's default address will do.
  .refine(
    (c) => !DEPLOYED.has(c.ENVIRONMENT) || c.PUBLIC_BASE_URL?.startsWith("https://") === true,
    {
      message: "PUBLIC_BASE_URL must be set to an https origin in staging and production",
      path: ["PUBLIC_BASE_URL"],
    },
  )
  .transform((c) => ({
    ...c,
    PUBLIC_BASE_URL: c.PUBLIC_BASE_URL ?? DEV_PUBLIC_BASE_URL,
    // Introspection describes the schema to tools: on where developers work, a choice elsewhere.
    GRAPHQL_INTROSPECTION:
      c.GRAPHQL_INTROSPECTION === undefined
        ? !DEPLOYED.has(c.ENVIRONMENT)
        : c.GRAPHQL_INTROSPECTION === "true",
  }));

/** Validated configuration derived from the Worker's env. */
export type Config = z.infer<typeof configSchema>;

const parsed = new WeakMap<object, Config>();

/** Parses the configuration once per env object; a misconfigured Worker fails loudly at first use. */
export function getConfig(env: Env): Config {
  let config = parsed.get(env);
  if (!config) {
    const result = configSchema.safeParse(env);
    if (!result.success) {
      const fields = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`invalid Worker configuration: ${fields}`);
    }
    config = result.data;
    parsed.set(env, config);
  }
  return config;
}
