import { createRoute, type z } from "@hono/zod-openapi";
import { requireRole } from "./auth/roles";
import type { Role } from "./context";
import { errorResponses, jsonResponse, tenantSecurity } from "./openapi";

/** A list's query: an object of parameters, parsed (and possibly transformed) by zod. */
type ListQuery = z.ZodObject | z.ZodPipe<z.ZodObject>;

/** What a tenant list route says of itself; the rest is the same on every list. */
export interface ListRouteDefinition<Q extends ListQuery, P extends z.ZodType> {
  area: "v1" | "v2";
  tags: string[];
  operationId: string;
  description: string;
  summary: string;
  /** The least role that may read the list. */
  role: Role;
  query: Q;
  page: P;
  /** What the page holds, for "A page of …". */
  items: string;
  /** A v1 route, replaced by its v2 twin. */
  deprecated?: true;
}

/**
 * A `GET /` that answers a page of a tenant's list: bearer security, the role check, the query
 * schema, the page and the area's problem answers, declared the way every list route is.
 */
export function listRoute<Q extends ListQuery, P extends z.ZodType>(
  definition: ListRouteDefinition<Q, P>,
) {
  const { area, items, page, query, role, deprecated, ...documented } = definition;
  return createRoute({
    method: "get",
    path: "/",
    security: tenantSecurity,
    ...documented,
    deprecated,
    middleware: [requireRole(role)] as const,
    request: { query },
    responses: {
      200: jsonResponse(area, `A page of ${items}`, page),
      ...errorResponses(area),
    },
  });
}
