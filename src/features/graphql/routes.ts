import { createRoute, z } from "@hono/zod-openapi";
import { getOperationAST } from "graphql";
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
import { type GraphQLRequest, type GraphQLResponse, parseDocument, runGraphQL } from "./execute";
import {
  persistedQueryNotFound,
  persistedQueryOf,
  registerPersisted,
  resolveDocument,
} from "./persisted";
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
    query: QuerySchema.optional().openapi({
      description:
        "The document; optional when extensions.persistedQuery names one registered before",
    }),
    variables: VariablesSchema,
    operationName: OperationNameSchema,
    extensions: z.record(z.string(), z.unknown()).nullable().optional().openapi({
      description:
        'Automatic persisted queries: {"persistedQuery": {"version": 1, "sha256Hash": "<hex SHA-256 of query>"}}',
    }),
  })
  .openapi("GraphQLRequest");

const GraphQLGetQuerySchema = z.strictObject({
  query: QuerySchema.optional().openapi({
    example: "{ tenant { id plan } }",
    description: "The query; optional when `extensions` names a persisted query",
  }),
  variables: storableString(MAX_QUERY_LENGTH)
    .optional()
    .openapi({ description: "The variables as a JSON object" }),
  operationName: safeText(200).optional(),
  extensions: storableString(1_000).optional().openapi({
    description:
      'JSON: {"persistedQuery": {"version": 1, "sha256Hash": "<hex SHA-256 of the query>"}} (automatic persisted queries)',
  }),
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
  "One GraphQL operation over the same verbs, roles, validation and tenant isolation as REST (schema at GET /v2/graphql/schema.graphql; docs/graphql.md). Errors of the operation are 200 with `errors[].extensions.code` from the problem registry; a document that does not parse is 400 validation_failed (problem+json). Depth ≤ 10, cost ≤ 1,000 (each field 1, a connection's edges × first) and ≤ 30 aliases, checked before execution: query_too_complex. With Idempotency-Key a mutation carries exactly one field and is replayed like a REST write. The rate limit counts a request as max(1, ceil(cost / 100)) requests (extensions.cost: requested, charged, remaining); without room for them it is 429 rate_limited. Automatic persisted queries: extensions.persistedQuery {version: 1, sha256Hash} without query runs the document registered under that hash, or answers the error PersistedQueryNotFound (code precondition_failed) so the client sends the hash with the query, which registers it (a hash that does not match the query is 400).";

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
    "The query (and `variables` as JSON, `operationName`) in the URL, or only `extensions` naming a persisted query by its SHA-256 (automatic persisted queries), for caches and saved queries; mutations are refused (send them with POST). Otherwise as POST /v2/graphql.",
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

/** A request as sent: the document itself, or the hash of one registered before. */
interface SentRequest extends Omit<GraphQLRequest, "query"> {
  query?: string | undefined;
  extensions?: unknown;
}

async function answer(c: Context<AppEnv>, sent: SentRequest, method: "GET" | "POST") {
  const where = method === "GET" ? "query" : "json";
  const tenantId = c.var.principal?.tenantId ?? "";
  const persisted = persistedQueryOf(sent.extensions, where);
  const resolved = await resolveDocument(tenantId, sent.query, persisted, where);
  if ("miss" in resolved) {
    const miss: GraphQLResponse = { errors: [persistedQueryNotFound()] };
    c.set("errorCode", "precondition_failed");
    return miss;
  }
  const request: GraphQLRequest = {
    query: resolved.query,
    variables: sent.variables,
    operationName: sent.operationName,
  };
  const document = parseDocument(request.query);
  // A query writes nothing: the relay and the event hub have nothing to hear of it.
  if (getOperationAST(document, request.operationName ?? undefined)?.operation === "query") {
    c.set("writesNothing", true);
  }
  // Registered once it is a GraphQL document (whether or not it then validates and runs).
  if (resolved.register) registerPersisted(tenantId, resolved.register.hash, request.query);
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

const problemVariables = (name: string, message: string) =>
  new AppError("validation_failed", "The request is invalid.", {
    errors: [{ path: `query.${name}`, message }],
  });

/** GET's `variables` or `extensions`: a JSON object, or absent. */
function jsonObjectOf(
  text: string | undefined,
  name = "variables",
): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  const invalid = () =>
    problemVariables(
      name,
      name === "variables"
        ? "must be a JSON object (the operation's variables by name)"
        : "must be a JSON object",
    );
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
      variables: jsonObjectOf(query.variables),
      operationName: query.operationName,
      extensions: jsonObjectOf(query.extensions, "extensions"),
    };
    return c.json(await answer(c, request, "GET"), 200);
  });
