import { callJson } from "../../helpers/http";
import { bearer } from "../../helpers/tenant";

/** Valid ISBN-13s (check digit computed), distinct per call. */
export function isbn(): string {
  const body = `978${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** A v2 create-book body. */
export function bookBody(overrides: Record<string, unknown> = {}) {
  return {
    isbn: isbn(),
    title: "The Pragmatic Programmer",
    authors: ["David Thomas", "Andrew Hunt"],
    price: { amount: 1250, currency: "EUR" },
    stock: 10,
    ...overrides,
  };
}

export interface BookJson {
  id: string;
  isbn: string;
  title: string;
  authors: string[];
  price: { amount: number; currency: string };
  stock: number;
  status: string;
  version: number;
  deleted_at: string | null;
}

/** Creates a book through the API and returns it. */
export async function createBook(key: string, overrides: Record<string, unknown> = {}) {
  const response = await callJson("/v2/books", "POST", bookBody(overrides), bearer(key));
  if (response.status !== 201) {
    throw new Error(`book creation failed: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as BookJson;
}
