import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../../platform/errors";
import { createRouter, problemResponse } from "../../platform/openapi";
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
  })
  .openapi("Readiness");

const live = createRoute({
  method: "get",
  path: "/live",
  tags: ["health"],
  summary: "Liveness: the Worker answers (no dependencies)",
  responses: {
    200: {
      description: "Alive",
      content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } },
    },
  },
});

const ready = createRoute({
  method: "get",
  path: "/ready",
  tags: ["health"],
  summary: "Readiness: Postgres through Hyperdrive, R2 and the Durable Objects",
  responses: {
    200: {
      description: "Every dependency answered",
      content: { "application/json": { schema: ReadySchema } },
    },
    503: problemResponse("A dependency failed; `checks` names it"),
  },
});

/** /health/*: exempt from authentication and rate limits. */
export const healthRoutes = createRouter()
  .openapi(live, (c) => c.json({ status: "ok" as const }, 200))
  .openapi(ready, async (c) => {
    const { ok, checks } = await checkReadiness(c.env, c.var.database);
    if (!ok) {
      throw new AppError("service_unavailable", "A dependency is not ready.", {
        extensions: { checks },
        headers: { "retry-after": "5" },
      });
    }
    return c.json({ status: "ok" as const, checks }, 200);
  });
