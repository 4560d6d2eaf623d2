import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { getConfig } from "../../env";
import { requireRole } from "../../platform/auth/roles";
import { type AppEnv, serviceContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { idempotent } from "../../platform/idempotency/middleware";
import {
  createRouter,
  errorResponses,
  headersFor,
  idempotencyKeyParameter,
  jsonResponse,
  tenantSecurity,
} from "../../platform/openapi";
import { chargeRequest } from "../../platform/rate-limit/middleware";
import { safeText, storableString } from "../../platform/schemas";
import { type GraphQLRequest, parseDocument, runGraphQL } from "./execute";
import { printedSchema } from "./schema";

const tags = ["graphql"];
const security = tenantSecurity;
const keyed = { keyed: true } as const;

/** Longest document accepted (characters); the token limit applies too (execute.ts). */
const MAX_QUERY_LENGTH = 20_000;

const QuerySchema = storableString(MAX_QUERY_LENGTH)
  .min(1)
  .openapi({ example: "{ orders(first: 10) { edges { node { id status } } } }" });
const VariablesSchema = z.record(z.string(), z.unknown()).nullable().optional();
const OperationNameSchema = safeText(200).nullable().optional();

const GraphQLRequestSchema = z
  .object({
    query: QuerySchema,
    variables: VariablesSchema,
    operationName: OperationNameSchema,
    extensions: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .openapi("GraphQLRequest");

const GraphQLGetQuerySchema = z.strictObject({
  query: QuerySchema.openapi({ example: "{ tenant { id plan } }" }),
  variables: storableString(MAX_QUERY_LENGTH)
    .optional()
    .openapi({ description: "The variables as a JSON object" }),
  operationName: safeText(200).optional(),
});

const GraphQLErrorSchema = z
  .object({
    message: z.string(),
    locations: z.array(z.object({ line: z.number().int(), column: z.number().int() })).optional(),
    path: z.array(z.union([z.string(), z.number().int()])).optional(),
    extensions: z
      .object({
        code: z.string().openapi({
          description:
            "The problem+json code of the same failure in REST (not_found, forbidden, validation_failed, insufficient_stock, query_too_complex, …)",
        }),
      })
      .passthrough(),
  })
  .openapi("GraphQLError");

const GraphQLResponseSchema = z
  .object({
    data: z.record(z.string(), z.unknown()).nullable().optional(),
    errors: z.array(GraphQLErrorSchema).optional(),
    extensions: z
      .object({
        cost: z
          .object({
            requested: z.number().int().openapi({ description: "What the document cost" }),
            charged: z.number().int().openapi({
              description:
                "Requests the rate limiter counted it as: max(1, ceil(cost / 100)); 1 when refused before running",
            }),
            remaining: z.number().int().nullable().openapi({
              description: "What the policy closest to its limit has left (RateLimit's r)",
            }),
          })
          .openapi("GraphQLCost"),
      })
      .optional(),
  })
  .openapi("GraphQLResponse");

const DESCRIPTION =
  "One GraphQL operation over the same verbs, roles, validation and tenant isolation as REST (schema at GET /v2/graphql/schema.graphql; docs/graphql.md). Errors of the operation are 200 with `errors[].extensions.code` from the problem registry; a document that does not parse is 400 validation_failed (problem+json). Depth ≤ 10, cost ≤ 1,000 (each field 1, a connection's edges × first) and ≤ 30 aliases, checked before execution: query_too_complex. With Idempotency-Key a mutation carries exactly one field and is replayed like a REST write.";

const post = createRoute({
  method: "post",
  path: "/",
  tags,
  security,
  operationId: "graphql",
  summary: "Run a GraphQL query or mutation (viewer; mutations check the REST roles)",
  description: DESCRIPTION,
  parameters: idempotencyKeyParameter,
  // Any role may query; each mutation's verb checks its own role (editor), as REST's routes do.
  middleware: [requireRole("viewer"), idempotent()] as const,
  request: {
    body: { required: true, content: { "application/json": { schema: GraphQLRequestSchema } } },
  },
  responses: {
    200: jsonResponse("v2", "The operation's result", GraphQLResponseSchema, keyed),
    ...errorResponses("v2", { ...keyed, body: "json" }),
  },
});

const get = createRoute({
  method: "get",
  path: "/",
  tags,
  security,
  operationId: "graphqlQuery",
  summary: "Run a GraphQL query from the URL (viewer; queries only)",
  description:
    "The query (and `variables` as JSON, `operationName`) in the URL, for caches and saved queries; mutations are refused (send them with POST). Otherwise as POST /v2/graphql.",
  middleware: [requireRole("viewer")] as const,
  request: { query: GraphQLGetQuerySchema },
  responses: {
    200: jsonResponse("v2", "The query's result", GraphQLResponseSchema),
    ...errorResponses("v2"),
  },
});

const sdl = createRoute({
  method: "get",
  path: "/schema.graphql",
  tags,
  security,
  operationId: "graphqlSchema",
  summary: "The GraphQL schema (SDL) (viewer)",
  description:
    "The schema POST /v2/graphql runs, in the GraphQL schema definition language; served whether or not introspection is enabled.",
  middleware: [requireRole("viewer")] as const,
  responses: {
    200: {
      description: "The schema",
      headers: headersFor("v2"),
      content: { "text/plain": { schema: z.string() } },
    },
    // Authentication reads the database, so this answers 503 when it is unreachable like any /v2 route.
    ...errorResponses("v2"),
  },
});

async function answer(c: Context<AppEnv>, request: GraphQLRequest, method: "GET" | "POST") {
  const document = parseDocument(request.query);
  const result = await runGraphQL(
    request,
    document,
    {
      ctx: serviceContext(c),
      introspection: getConfig(c.env).GRAPHQL_INTROSPECTION,
      method,
      keyed: c.req.header("idempotency-key") !== undefined,
      charge: (requests) => chargeRequest(c, requests),
    },
    { request_id: c.var.requestId, tenant_id: c.var.principal?.tenantId },
  );
  // The request log, analytics and idempotency read the first error's code (a 200 carries it).
  const code = result.errors?.[0]?.extensions.code;
  if (code) c.set("errorCode", code);
  return result;
}

const problemVariables = (message: string) =>
  new AppError("validation_failed", "The request is invalid.", {
    errors: [{ path: "query.variables", message }],
  });

/** GET's `variables`: a JSON object, or absent. */
function variablesOf(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  const invalid = () =>
    problemVariables("must be a JSON object (the operation's variables by name)");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid();
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw invalid();
  return value as Record<string, unknown>;
}

/** /v2/graphql */
export const graphqlRoutes = createRouter()
  .openapi(sdl, (c) => c.text(printedSchema, 200, { "content-type": "text/plain; charset=utf-8" }))
  .openapi(post, async (c) => c.json(await answer(c, c.req.valid("json"), "POST"), 200))
  .openapi(get, async (c) => {
    const query = c.req.valid("query");
    const request = {
      query: query.query,
      variables: variablesOf(query.variables),
      operationName: query.operationName,
    };
    return c.json(await answer(c, request, "GET"), 200);
  });
