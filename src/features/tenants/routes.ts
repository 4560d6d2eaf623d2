import { createRoute, z } from "@hono/zod-openapi";
import { serviceContext } from "../../platform/context";
import { createRouter, errorResponses, jsonResponse, tenantSecurity } from "../../platform/openapi";
import { tenantRequestUsage } from "../../platform/rate-limit/usage";
import { WebhookBacklogSchema } from "../webhooks/schemas";
import { TenantSchema } from "./schemas";
import { getOwnTenant } from "./service";

const OwnTenantSchema = TenantSchema.omit({
  overrides: true,
  status_reason: true,
  webhooks_paused: true,
})
  .extend({
    usage: z.object({
      books: z.number().int(),
      orders: z.number().int(),
      files: z.number().int(),
      active_api_keys: z.number().int(),
      requests: z
        .object({
          limit: z.number().int(),
          window_seconds: z.number().int(),
          used: z.number().int(),
          remaining: z.number().int(),
          reset_seconds: z.number().int(),
        })
        .nullable()
        .openapi({ description: "The tenant's current rate-limit window (null if unavailable)" }),
    }),
    webhook_backlog: WebhookBacklogSchema,
  })
  .openapi("OwnTenant");

const get = createRoute({
  method: "get",
  path: "/",
  tags: ["tenant"],
  security: tenantSecurity,
  operationId: "getOwnTenant",
  description:
    "The calling tenant's name, plan, effective limits, row counts, current rate-limit window and webhook backlog.",
  summary: "The caller's tenant: plan, effective limits and usage (viewer)",
  responses: {
    200: jsonResponse("v2", "The tenant", OwnTenantSchema),
    ...errorResponses("v2"),
  },
});

/** /v2/tenant */
export const ownTenantRoutes = createRouter().openapi(get, async (c) =>
  c.json(
    await getOwnTenant({ ctx: serviceContext(c), requestUsage: () => tenantRequestUsage(c) }),
    200,
  ),
);
