import { callJson } from "../../helpers/http";
import { bearer } from "../../helpers/tenant";
import { typedClient } from "../../helpers/typed-client";

/** A book in version-neutral terms (v2's money shape). */
export interface Book {
  isbn: string;
  title: string;
  authors: string[];
  price: { amount: number; currency: string };
  stock: number;
  status?: "active" | "archived";
}
export type ReadBook = Required<Book> & { id: string };
export interface ReadOrder {
  id: string;
  status: string;
  total: { amount: number; currency: string };
  lines: Array<{ book_id: string; quantity: number; unit_price: number; line_total: number }>;
}

const DECIMALS: Record<string, number> = { JPY: 0, KWD: 3 };
const decimals = (currency: string) => DECIMALS[currency] ?? 2;
const toDecimal = (amount: number, currency: string) =>
  decimals(currency) === 0
    ? String(amount)
    : (amount / 10 ** decimals(currency)).toFixed(decimals(currency));
const fromDecimal = (value: string, currency: string) =>
  Math.round(Number(value) * 10 ** decimals(currency));

/** How one API version spells books, orders and lists: the table every shared case runs over. */
export interface Version {
  name: "v1" | "v2";
  prefix: string;
  bookBody(book: Partial<Book>): Record<string, unknown>;
  readBook(json: unknown): ReadBook;
  readOrder(json: unknown): ReadOrder;
  /** Every id of a filtered list, newest first, walking pages of `size`. */
  listIds(
    key: string,
    resource: "books" | "orders",
    size: number,
    filter?: string,
  ): Promise<string[]>;
}

type Json = Record<string, unknown>;

/** A list filter written as a query string tail (`&status=archived`), as the typed client's query. */
const filterQuery = (filter: string) => Object.fromEntries(new URLSearchParams(filter));

/** One page of a v2 list (typed by the route); fails the test on any other status. */
async function v2Page(key: string, resource: "books" | "orders", query: Record<string, string>) {
  const v2 = typedClient(key).v2;
  const response = await (resource === "books"
    ? v2.books.$get({ query })
    : v2.orders.$get({ query }));
  if (response.status !== 200) throw new Error(`list failed: ${response.status}`);
  return response.json();
}

const v2: Version = {
  name: "v2",
  prefix: "/v2",
  bookBody: (book) => ({ ...book }),
  readBook: (json) => {
    const { id, isbn, title, authors, price, stock, status } = json as Json;
    return { id, isbn, title, authors, price, stock, status } as ReadBook;
  },
  readOrder: (json) => {
    const o = json as Json & { lines: Json[] };
    return {
      id: o.id as string,
      status: o.status as string,
      total: o.total as ReadOrder["total"],
      lines: o.lines.map((l) => ({
        book_id: l.book_id as string,
        quantity: l.quantity as number,
        unit_price: (l.unit_price as { amount: number }).amount,
        line_total: (l.line_total as { amount: number }).amount,
      })),
    };
  },
  async listIds(key, resource, size, filter = "") {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await v2Page(key, resource, {
        limit: String(size),
        ...(cursor ? { starting_after: cursor } : {}),
        ...filterQuery(filter),
      });
      ids.push(...page.data.map((item) => item.id));
      cursor = page.next_cursor;
    } while (cursor);
    return ids;
  },
};

const v1: Version = {
  name: "v1",
  prefix: "/v1",
  bookBody: ({ price, ...rest }) => ({
    ...rest,
    ...(price ? { price: toDecimal(price.amount, price.currency), currency: price.currency } : {}),
  }),
  readBook: (json) => {
    const { id, isbn, title, authors, price, currency, stock, status } = json as Json;
    return {
      id,
      isbn,
      title,
      authors,
      price: { amount: fromDecimal(price as string, currency as string), currency },
      stock,
      status,
    } as ReadBook;
  },
  readOrder: (json) => {
    const o = json as Json & { lines: Json[] };
    const currency = o.currency as string;
    return {
      id: o.id as string,
      status: o.status as string,
      total: { amount: fromDecimal(o.total as string, currency), currency },
      lines: o.lines.map((l) => ({
        book_id: l.book_id as string,
        quantity: l.quantity as number,
        unit_price: fromDecimal(l.unit_price as string, currency),
        line_total: fromDecimal(l.line_total as string, currency),
      })),
    };
  },
  async listIds(key, resource, size, filter = "") {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const query = { page: String(page), per_page: String(size), ...filterQuery(filter) };
      const v1 = typedClient(key).v1;
      const response = await (resource === "books"
        ? v1.books.$get({ query })
        : v1.orders.$get({ query }));
      if (response.status !== 200) throw new Error(`list failed: ${response.status}`);
      const body = await response.json();
      ids.push(...body.data.map((item) => item.id));
      if (page * body.per_page >= body.total) return ids;
    }
  },
};

export const VERSIONS = [v1, v2];

/** POST/PATCH helper with the version's prefix. */
export const send = (
  version: Version,
  path: string,
  method: string,
  body: unknown,
  key: string,
  headers = {},
) => callJson(`${version.prefix}${path}`, method, body, { ...bearer(key), ...headers });
