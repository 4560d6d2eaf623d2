import { createRoute, type RouteConfig, type z } from "@hono/zod-openapi";
import { ifNoneMatchParameter } from "./conditional";
import { headersFor } from "./openapi";

type Responses = RouteConfig["responses"];

/** What a v1 operation says differently from its v2 twin; the rest is the twin's. */
export interface V1Delta<B extends z.ZodType | undefined, R extends Responses> {
  operationId: string;
  /** "… Deprecated: use <the v2 operation>". */
  summary: string;
  /** v2's when absent. */
  description?: string;
  /** The JSON body's schema in the v1 representation, where it differs from v2's. */
  body?: B;
  /** The answers in the v1 representation (the successes); the others are v2's. */
  responses?: R;
}

/** The twin's request: v2's, with the v1 body schema when there is one. */
type V1Request<Q, B> = B extends z.ZodType
  ? Omit<Q, "body"> & { body: { required: true; content: { "application/json": { schema: B } } } }
  : Q;

/** v1 has no conditional GET: no If-None-Match, no 304. */
const isConditional = (parameter: unknown) =>
  (ifNoneMatchParameter as unknown[]).includes(parameter);

/** A v2 answer as v1 sends it: the same, with the v1 area's headers (Deprecation, Sunset, Link). */
function inV1<T extends Responses[string]>(response: T): T {
  return "headers" in response && response.headers !== undefined
    ? { ...response, headers: { ...headersFor("v1"), ...response.headers } }
    : response;
}

/** The v1 declaration's type: v2's, named anew, with the delta's body and answers. */
type V1Route<V2 extends RouteConfig, B, R extends Responses> = Omit<
  V2,
  "tags" | "deprecated" | "operationId" | "summary" | "description" | "request" | "responses"
> & {
  tags: string[];
  deprecated: true;
  operationId: string;
  summary: string;
  description?: string;
  request: V1Request<V2["request"], B>;
  responses: Omit<V2["responses"], 304 | keyof R> & R;
};

/**
 * The deprecated `/v1` declaration of a `/v2` route: the same method, path, security, request
 * (parameters, headers, query, body), middleware (role check, idempotency) and problem answers,
 * tagged `v1 (deprecated)`, with v1's headers on every answer and without the conditional GET
 * v1 never had. `delta` names the operation and gives what v1 represents differently.
 */
export function v1Twin<
  V2 extends RouteConfig,
  B extends z.ZodType | undefined = undefined,
  R extends Responses = Record<never, never>,
>(v2: V2, delta: V1Delta<B, R>) {
  const { method, path, security, middleware, request, responses } = v2;
  const parameters = v2.parameters?.filter((parameter) => !isConditional(parameter)) ?? [];
  const inherited = Object.fromEntries(
    Object.entries(responses)
      .filter(([status]) => status !== "304")
      .map(([status, response]) => [status, inV1(response)]),
  );
  const body = delta.body && {
    ...request?.body,
    content: { "application/json": { schema: delta.body } },
  };
  // In the order v1's declarations always had (it is the order of the document's members).
  const route = {
    tags: ["v1 (deprecated)"],
    security,
    deprecated: true,
    method,
    path,
    operationId: delta.operationId,
    description: delta.description ?? v2.description,
    ...(parameters.length > 0 ? { parameters } : {}),
    summary: delta.summary,
    middleware,
    request: body ? { ...request, body } : request,
    responses: { ...inherited, ...delta.responses },
  };
  return createRoute(route as unknown as V1Route<V2, B, R> & { path: V2["path"] });
}
