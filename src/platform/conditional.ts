import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { type Area, headersFor, jsonResponse } from "./openapi";

/**
 * Conditional reads (If-None-Match → 304) for tenant data. Responses are private to the tenant:
 * `Cache-Control: private, no-cache` keeps shared caches from storing them and makes clients
 * revalidate every time, which is what the ETag is for.
 * Used by books and orders.
 */
export const PRIVATE_NO_CACHE = "private, no-cache";

/** The headers every conditional read answers with (200 and 304 alike). */
export const conditionalHeaders = (etag: string) => ({
  ETag: etag,
  "Cache-Control": PRIVATE_NO_CACHE,
});

/**
 * True when If-None-Match (`*` or a list of entity tags) matches `current`. If-None-Match uses
 * the weak comparison (RFC 9110 §13.1.2): a `W/` prefix on either side is ignored.
 */
export function ifNoneMatchSatisfied(header: string | undefined, current: string): boolean {
  if (!header) return false;
  const value = header.trim();
  if (value === "*") return true;
  const bare = current.replace(/^W\//, "");
  return value
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .includes(bare);
}

/**
 * The weak entity tag of one page of a list: a hash over the tenant, the query that selected
 * the page, each item's id and version (or last change), and the next cursor. Another tenant's
 * page, another filter or any change to an item gives another tag.
 */
export async function pageEtag(
  tenantId: string,
  query: Record<string, unknown>,
  page: {
    data: Array<{ id: string; version?: number; updated_at: string }>;
    next_cursor: string | null;
  },
): Promise<string> {
  const parts = [
    tenantId,
    JSON.stringify(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : 1))),
    ...page.data.map((item) => `${item.id}:${item.version ?? ""}:${item.updated_at}`),
    `next:${page.next_cursor ?? ""}`,
  ];
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(parts.join("\n")));
  const hex = [...new Uint8Array(digest).slice(0, 16)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
  return `W/"${hex}"`;
}

/** 304 with the entity's headers and no body, when the request's If-None-Match matches. */
export function notModified(c: Context, etag: string): Response | undefined {
  if (!ifNoneMatchSatisfied(c.req.header("if-none-match"), etag)) return undefined;
  return c.body(null, 304, conditionalHeaders(etag));
}

/**
 * OpenAPI: the request header of a conditional read. Declared as a parameter, not validated by a
 * schema: the typed client (hono/client) would otherwise require a `header` argument on every call.
 */
export const ifNoneMatchParameter = [
  {
    name: "If-None-Match",
    in: "header" as const,
    required: false,
    description:
      "ETags from earlier responses (or `*`): when one still matches, the answer is 304 with no body",
    schema: { type: "string" as const, maxLength: 2000 },
    example: '"book_01jd3xk2v8f4r6t8w0y2a4c6e8.v3"',
  },
];

const CACHE_CONTROL = {
  description: "Always `private, no-cache`: never stored by shared caches, revalidated every time",
  schema: { type: "string" as const, enum: [PRIVATE_NO_CACHE] },
};
const WEAK_ETAG = {
  description: "The page's version (weak): a hash over its items' ids and versions and its cursor",
  schema: { type: "string" as const, example: 'W/"9c1e4f0b7a2d4e6f8a0b1c2d3e4f5a6b"' },
};

/** OpenAPI: a conditional read's 200 (strong ETag for one entity, weak for a list page). */
export function conditionalJsonResponse<S extends z.ZodType>(
  area: Area,
  description: string,
  schema: S,
  etag: "strong" | "weak",
) {
  const response = jsonResponse(area, description, schema, {
    headers: etag === "strong" ? ["ETag"] : [],
  });
  return {
    ...response,
    headers: {
      ...response.headers,
      ...(etag === "weak" ? { ETag: WEAK_ETAG } : {}),
      "Cache-Control": CACHE_CONTROL,
    },
  };
}

/** OpenAPI: the 304 of a conditional read. */
export function notModifiedResponse(area: Area, etag: "strong" | "weak") {
  return {
    description: "Not modified: If-None-Match matched the current ETag; no body",
    headers: {
      ...headersFor(area, etag === "strong" ? ["ETag"] : []),
      ...(etag === "weak" ? { ETag: WEAK_ETAG } : {}),
      "Cache-Control": CACHE_CONTROL,
    },
  };
}
