import { and, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { auditInScope } from "../../platform/audit";
import { assertRole } from "../../platform/auth/roles";
import type { ServiceContext } from "../../platform/context";
import { READ_ONLY, type TenantScope, uncachedRead } from "../../platform/db";
import { books } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { isId, newId } from "../../platform/ids";
import { recordEvent } from "../../platform/outbox";
import { cursorClause, type ListQuery, toPage } from "../../platform/pagination";
import { bookEtag, ifMatchSatisfied } from "./etag";
import { normalizeIsbn } from "./isbn";
import type { BookFilters, BookInput, BookPatch } from "./schemas";

type BookRow = typeof books.$inferSelect;

/** The v2 representation of a book (also the `data` of book events). */
export function bookView(row: BookRow) {
  return {
    id: row.id,
    isbn: row.isbn,
    title: row.title,
    authors: row.authors,
    price: { amount: row.priceAmount, currency: row.currency },
    stock: row.stock,
    status: row.status,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    deleted_at: row.deletedAt ? row.deletedAt.toISOString() : null,
  };
}
export type BookView = ReturnType<typeof bookView>;

const notFound = () => new AppError("not_found", "No such book.");

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === "23505";
}

const isbnTaken = () =>
  new AppError("conflict", "A book with this ISBN already exists.", {
    errors: [{ path: "json.isbn", message: "already used by another book" }],
  });

/** Runs a write, turning the (tenant, isbn) unique violation into a 409. */
async function guardIsbn<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw isbnTaken();
    throw error;
  }
}

// LIKE treats %, _ and \ specially; a search term is matched literally.
const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

function filterConditions(filters: BookFilters): SQL | undefined {
  const conditions: Array<SQL | undefined> = [isNull(books.deletedAt)];
  if (filters.status) conditions.push(eq(books.status, filters.status));
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(
      or(
        ilike(books.title, pattern),
        ilike(books.isbn, likePattern(normalizeIsbn(filters.q))),
        sql`exists (select 1 from jsonb_array_elements_text(${books.authors}) as author where author ilike ${pattern})`,
      ),
    );
  }
  return and(...conditions);
}

/** A live (not deleted) book of the scope's tenant, optionally locked for update. */
async function findBook(scope: TenantScope, id: string, lock = false): Promise<BookRow> {
  if (!isId("book", id)) throw notFound();
  const query = scope.tx
    .select()
    .from(books)
    .where(
      scope.where(
        books,
        eq(books.id, id),
        isNull(books.deletedAt),
        lock ? uncachedRead : undefined,
      ),
    );
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

export async function getBook({ ctx, id }: { ctx: ServiceContext; id: string }) {
  assertRole(ctx.role, "viewer");
  return ctx.database.tenant(async (scope) => bookView(await findBook(scope, id)), READ_ONLY);
}

/**
 * Live books of the tenant by id, in one statement however many ids (a batch loader's verb):
 * each id maps to its book, or to null when it is unknown, deleted or another tenant's.
 */
export async function booksByIds({
  ctx,
  ids,
}: {
  ctx: ServiceContext;
  ids: readonly string[];
}): Promise<Array<BookView | null>> {
  assertRole(ctx.role, "viewer");
  const wellFormed = [...new Set(ids.filter((id) => isId("book", id)))];
  if (wellFormed.length === 0) return ids.map(() => null);
  const rows = await ctx.database.tenant(
    (scope) =>
      scope.tx
        .select()
        .from(books)
        .where(scope.where(books, inArray(books.id, wellFormed), isNull(books.deletedAt))),
    READ_ONLY,
  );
  const byId = new Map(rows.map((row) => [row.id, bookView(row)]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** v2 list: newest first, cursor pagination, `q` and `status` filters. */
export async function listBooks({
  ctx,
  query,
}: {
  ctx: ServiceContext;
  query: ListQuery & BookFilters;
}) {
  assertRole(ctx.role, "viewer");
  return ctx.database.tenant(async (scope) => {
    const page = cursorClause(books.id, query);
    const rows = await scope.tx
      .select()
      .from(books)
      .where(scope.where(books, filterConditions(query), page.after))
      .orderBy(page.orderBy)
      .limit(page.limit);
    const { data, ...rest } = toPage(rows, query.limit);
    return { data: data.map(bookView), ...rest };
  }, READ_ONLY);
}

/** v1 list: page numbers and a total, same filters and order as v2. */
export async function listBooksByPage({
  ctx,
  query,
}: {
  ctx: ServiceContext;
  query: { page: number; per_page: number } & BookFilters;
}) {
  assertRole(ctx.role, "viewer");
  return ctx.database.tenant(async (scope) => {
    const where = scope.where(books, filterConditions(query));
    const [totals] = await scope.tx.select({ total: count() }).from(books).where(where);
    const rows = await scope.tx
      .select()
      .from(books)
      .where(where)
      .orderBy(desc(books.id))
      .limit(query.per_page)
      .offset((query.page - 1) * query.per_page);
    return { data: rows.map(bookView), total: totals?.total ?? 0 };
  }, READ_ONLY);
}

export async function createBook({ ctx, input }: { ctx: ServiceContext; input: BookInput }) {
  assertRole(ctx.role, "editor");
  return ctx.database.tenant(async (scope) => {
    const [row] = await guardIsbn(() =>
      scope.tx
        .insert(books)
        .values({
          id: newId("book"),
          tenantId: scope.tenantId,
          isbn: normalizeIsbn(input.isbn),
          title: input.title,
          authors: input.authors,
          priceAmount: input.price.amount,
          currency: input.price.currency,
          stock: input.stock,
          status: input.status,
        })
        .returning(),
    );
    if (!row) throw new Error("insert returned no row");
    const view = bookView(row);
    await auditInScope(scope, ctx, {
      action: "book.created",
      targetType: "book",
      targetId: row.id,
      after: view,
    });
    await recordEvent(scope, "book.created", view);
    return view;
  });
}

function checkPrecondition(row: BookRow, ifMatch: string | undefined) {
  if (ifMatch !== undefined && !ifMatchSatisfied(ifMatch, bookEtag(row))) {
    throw new AppError("precondition_failed", "The book changed since it was read.", {
      extensions: { current_etag: bookEtag(row) },
    });
  }
}

/** Partial update; with `ifMatch`, applies only if the book still has that ETag (else 412). */
export async function updateBook({
  ctx,
  id,
  input,
  ifMatch,
}: {
  ctx: ServiceContext;
  id: string;
  input: BookPatch;
  ifMatch?: string | undefined;
}) {
  assertRole(ctx.role, "editor");
  return ctx.database.tenant(async (scope) => {
    // The row lock makes check-then-write atomic: no other change lands between them.
    const before = await findBook(scope, id, true);
    checkPrecondition(before, ifMatch);
    const [row] = await guardIsbn(() =>
      scope.tx
        .update(books)
        .set({
          ...(input.isbn !== undefined ? { isbn: normalizeIsbn(input.isbn) } : {}),
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.authors !== undefined ? { authors: input.authors } : {}),
          ...(input.price !== undefined
            ? { priceAmount: input.price.amount, currency: input.price.currency }
            : {}),
          ...(input.stock !== undefined ? { stock: input.stock } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
          version: sql`${books.version} + 1`,
          updatedAt: new Date(),
        })
        .where(scope.where(books, eq(books.id, id)))
        .returning(),
    );
    if (!row) throw new Error("update returned no row");
    const view = bookView(row);
    await auditInScope(scope, ctx, {
      action: "book.updated",
      targetType: "book",
      targetId: id,
      before: bookView(before),
      after: view,
    });
    await recordEvent(scope, "book.updated", view);
    return view;
  });
}

/** Soft delete: the book leaves the catalog; past orders keep their line snapshots. */
export async function deleteBook({
  ctx,
  id,
  ifMatch,
}: {
  ctx: ServiceContext;
  id: string;
  ifMatch?: string | undefined;
}) {
  assertRole(ctx.role, "editor");
  return ctx.database.tenant(async (scope) => {
    const before = await findBook(scope, id, true);
    checkPrecondition(before, ifMatch);
    const now = new Date();
    const [row] = await scope.tx
      .update(books)
      .set({ deletedAt: now, updatedAt: now, version: sql`${books.version} + 1` })
      .where(scope.where(books, eq(books.id, id)))
      .returning();
    if (!row) throw new Error("update returned no row");
    const view = bookView(row);
    await auditInScope(scope, ctx, {
      action: "book.deleted",
      targetType: "book",
      targetId: id,
      before: bookView(before),
      after: view,
    });
    await recordEvent(scope, "book.deleted", view);
    return view;
  });
}
