import {
  type DocumentNode,
  defaultFieldResolver,
  execute,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLFieldResolver,
  getOperationAST,
  Kind,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
} from "graphql";
import type { TenantRequestContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { type FormattedError, formatError } from "./errors";
import { measure, tooComplex } from "./limits";
import { type GraphQLContext, graphqlContext, resolvers } from "./resolvers";
import { schema } from "./schema";

/** A GraphQL request as POST sends it (and GET's query parameters carry). */
export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown> | null | undefined;
  operationName?: string | null | undefined;
}

/** What a measured document cost, and what the rate limiter counted it as. */
export interface CostExtension {
  /** The document's cost (limits.ts's model), measured before it ran. */
  requested: number;
  /** Requests the rate limiter counted it as (0 when the limiter could not be reached). */
  charged: number;
  /** What the policy closest to its limit has left after this request (RateLimit's r). */
  remaining: number | null;
}

/** What the endpoint answers (200): data, errors, and what the document cost. */
export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: FormattedError[];
  extensions?: { cost: CostExtension };
}

/** Cost per rate-limit unit: a query is counted as one request per started 100 of its cost. */
export const COST_PER_REQUEST = 100;

/**
 * What a query of `cost` is counted as by the rate limiter: max(1, ceil(cost / 100)). A document
 * that reads about what one REST request does (one resource, or a page of a few fields) is 1, as
 * REST; the largest admitted document (1,000) is 10, a tenth of a credential's minute.
 */
export const requestsFor = (cost: number): number =>
  Math.max(1, Math.ceil(cost / COST_PER_REQUEST));

export interface ExecutionOptions {
  ctx: TenantRequestContext;
  introspection: boolean;
  /** GET: queries only (a mutation needs POST). */
  method: "GET" | "POST";
  /** The request carries Idempotency-Key: a mutation then holds exactly one field. */
  keyed: boolean;
  /**
   * Counts the request as `requests` requests in all with the rate limiter, before it runs
   * (throws the 429 when there is no room); answers what was counted.
   */
  charge: (requests: number) => Promise<{ charged: number; remaining: number | null }>;
}

/** Most tokens a document may have: parsing stops there (a huge document is refused cheaply). */
const MAX_TOKENS = 5_000;

const fieldResolver: GraphQLFieldResolver<unknown, GraphQLContext> = (source, args, g, info) => {
  const own = resolvers[info.parentType.name]?.[info.fieldName];
  return own ? own(source as never, args, g) : defaultFieldResolver(source, args, g, info);
};

/**
 * A document that is not GraphQL (syntax, or too many tokens) is not a GraphQL request: 400
 * validation_failed as problem+json, like any malformed request body.
 */
export function parseDocument(query: string): DocumentNode {
  try {
    return parse(query, { maxTokens: MAX_TOKENS, noLocation: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : "not a GraphQL document";
    throw new AppError("validation_failed", "The query is not a GraphQL document.", {
      errors: [{ path: "json.query", message }],
    });
  }
}

const refusal = (message: string) =>
  ({ message, extensions: { code: "validation_failed" } }) as const satisfies FormattedError;

/**
 * Runs one GraphQL request: validation against the schema (introspection refused when it is
 * off), the limits measured before anything runs, then execution with one request's loaders.
 */
export async function runGraphQL(
  request: GraphQLRequest,
  document: DocumentNode,
  options: ExecutionOptions,
  logFields: Record<string, unknown>,
): Promise<GraphQLResponse> {
  const rules = options.introspection
    ? specifiedRules
    : [...specifiedRules, NoSchemaIntrospectionCustomRule];
  const invalid = validate(schema, document, rules);
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => formatError(error, logFields));
  if (invalid.length > 0) return { errors: format(invalid) };

  const operation = getOperationAST(document, request.operationName ?? undefined);
  if (!operation) {
    return {
      errors: [
        refusal(
          request.operationName
            ? `No operation named "${request.operationName}".`
            : "The document has several operations: name one in operationName.",
        ),
      ],
    };
  }
  if (operation.operation !== "query" && options.method === "GET") {
    return { errors: [refusal("Only queries may be sent with GET; send mutations with POST.")] };
  }
  const rootFields = operation.selectionSet.selections.filter(
    (s) => !(s.kind === Kind.FIELD && s.name.value === "__typename"),
  );
  if (operation.operation === "mutation" && options.keyed && rootFields.length !== 1) {
    return {
      errors: [
        refusal(
          "A request with Idempotency-Key carries exactly one mutation field, as a REST request is one operation.",
        ),
      ],
    };
  }

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const variables = request.variables ?? {};
  const measured = measure(schema, operation, fragments, variables);
  const refused = tooComplex(measured);
  // A refused document runs nothing: it is counted as the one request it was admitted as.
  const charge = await options.charge(refused ? 1 : requestsFor(measured.cost));
  const extensions = { cost: { requested: measured.cost, ...charge } };
  if (refused) return { errors: format([refused]), extensions };

  const result = await execute({
    schema,
    document,
    operationName: request.operationName ?? undefined,
    variableValues: variables,
    contextValue: graphqlContext(options.ctx),
    fieldResolver,
  });
  return {
    ...(result.errors ? { errors: format(result.errors) } : {}),
    data: (result.data as Record<string, unknown> | null | undefined) ?? null,
    extensions,
  };
}
