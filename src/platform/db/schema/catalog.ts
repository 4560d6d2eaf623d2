import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { createdAt, tenantIdColumn, ts, updatedAt } from "./columns";
import { tenants } from "./tenancy";

export const books = pgTable(
  "books",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    isbn: text("isbn").notNull(),
    title: text("title").notNull(),
    authors: jsonb("authors").$type<string[]>().notNull(),
    priceAmount: integer("price_amount").notNull(),
    currency: text("currency").notNull(),
    /**
     * A bigint although clients set at most 2^31-1: stock released by cancelled orders is added to
     * whatever the stock is then, and an int4 could overflow and leave the order uncancellable.
     */
    stock: bigint("stock", { mode: "number" }).notNull(),
    status: text("status", { enum: ["active", "archived"] })
      .notNull()
      .default("active"),
    /** Incremented on every change; the ETag and If-Match compare it. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Deleted books disappear from the catalog but stay readable on past orders' lines. */
    deletedAt: ts("deleted_at"),
  },
  (t) => [
    uniqueIndex("books_tenant_isbn_key").on(t.tenantId, t.isbn).where(sql`${t.deletedAt} is null`),
    index("books_tenant_idx").on(t.tenantId, t.id),
    check("books_stock_nonnegative", sql`${t.stock} >= 0`),
    check("books_price_nonnegative", sql`${t.priceAmount} >= 0`),
  ],
);

export const orders = pgTable(
  "orders",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    status: text("status", {
      enum: ["pending", "confirmed", "shipped", "cancelled", "expired"],
    }).notNull(),
    currency: text("currency").notNull(),
    totalAmount: integer("total_amount").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    confirmedAt: ts("confirmed_at"),
    shippedAt: ts("shipped_at"),
    cancelledAt: ts("cancelled_at"),
    /** When a pending order stops holding its stock; set at creation from the tenant's hold time. */
    expiresAt: ts("expires_at"),
    expiredAt: ts("expired_at"),
  },
  (t) => [
    index("orders_tenant_idx").on(t.tenantId, t.id),
    /** The expiry cron's scan: only pending orders, oldest deadline first. */
    index("orders_due_pending_idx").on(t.expiresAt, t.id).where(sql`${t.status} = 'pending'`),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    bookId: text("book_id")
      .notNull()
      .references(() => books.id),
    quantity: integer("quantity").notNull(),
    unitAmount: integer("unit_amount").notNull(),
    lineAmount: integer("line_amount").notNull(),
    /** Snapshot of the book at order time, so archived or deleted books stay readable. */
    title: text("title").notNull(),
    isbn: text("isbn").notNull(),
  },
  (t) => [
    index("order_lines_order_idx").on(t.tenantId, t.orderId),
    /** What open orders hold of a book: read by every import batch under its row locks. */
    index("order_lines_book_idx").on(t.tenantId, t.bookId),
    check("order_lines_quantity_positive", sql`${t.quantity} > 0`),
  ],
);

/** The transactional outbox: one row per domain event, written with the mutation. */
export const events = pgTable(
  "events",
  {
    id: text("id").primaryKey(),
    tenantId: tenantIdColumn().references(() => tenants.id),
    type: text("type").notNull(),
    /** The webhook body exactly as delivered: {"type","timestamp","data"}. */
    payload: jsonb("payload").notNull(),
    createdAt: createdAt(),
    /** Set once the relay has enqueued the event's deliveries; the sweep picks up the rest. */
    dispatchedAt: ts("dispatched_at"),
    /**
     * Taken from a sequence at insert: for one resource it is commit order, because writers of a
     * resource hold its row lock from before the insert to their commit (a JS id is not).
     */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    /**
     * The resource the event is about, e.g. `order:ord_…` or `book.import:imp_…` (the type
     * without its last part, and `data.id`); null when the data has no id. Ordered endpoints
     * deliver one resource's events in `seq` order.
     */
    resourceKey: text("resource_key").generatedAlwaysAs(
      sql`regexp_replace(type, '[.][^.]*$', '') || ':' || (payload -> 'data' ->> 'id')`,
    ),
    /**
     * The event's place in its tenant's log (the change feed's cursor), in commit order: a
     * trigger (migration 0013) sets it on every insert from the tenant's `event_positions` row,
     * whose lock the inserting transaction then holds until it commits. Whatever a writer sends
     * is replaced; the 0 here only satisfies the insert type.
     */
    position: bigint("position", { mode: "number" })
      .notNull()
      .$defaultFn(() => 0),
  },
  (t) => [
    index("events_tenant_idx").on(t.tenantId, t.id),
    uniqueIndex("events_tenant_position_idx").on(t.tenantId, t.position),
    index("events_undispatched_idx").on(t.createdAt).where(sql`${t.dispatchedAt} is null`),
    /** Retention and relay-lag figures read events by age. */
    index("events_created_idx").on(t.createdAt),
  ],
);

/**
 * Each tenant's event log counter: `last` is the newest position handed out (taken under this
 * row's lock, so positions follow commit order), `pruned_through` the newest position retention
 * has deleted (a feed cursor below it has expired).
 */
export const eventPositions = pgTable("event_positions", {
  tenantId: text("tenant_id")
    .primaryKey()
    .references(() => tenants.id),
  last: bigint("last", { mode: "number" }).notNull().default(0),
  prunedThrough: bigint("pruned_through", { mode: "number" }).notNull().default(0),
});
