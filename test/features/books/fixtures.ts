import { type NewBook, typedClient } from "../../helpers/typed-client";

/** Valid ISBN-13s (check digit computed), distinct per call. */
export function isbn(): string {
  const body = `978${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** A v2 create-book body. */
export function bookBody(overrides: Partial<NewBook> = {}): NewBook {
  return {
    isbn: isbn(),
    title: "The Pragmatic Programmer",
    authors: ["David Thomas", "Andrew Hunt"],
    price: { amount: 1250, currency: "EUR" },
    stock: 10,
    ...overrides,
  };
}

/** Creates a book through the API (typed client: the answer is typed by the route) and returns it. */
export async function createBook(key: string, overrides: Partial<NewBook> = {}) {
  const response = await typedClient(key).v2.books.$post({ json: bookBody(overrides) });
  if (response.status !== 201) {
    throw new Error(`book creation failed: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** A book as `POST /v2/books` answers it. */
export type BookJson = Awaited<ReturnType<typeof createBook>>;

/** The query of `GET /v2/books`, as the route declares it. */
type BookListQuery = Parameters<ReturnType<typeof typedClient>["v2"]["books"]["$get"]>[0]["query"];

/** A page of `GET /v2/books` (typed by the route); fails the test on any other status. */
export async function listBooks(key: string, query: BookListQuery = {}) {
  const response = await typedClient(key).v2.books.$get({ query });
  if (response.status !== 200) {
    throw new Error(`book list failed: ${response.status} ${await response.text()}`);
  }
  return response.json();
}
