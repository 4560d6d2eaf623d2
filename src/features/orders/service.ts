import { asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { auditInScope } from "../../platform/audit";
import { assertRole } from "../../platform/auth/roles";
import type { ServiceContext, TenantRequestContext } from "../../platform/context";
import { READ_ONLY, type TenantScope, uncachedRead } from "../../platform/db";
import { books, orderLines, orders } from "../../platform/db/schema";
import { AppError, type FieldError } from "../../platform/errors";
import { isId, newId } from "../../platform/ids";
import { MAX_AMOUNT } from "../../platform/money";
import { recordEvent } from "../../platform/outbox";
import { cursorClause, type ListQuery, toPage } from "../../platform/pagination";
import { orderView } from "./representation";
import type { CreateOrderInput, OrderStatus } from "./schemas";

type OrderRow = typeof orders.$inferSelect;

export const orderNotFound = () => new AppError("not_found", "No such order.");

/** Loads the lines of many orders in one query (no N+1), grouped by order id. */
async function linesByOrder(scope: TenantScope, orderIds: string[]) {
  const grouped = new Map<string, Array<typeof orderLines.$inferSelect>>();
  if (orderIds.length === 0) return grouped;
  const rows = await scope.tx
    .select()
    .from(orderLines)
    .where(scope.where(orderLines, inArray(orderLines.orderId, orderIds)));
  for (const row of rows) {
    const list = grouped.get(row.orderId) ?? [];
    list.push(row);
    grouped.set(row.orderId, list);
  }
  return grouped;
}

/** Reads one order with its lines; `lock` holds the order row until the transaction ends. */
export async function loadOrder(scope: TenantScope, id: string, lock = false) {
  if (!isId("ord", id)) throw orderNotFound();
  const query = scope.tx
    .select()
    .from(orders)
    .where(scope.where(orders, eq(orders.id, id), lock ? uncachedRead : undefined));
  const [order] = lock ? await query.for("update") : await query;
  if (!order) throw orderNotFound();
  const lines = (await linesByOrder(scope, [id])).get(id) ?? [];
  return { order, lines };
}

export async function getOrder({ ctx, id }: { ctx: ServiceContext; id: string }) {
  assertRole(ctx.role, "viewer");
  return ctx.database.tenant(async (scope) => {
    const { order, lines } = await loadOrder(scope, id);
    return orderView(order, lines);
  }, READ_ONLY);
}

async function viewsOf(scope: TenantScope, rows: OrderRow[]) {
  const lines = await linesByOrder(
    scope,
    rows.map((row) => row.id),
  );
  return rows.map((row) => orderView(row, lines.get(row.id) ?? []));
}

/** v2 list: newest first, cursor pagination, optional status filter; two queries per page. */
export async function listOrders({
  ctx,
  query,
}: {
  ctx: ServiceContext;
  query: ListQuery & { status?: OrderStatus | undefined };
}) {
  assertRole(ctx.role, "viewer");
  return ctx.database.tenant(async (scope) => {
    const page = cursorClause(orders.id, query);
    const rows = await scope.tx
      .select()
      .from(orders)
      .where(
        scope.where(orders, query.status ? eq(orders.status, query.status) : undefined, page.after),
      )
      .orderBy(page.orderBy)
      .limit(page.limit);
    const { data, ...rest } = toPage(rows, query.limit);
    return { data: await viewsOf(scope, data), ...rest };
  }, READ_ONLY);
}

/** v1 list: page numbers and a total (`cancelled` includes expired orders). */
export async function listOrdersByPage({
  ctx,
  query,
}: {
  ctx: ServiceContext;
  query: { page: number; per_page: number; status?: OrderStatus | undefined };
}) {
  assertRole(ctx.role, "viewer");
  return ctx.database.tenant(async (scope) => {
    // v1 has no `expired`: its `cancelled` covers expired orders too (v1-routes.ts).
    const statuses: OrderStatus[] | undefined =
      query.status === "cancelled" ? ["cancelled", "expired"] : query.status && [query.status];
    const where = scope.where(orders, statuses ? inArray(orders.status, statuses) : undefined);
    const [totals] = await scope.tx
      .select({ total: sql<number>`count(*)::int` })
      .from(orders)
      .where(where);
    const rows = await scope.tx
      .select()
      .from(orders)
      .where(where)
      .orderBy(sql`${orders.id} desc`)
      .limit(query.per_page)
      .offset((query.page - 1) * query.per_page);
    return { data: await viewsOf(scope, rows), total: totals?.total ?? 0 };
  }, READ_ONLY);
}

/** How long a pending order holds its stock when the tenant set nothing. */
export const DEFAULT_HOLD_MINUTES = 30;

const invalid = (errors: FieldError[]) =>
  new AppError("validation_failed", "Some order lines cannot be ordered.", { errors });

/** `CASE id WHEN … THEN quantity … END`: one statement adjusts every line's book. */
export function quantityByBook(lines: Array<{ book_id: string; quantity: number }>): SQL {
  const cases = lines.map((line) => sql`when ${line.book_id} then ${line.quantity}::int`);
  return sql`(case ${books.id} ${sql.join(cases, sql` `)} end)`;
}

/**
 * Creates an order and reserves its stock in one transaction: all lines or none. The books are
 * locked in id order (so concurrent orders cannot deadlock), checked, then decremented by one
 * conditional UPDATE that can never take stock below zero.
 */
export async function createOrder({
  ctx,
  input,
}: {
  ctx: TenantRequestContext;
  input: CreateOrderInput;
}) {
  assertRole(ctx.role, "editor");
  const lines = input.lines;
  // From the credential's tenant snapshot (no extra round trip): a change reaches new orders
  // within the credential cache's few seconds.
  const holdMinutes = ctx.tenant.reservationHoldMinutes ?? DEFAULT_HOLD_MINUTES;
  return ctx.database.tenant(async (scope) => {
    const wellFormed = lines.map((l) => l.book_id).filter((id) => isId("book", id));
    const found =
      wellFormed.length === 0
        ? []
        : await scope.tx
            .select()
            .from(books)
            .where(
              scope.where(
                books,
                inArray(books.id, wellFormed),
                isNull(books.deletedAt),
                uncachedRead,
              ),
            )
            .orderBy(asc(books.id))
            .for("update");
    const byId = new Map(found.map((book) => [book.id, book]));

    // Unknown, deleted and other tenants' books read the same: existence is not disclosed.
    const errors: FieldError[] = [];
    const currency = byId.get(lines[0]?.book_id ?? "")?.currency;
    lines.forEach((line, i) => {
      const path = `json.lines.${i}.book_id`;
      const book = byId.get(line.book_id);
      if (!book) errors.push({ path, message: "no such book" });
      else if (book.status !== "active") errors.push({ path, message: "the book is archived" });
      else if (currency && book.currency !== currency) {
        errors.push({
          path,
          message: `the book is priced in ${book.currency}; this order is in ${currency}`,
        });
      }
    });
    if (errors.length > 0 || !currency) throw invalid(errors);

    const short = lines.flatMap((line) => {
      const available = byId.get(line.book_id)?.stock ?? 0;
      return available < line.quantity
        ? [{ book_id: line.book_id, requested: line.quantity, available }]
        : [];
    });
    if (short.length > 0) {
      throw new AppError("insufficient_stock", "Not enough stock for some lines.", {
        extensions: { lines: short },
      });
    }

    const priced = lines.map((line) => {
      const book = byId.get(line.book_id);
      if (!book) throw new Error("book vanished");
      return { line, book, lineAmount: book.priceAmount * line.quantity };
    });
    const total = priced.reduce((sum, p) => sum + p.lineAmount, 0);
    if (total > MAX_AMOUNT) {
      throw invalid([{ path: "json.lines", message: "the order total is too large" }]);
    }

    const quantity = quantityByBook(lines);
    const now = new Date();
    const orderId = newId("ord");
    // Sorted ids keep the lines in request order (ids sort by creation time).
    const lineIds = lines.map(() => newId("line")).sort();
    // The three writes need nothing from each other (the books are locked above, the ids are made
    // here): sent together, they take one round trip to the database instead of three.
    const [reserved, [order], insertedLines] = await Promise.all([
      scope.tx
        .update(books)
        .set({
          stock: sql`${books.stock} - ${quantity}`,
          version: sql`${books.version} + 1`,
          updatedAt: now,
        })
        .where(
          scope.where(books, inArray(books.id, wellFormed), sql`${books.stock} >= ${quantity}`),
        )
        .returning({ id: books.id }),
      scope.tx
        .insert(orders)
        .values({
          id: orderId,
          tenantId: scope.tenantId,
          status: "pending",
          currency,
          totalAmount: total,
          createdAt: now,
          updatedAt: now,
          expiresAt: new Date(now.getTime() + holdMinutes * 60_000),
        })
        .returning(),
      scope.tx
        .insert(orderLines)
        .values(
          priced.map(({ line, book, lineAmount }, i) => ({
            id: lineIds[i] as string,
            tenantId: scope.tenantId,
            orderId,
            bookId: book.id,
            quantity: line.quantity,
            unitAmount: book.priceAmount,
            lineAmount,
            title: book.title,
            isbn: book.isbn,
          })),
        )
        .returning(),
    ]);
    if (reserved.length !== lines.length) {
      throw new Error("stock changed under a row lock");
    }
    if (!order) throw new Error("insert returned no row");
    const view = orderView(order, insertedLines);
    await auditInScope(scope, ctx, {
      action: "order.created",
      targetType: "order",
      targetId: order.id,
      after: view,
    });
    await recordEvent(scope, "order.created", view);
    return view;
  });
}
