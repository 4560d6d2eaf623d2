import { call } from "../../helpers/http";
import { bearer } from "../../helpers/tenant";

export interface FeedItem {
  cursor: string;
  event: { id: string; type: string; timestamp: string; data: { id?: string } };
}

export interface FeedPage {
  data: FeedItem[];
  next_cursor: string;
  has_more: boolean;
}

/** GET /v2/events/feed with a query, as `key`; asserts 200 and returns the page. */
export async function readFeed(key: string, query = ""): Promise<FeedPage> {
  const response = await call(`/v2/events/feed${query ? `?${query}` : ""}`, {
    headers: bearer(key),
  });
  if (response.status !== 200) {
    throw new Error(`feed answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as FeedPage;
}

/** Inserts `count` book.updated events straight into a tenant's outbox (the trigger positions them). */
export async function insertEvents(
  sql: import("postgres").Sql,
  tenantId: string,
  count: number,
  type = "book.updated",
): Promise<void> {
  await sql`
    insert into events (id, tenant_id, type, payload, position, dispatched_at)
    select 'evt_' || substr(md5(random()::text || g), 1, 26), ${tenantId}, ${type},
      jsonb_build_object('type', ${type}::text, 'timestamp', now()::text, 'data', jsonb_build_object('id', 'book_' || g)),
      0, now()
    from generate_series(1, ${count}) g`;
}
