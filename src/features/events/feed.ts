import type { ServiceContext } from "../../platform/context";
import { checkStart, feedPageBody, parseStart, readLog, typesFor } from "../../platform/event-log";
import type { FeedQuery } from "./feed-schemas";

/**
 * One page of the tenant's change feed, oldest first, in commit order: the events the
 * credential's role may see, of the asked types, after the cursor. One statement; the answer is
 * the JSON text of the page (`FeedPage`), its items as Postgres built them.
 */
export async function readFeed({ ctx, query }: { ctx: ServiceContext; query: FeedQuery }) {
  const start = parseStart(query.after);
  const types = typesFor(ctx.role, query.types);
  const page = await ctx.database.tenant((scope) => readLog(scope, start, types, query.limit));
  checkStart(start, page);
  return feedPageBody(page);
}
