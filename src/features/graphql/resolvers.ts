import DataLoader from "dataloader";
import type { TenantRequestContext } from "../../platform/context";
import {
  BookIdParamSchema,
  BookListQuerySchema,
  CreateBookSchema,
  IfMatchHeaderSchema,
  UpdateBookSchema,
} from "../books/schemas";
import {
  type BookView,
  booksByIds,
  createBook,
  getBook,
  listBooks,
  updateBook,
} from "../books/service";
import type { OrderView } from "../orders/representation";
import { CreateOrderSchema, OrderIdParamSchema, OrderListQuerySchema } from "../orders/schemas";
import { createOrder, getOrder, listOrders } from "../orders/service";
import { type OrderAction, transitionOrder } from "../orders/transitions";
import { getOwnTenant } from "../tenants/service";
import { validated } from "./errors";

/** What every resolver of one request shares: the tenant verbs' context and its batch loaders. */
export interface GraphQLContext {
  ctx: TenantRequestContext;
  /** Books by id, one statement per batch (all of a level's `OrderLine.book` at once). */
  books: DataLoader<string, BookView | null>;
}

export function graphqlContext(ctx: TenantRequestContext): GraphQLContext {
  return {
    ctx,
    books: new DataLoader((ids) => booksByIds({ ctx, ids }), { maxBatchSize: 1_000 }),
  };
}

type Args = Record<string, unknown>;
type Resolver = (parent: never, args: Args, context: GraphQLContext) => unknown;

/** The list arguments' REST names, for error paths: `query.limit` is the argument `first`. */
const LIST_ARGS = { limit: "first", starting_after: "after" };
const optional = (value: unknown) => value ?? undefined;

function bookNode(book: BookView) {
  return {
    id: book.id,
    isbn: book.isbn,
    title: book.title,
    authors: book.authors,
    price: book.price,
    stock: book.stock,
    status: book.status,
    version: book.version,
    createdAt: book.created_at,
    updatedAt: book.updated_at,
  };
}

function orderNode(order: OrderView) {
  return {
    id: order.id,
    status: order.status,
    total: order.total,
    lines: order.lines.map((line) => ({
      id: line.id,
      bookId: line.book_id,
      isbn: line.isbn,
      title: line.title,
      quantity: line.quantity,
      unitPrice: line.unit_price,
      lineTotal: line.line_total,
    })),
    createdAt: order.created_at,
    updatedAt: order.updated_at,
    confirmedAt: order.confirmed_at,
    shippedAt: order.shipped_at,
    cancelledAt: order.cancelled_at,
    expiresAt: order.expires_at,
    expiredAt: order.expired_at,
  };
}

/** A REST page as a Relay connection: an item's cursor is its id, as REST's `next_cursor` is. */
function connection<T extends { id: string }, N>(
  page: { data: T[]; has_more: boolean },
  node: (item: T) => N,
) {
  return {
    edges: page.data.map((item) => ({ cursor: item.id, node: node(item) })),
    pageInfo: { hasNextPage: page.has_more, endCursor: page.data.at(-1)?.id ?? null },
  };
}

const transition = (action: OrderAction) => async (_: never, args: Args, g: GraphQLContext) => {
  const { id } = validated(OrderIdParamSchema, { id: args.id });
  return orderNode(await transitionOrder({ ctx: g.ctx, id, action }));
};

/**
 * Resolvers by type and field; a field without one reads the parent's property of its name.
 * Each calls the REST route's verb with the REST route's zod schema: roles (`assertRole` in the
 * verb), tenant binding and rules are the verbs', never this module's.
 */
export const resolvers: Record<string, Record<string, Resolver>> = {
  Query: {
    book: async (_, args, g) => {
      const { id } = validated(BookIdParamSchema, { id: args.id });
      return bookNode(await getBook({ ctx: g.ctx, id }));
    },
    books: async (_, args, g) => {
      const query = validated(
        BookListQuerySchema,
        {
          limit: args.first,
          starting_after: optional(args.after),
          q: optional(args.q),
          status: optional(args.status),
        },
        undefined,
        LIST_ARGS,
      );
      return connection(await listBooks({ ctx: g.ctx, query }), bookNode);
    },
    order: async (_, args, g) => {
      const { id } = validated(OrderIdParamSchema, { id: args.id });
      return orderNode(await getOrder({ ctx: g.ctx, id }));
    },
    orders: async (_, args, g) => {
      const query = validated(
        OrderListQuerySchema,
        { limit: args.first, starting_after: optional(args.after), status: optional(args.status) },
        undefined,
        LIST_ARGS,
      );
      return connection(await listOrders({ ctx: g.ctx, query }), orderNode);
    },
    tenant: async (_, __, g) => {
      const tenant = await getOwnTenant({ ctx: g.ctx });
      return {
        id: tenant.id,
        name: tenant.name,
        plan: tenant.plan,
        status: tenant.status,
        limits: {
          requestsPerHour: tenant.limits.requests_per_hour,
          requestsPerMinutePerCredential: tenant.limits.requests_per_minute_per_credential,
          maxFileBytes: tenant.limits.max_file_bytes,
          webhookRatePerSecond: tenant.limits.webhook_rate_per_second,
        },
        usage: {
          books: tenant.usage.books,
          orders: tenant.usage.orders,
          files: tenant.usage.files,
          activeApiKeys: tenant.usage.active_api_keys,
        },
        createdAt: tenant.created_at,
        updatedAt: tenant.updated_at,
      };
    },
  },
  Mutation: {
    createBook: async (_, args, g) => {
      const input = validated(CreateBookSchema, args.input, "json");
      return bookNode(await createBook({ ctx: g.ctx, input }));
    },
    updateBook: async (_, args, g) => {
      const { id } = validated(BookIdParamSchema, { id: args.id });
      const input = validated(UpdateBookSchema, args.input, "json");
      const headers = validated(IfMatchHeaderSchema, { "if-match": optional(args.ifMatch) });
      return bookNode(await updateBook({ ctx: g.ctx, id, input, ifMatch: headers["if-match"] }));
    },
    createOrder: async (_, args, g) => {
      const lines = (args.input as { lines?: Array<{ bookId?: unknown; quantity?: unknown }> })
        ?.lines;
      const input = validated(
        CreateOrderSchema,
        { lines: lines?.map((line) => ({ book_id: line.bookId, quantity: line.quantity })) },
        "json",
      );
      return orderNode(await createOrder({ ctx: g.ctx, input }));
    },
    cancelOrder: transition("cancel"),
    confirmOrder: transition("confirm"),
    shipOrder: transition("ship"),
  },
  OrderLine: {
    book: async (line: never, _, g) => {
      const book = await g.books.load((line as { bookId: string }).bookId);
      return book ? bookNode(book) : null;
    },
  },
};
