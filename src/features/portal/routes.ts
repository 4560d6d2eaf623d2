import { createRoute } from "@hono/zod-openapi";
import { getConfig } from "../../env";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { idempotent } from "../../platform/idempotency/middleware";
import {
  createRouter,
  errorResponses,
  idempotencyKeyParameter,
  jsonResponse,
  tenantSecurity,
} from "../../platform/openapi";
import { CreatePortalTokenSchema, PortalTokenSchema } from "./schemas";
import { mintPortalToken } from "./service";

const keyed = { keyed: true } as const;

const mint = createRoute({
  method: "post",
  path: "/",
  tags: ["webhooks"],
  security: tenantSecurity,
  operationId: "createPortalToken",
  description:
    "Mints a short-lived token (15 minutes by default, at most 60) for the tenant's own staff to open the webhook delivery portal: it reads webhook endpoints and their attempts, resends events and recovers endpoints, and is refused (403 insufficient_scope) everywhere else. Hand over `portal_url`; the token is in its fragment.",
  parameters: idempotencyKeyParameter,
  summary: "Mint a webhook portal token (admin)",
  middleware: [requireRole("admin"), idempotent()] as const,
  request: {
    body: {
      required: true,
      content: { "application/json": { schema: CreatePortalTokenSchema } },
    },
  },
  responses: {
    201: jsonResponse("v2", "Minted", PortalTokenSchema, keyed),
    ...errorResponses("v2", { ...keyed, body: "json" }),
  },
});

/** /v2/portal-tokens */
export const portalTokenRoutes = createRouter().openapi(mint, async (c) =>
  c.json(
    await mintPortalToken({
      ctx: serviceContext(c),
      signingSecret: getConfig(c.env).URL_SIGNING_KEY,
      // Configured, never the request's Host header: a forged Host must not end up in the link
      // an admin hands to someone.
      publicBaseUrl: getConfig(c.env).PUBLIC_BASE_URL,
      input: c.req.valid("json"),
    }),
    201,
  ),
);
