import { createRoute, z } from "@hono/zod-openapi";
import {
  createRouter,
  documentObject,
  headersFor,
  PayloadTooLargeProblemSchema,
  problemFor,
  publicSecurity,
} from "../../platform/openapi";

/** Where a newcomer goes next; paths relative to this origin, so they follow whichever host served `/`. */
export const INDEX_LINKS = {
  docs: "/docs",
  openapi: "/openapi.json",
  readiness: "/health/ready",
} as const;

/** Long enough to absorb a crawler or a dashboard polling `/`, short enough to follow a deploy. */
export const INDEX_CACHE_CONTROL = "public, max-age=300";

const { info } = documentObject("");

const IndexSchema = z
  .object({
    name: z.string().openapi({ example: info.title }),
    version: z.string().openapi({
      description: "The API's version, as in the OpenAPI document's info.version",
      example: info.version,
    }),
    links: z
      .object({
        docs: z.literal(INDEX_LINKS.docs).openapi({ description: "The API reference (HTML)" }),
        openapi: z
          .literal(INDEX_LINKS.openapi)
          .openapi({ description: "The OpenAPI 3.1 document (the contract)" }),
        readiness: z
          .literal(INDEX_LINKS.readiness)
          .openapi({ description: "Readiness: whether this deployment can serve requests" }),
      })
      .openapi({ description: "Paths on this origin" }),
  })
  .openapi("ApiIndex");

const index = createRoute({
  method: "get",
  path: "/",
  // One tag per operation, from the document's list: the index sits with the other
  // unauthenticated entry points.
  tags: ["health"],
  security: publicSecurity,
  operationId: "getApiIndex",
  summary: "API index: name, version and where to start",
  description:
    "Answers without a credential and touches no dependency: the API's name and version and links to its reference, its OpenAPI document and its readiness probe. Cacheable for 5 minutes.",
  responses: {
    200: {
      description: "The index",
      headers: {
        ...headersFor("public"),
        "Cache-Control": {
          description: "`public, max-age=300`: the index changes only with a deploy",
          required: true,
          schema: { type: "string" },
        },
      },
      content: { "application/json": { schema: IndexSchema } },
    },
    // Like any route: a body over 1 MiB is refused before routing. No database is involved.
    413: problemFor("public", "A request body over 1 MiB (payload_too_large)", {
      schema: PayloadTooLargeProblemSchema,
    }),
    500: problemFor("public", "Internal error (internal; no details are disclosed)"),
  },
});

/** `/`: the API's index, for whoever opens the bare origin (exempt from authentication). */
export const indexRoutes = createRouter().openapi(index, (c) => {
  c.header("cache-control", INDEX_CACHE_CONTROL);
  return c.json({ name: info.title, version: info.version, links: INDEX_LINKS }, 200);
});
