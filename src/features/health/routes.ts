import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../../platform/errors";
import { countedEnv } from "../../platform/observability/do-calls";
import {
  createRouter,
  jsonResponse,
  PayloadTooLargeProblemSchema,
  ProblemSchema,
  problemFor,
  publicSecurity,
} from "../../platform/openapi";
import { checkReadiness } from "./service";

const CheckSchema = z.object({
  status: z.enum(["ok", "fail"]),
  latency_ms: z.number().int(),
  error: z.string().optional(),
});

const ReadySchema = z
  .object({
    status: z.literal("ok"),
    checks: z.object({ postgres: CheckSchema, r2: CheckSchema, durable_objects: CheckSchema }),
    checked_at: z.iso.datetime().openapi({
      description: "When the checks ran: results are reused for up to 3 s (failures 1 s)",
    }),
  })
  .openapi("Readiness");

const NotReadySchema = ProblemSchema.extend({
  checks: z.object({ postgres: CheckSchema, r2: CheckSchema, durable_objects: CheckSchema }),
  checked_at: z.iso.datetime(),
}).openapi("NotReadyProblem");

/** What any route answers besides its own: a body over 1 MiB is refused before routing. */
const probeErrors = {
  413: problemFor("public", "A request body over 1 MiB (payload_too_large)", {
    schema: PayloadTooLargeProblemSchema,
  }),
  500: problemFor("public", "Internal error (internal; no details are disclosed)"),
} as const;

const live = createRoute({
  method: "get",
  path: "/live",
  tags: ["health"],
  security: publicSecurity,
  operationId: "checkLiveness",
  description: "Answers as long as the Worker runs; checks no dependency.",
  summary: "Liveness: the Worker answers (no dependencies)",
  responses: {
    200: jsonResponse("public", "Alive", z.object({ status: z.literal("ok") }).openapi("Liveness")),
    ...probeErrors,
  },
});

const ready = createRoute({
  method: "get",
  path: "/ready",
  tags: ["health"],
  security: publicSecurity,
  operationId: "checkReadiness",
  summary: "Readiness: Postgres through Hyperdrive, R2 and the Durable Objects",
  description:
    "Each isolate runs the checks at most once at a time and reuses a result for 3 s (a failure for 1 s), so probes cannot multiply the load on the dependencies.",
  responses: {
    200: jsonResponse("public", "Every dependency answered", ReadySchema),
    ...probeErrors,
    503: problemFor("public", "A dependency failed (service_unavailable); `checks` names it", {
      schema: NotReadySchema,
      retryAfter: true,
    }),
  },
});

/** /health/*: exempt from authentication and rate limits. */
export const healthRoutes = createRouter()
  .openapi(live, (c) => c.json({ status: "ok" as const }, 200))
  .openapi(ready, async (c) => {
    const { ok, checks, checkedAt } = await checkReadiness(countedEnv(c), c.var.database);
    if (!ok) {
      throw new AppError("service_unavailable", "A dependency is not ready.", {
        extensions: { checks, checked_at: checkedAt },
        headers: { "retry-after": "5" },
      });
    }
    return c.json({ status: "ok" as const, checks, checked_at: checkedAt }, 200);
  });
