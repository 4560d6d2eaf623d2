import { env } from "cloudflare:test";
import { openSystemDatabase } from "../../../src/platform/db";
import { withOwnerSql } from "../../helpers/db";
import { call } from "../../helpers/http";
import { bearer } from "../../helpers/tenant";
import { runJobs } from "../exports/fixtures";

/** A JOBS binding that keeps messages from the local queue, so only the test runs the import. */
export const heldJobs = { send: async () => {} } as unknown as Queue;

/** An ISBN-13 (978 prefix) with a correct check digit, unique per `n`. */
export function isbn(n: number): string {
  const body = `978${String(n).padStart(9, "0")}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** The same ISBN with a wrong check digit. */
export const badChecksum = (good: string) => `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`;

/** One NDJSON line: a POST /v2/books body. */
export function bookLine(n: number, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    isbn: isbn(n),
    title: `Imported title ${n}`,
    authors: [`Author ${n % 97}`],
    price: { amount: 1000 + (n % 500), currency: "EUR" },
    stock: n % 40,
    ...overrides,
  });
}

/** POSTs an import file; JOBS is held unless given. */
export function postImport(
  key: string,
  body: string,
  options: { type?: string; headers?: Record<string, string>; jobs?: Queue } = {},
) {
  return call(
    "/v2/books/imports",
    {
      method: "POST",
      headers: {
        "content-type": options.type ?? "application/x-ndjson",
        "content-length": String(new TextEncoder().encode(body).byteLength),
        ...bearer(key),
        ...options.headers,
      },
      body,
    },
    { JOBS: options.jobs ?? heldJobs },
  );
}

/** Delivers the import's message through the Worker's real jobs-queue handler. */
export async function runImportJob(importId: string) {
  const result = await runJobs([{ kind: "book-import", import_id: importId }]);
  if (result.retryMessages.length > 0) throw new Error("the import job asked for a retry");
  return result;
}

/** A database handle for driving the import job directly (crash simulations). */
export function jobDatabase() {
  return openSystemDatabase(env);
}

export interface ImportView {
  id: string;
  status: string;
  format: string;
  counts: { created: number; updated: number; failed: number };
  progress: { lines_done: number };
  error: string | null;
}

/** An import as `GET /v2/books/imports/{id}` shows it (asserts 200). */
export async function shown(key: string, id: string): Promise<ImportView> {
  const response = await call(`/v2/books/imports/${id}`, { headers: bearer(key) });
  if (response.status !== 200) throw new Error(`GET import answered ${response.status}`);
  return (await response.json()) as ImportView;
}

/** One line of an import's error report. */
export interface ImportErrorRecord {
  line: number;
  field: string;
  message: string;
}

/** The records of a completed import's error report (NDJSON). */
export async function errorReport(key: string, id: string): Promise<ImportErrorRecord[]> {
  const response = await call(`/v2/books/imports/${id}/errors`, { headers: bearer(key) });
  if (response.status !== 200) throw new Error(`GET errors answered ${response.status}`);
  const type = response.headers.get("content-type");
  if (type !== "application/x-ndjson") throw new Error(`the error report came as ${type}`);
  return (await response.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

/**
 * A book's stock as the database holds it: `available` is its `stock` column (what orders can
 * still reserve), `reserved` what pending and confirmed orders hold (a cancel gives it back), and
 * `onHand` their sum.
 */
export async function onHand(bookId: string) {
  return (await stockLedger({ bookId })).get(bookId);
}

/** `onHand` for every live book of a tenant (or one book), by book id. */
export function stockLedger(of: { tenantId: string } | { bookId: string }) {
  return withOwnerSql(async (sql) => {
    const rows = await sql<Array<{ id: string; available: string; reserved: string }>>`
      select b.id, b.stock as available, coalesce((
        select sum(l.quantity) from order_lines l join orders o on o.id = l.order_id
        where l.book_id = b.id and o.status in ('pending', 'confirmed')), 0) as reserved
      from books b where b.deleted_at is null and ${
        "tenantId" in of ? sql`b.tenant_id = ${of.tenantId}` : sql`b.id = ${of.bookId}`
      }`;
    return new Map(
      rows.map((r) => {
        const available = Number(r.available);
        const reserved = Number(r.reserved);
        return [r.id, { available, reserved, onHand: available + reserved }];
      }),
    );
  });
}
