import { z } from "@hono/zod-openapi";
import { desc, lt, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** `?limit=1..100` (default 20) and `?starting_after=<id>`: the v2 list query. */
export const ListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
  starting_after: z
    .string()
    .max(64)
    .regex(/^[a-z]+_[0-9a-z]{26}$/, "must be an id from a previous page")
    .optional()
    .openapi({ description: "Return items after this id (the previous page's next_cursor)" }),
});
export type ListQuery = z.infer<typeof ListQuerySchema>;

/** The v2 list envelope around an item schema. */
export function listEnvelope<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    data: z.array(item),
    has_more: z.boolean(),
    next_cursor: z.string().nullable(),
  });
}

/** Newest first by id (ids sort by creation time): the cursor condition and the order. */
export function cursorClause(idColumn: PgColumn, query: ListQuery) {
  return {
    after: query.starting_after ? (lt(idColumn, query.starting_after) as SQL) : undefined,
    orderBy: desc(idColumn),
    limit: query.limit + 1,
  };
}

/** Cuts the one extra row fetched to learn whether another page exists. */
export function toPage<T extends { id: string }>(rows: T[], limit: number) {
  const data = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  return { data, has_more: hasMore, next_cursor: hasMore ? (data.at(-1)?.id ?? null) : null };
}

/** `?page=1..` (default 1) and `?per_page=1..100` (default 20): the v1 list query. */
export const V1PageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
});

/** The v1 list envelope. */
export function v1ListEnvelope<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    data: z.array(item),
    page: z.number().int(),
    per_page: z.number().int(),
    total: z.number().int(),
  });
}
