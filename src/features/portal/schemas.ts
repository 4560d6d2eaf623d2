import { z } from "@hono/zod-openapi";
import {
  PORTAL_TOKEN_DEFAULT_TTL_SECONDS,
  PORTAL_TOKEN_MAX_TTL_SECONDS,
  PORTAL_TOKEN_MIN_TTL_SECONDS,
} from "../../platform/auth/portal-token";
import { timestamp } from "../../platform/schemas";

export const CreatePortalTokenSchema = z
  .strictObject({
    ttl_seconds: z
      .number()
      .int()
      .min(PORTAL_TOKEN_MIN_TTL_SECONDS)
      .max(PORTAL_TOKEN_MAX_TTL_SECONDS)
      .optional()
      .openapi({
        description: `How long the token is valid, in seconds (default ${PORTAL_TOKEN_DEFAULT_TTL_SECONDS}, at most ${PORTAL_TOKEN_MAX_TTL_SECONDS})`,
        example: PORTAL_TOKEN_DEFAULT_TTL_SECONDS,
      }),
  })
  .openapi({ title: "CreatePortalToken" });

export const PortalTokenSchema = z
  .object({
    id: z.string().openapi({
      description: "The token's id (its jti): the audit log's target of portal_token.created",
      example: "ptok_01jd3xk2v8f4r6t8w0y2a4c6e8",
    }),
    scope: z.literal("portal"),
    minted_by: z.string().openapi({
      description:
        "The credential that minted it (api_key:<key id> or jwt:<subject>); the audit log's actor id of what the token does",
      example: "api_key:key_01jd3xk2v8f4r6t8w0y2a4c6e8",
    }),
    expires_at: timestamp(),
    token: z.string().openapi({
      description:
        "The bearer token. Shown only in this response; it cannot be revoked, only expire.",
    }),
    portal_url: z.string().openapi({
      description:
        "The portal page with the token in the URL fragment (#token=…), which browsers never send to a server",
      example: "https://api.shelfwise.example/portal#token=eyJ…",
    }),
  })
  .openapi("PortalToken");
