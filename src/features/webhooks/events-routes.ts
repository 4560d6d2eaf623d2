import { createRoute } from "@hono/zod-openapi";
import { requireRole } from "../../platform/auth/roles";
import { serviceContext } from "../../platform/context";
import { idempotent } from "../../platform/idempotency/middleware";
import {
  createRouter,
  errorResponses,
  idempotencyKeyParameter,
  jsonResponse,
  problemFor,
  tenantSecurity,
} from "../../platform/openapi";
import { resendEvent } from "./resend";
import { EventIdParamSchema, RedeliveryResultSchema } from "./schemas";

const resend = createRoute({
  method: "post",
  path: "/{id}/resend",
  tags: ["events"],
  security: tenantSecurity,
  operationId: "resendEvent",
  description:
    "Queues the event again for every endpoint subscribed to its type; re-deliveries are throttled per tenant.",
  parameters: idempotencyKeyParameter,
  middleware: [requireRole("admin"), idempotent()] as const,
  summary: "Re-deliver an event to every endpoint subscribed to it (admin, throttled)",
  request: { params: EventIdParamSchema },
  responses: {
    202: jsonResponse("v2", "Queued for re-delivery", RedeliveryResultSchema, { keyed: true }),
    404: problemFor("v2", "No such event in this tenant (not_found)", { keyed: true }),
    ...errorResponses("v2", { keyed: true }),
  },
});

/** /v2/events/{id}/resend (mounted beside the events feature's own router on /events). */
export const eventResendRoutes = createRouter().openapi(resend, async (c) =>
  c.json(
    await resendEvent({ ctx: serviceContext(c), env: c.env, id: c.req.valid("param").id }),
    202,
  ),
);
