import { call } from "../../helpers/http";
import { bearer } from "../../helpers/tenant";

/** A GraphQL response as the endpoint sends it. */
export interface GraphQLBody<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions: { code: string; [member: string]: unknown };
  }>;
  extensions?: { cost: { requested: number; charged: number; remaining: number | null } };
}

/** POSTs a GraphQL document with a credential (and extra headers, e.g. Idempotency-Key). */
export function postGraphQL(
  key: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return call("/v2/graphql", {
    method: "POST",
    headers: { ...bearer(key), "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, ...(variables ? { variables } : {}) }),
  });
}

/** POSTs a document and reads the 200 body. */
export async function gql<T = Record<string, unknown>>(
  key: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLBody<T>> {
  const response = await postGraphQL(key, query, variables, headers);
  if (response.status !== 200) {
    throw new Error(`GraphQL answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as GraphQLBody<T>;
}

/** The codes of a response's errors, in order. */
export const codesOf = (body: GraphQLBody<unknown>) =>
  (body.errors ?? []).map((e) => e.extensions.code);
