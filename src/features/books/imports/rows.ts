import { normalizeIsbn } from "../isbn";
import { type BookInput, CreateBookSchema } from "../schemas";
import { type CsvDelimiter, csvLines, detectDelimiter, parseCsvRecord } from "./csv";

/** One rejected field of a line of an import file (the error report's records). */
export interface RowError {
  line: number;
  field: string;
  message: string;
}

export type ImportFormat = "ndjson" | "csv";

/** The media types an import accepts, to their format. */
export const IMPORT_MEDIA_TYPES = {
  "application/x-ndjson": "ndjson",
  "text/csv": "csv",
} as const satisfies Record<string, ImportFormat>;

/** A CSV import's columns; the first line is a header naming some of them (isbn, title, authors, price_amount, currency required). */
export const CSV_COLUMNS = [
  "isbn",
  "title",
  "authors",
  "price_amount",
  "currency",
  "stock",
  "status",
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

/** A line (or a CSV record, all its lines) longer than this is rejected without being parsed. */
export const MAX_LINE_CHARS = 64 * 1024;

export type ParsedLine =
  | { kind: "blank" }
  | { kind: "book"; input: BookInput }
  | { kind: "bad"; errors: Array<{ field: string; message: string }> };

const bad = (field: string, message: string): ParsedLine => ({
  kind: "bad",
  errors: [{ field, message }],
});

/** A CSV file's header: its columns in order and the delimiter it uses. */
export interface CsvHeader {
  columns: CsvColumn[];
  delimiter: CsvDelimiter;
}

const CSV_PROBLEMS = {
  open: "a quoted field is not closed",
  malformed: "a quote inside a quoted field is not doubled",
} as const;

/**
 * Reads a CSV header line: its columns and delimiter (`,`, `;` or tab, whichever splits it into
 * known column names), or the reason it is not a usable header.
 */
export function parseCsvHeader(line: string): CsvHeader | string {
  const text = line.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text, CSV_COLUMNS);
  const fields = parseCsvRecord(text, delimiter);
  if ("problem" in fields) {
    return `the header has ${fields.problem === "open" ? "an unterminated" : "a malformed"} quote`;
  }
  const columns = fields.cells.map((cell) => cell.trim().toLowerCase());
  const unknown = columns.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) return `unknown columns: ${unknown.join(", ")}`;
  if (new Set(columns).size !== columns.length) return "a column is named twice";
  const missing = ["isbn", "title", "authors", "price_amount", "currency"].filter(
    (c) => !columns.includes(c),
  );
  if (missing.length > 0) return `missing columns: ${missing.join(", ")}`;
  return { columns: columns as CsvColumn[], delimiter };
}

/** A CSV record as the JSON body POST /v2/books takes (authors separated by `;`). */
function csvRecord(columns: CsvColumn[], cells: string[]): Record<string, unknown> | string {
  if (cells.length !== columns.length) {
    return `${cells.length} fields where the header names ${columns.length}`;
  }
  const value = (name: CsvColumn) => {
    const index = columns.indexOf(name);
    return index < 0 ? undefined : cells[index];
  };
  const number = (text: string | undefined) =>
    text === undefined || text.trim() === ""
      ? undefined
      : /^-?\d+$/.test(text.trim())
        ? Number(text)
        : text;
  const record: Record<string, unknown> = {
    isbn: value("isbn"),
    title: value("title"),
    authors: (value("authors") ?? "")
      .split(";")
      .map((a) => a.trim())
      .filter(Boolean),
    price: { amount: number(value("price_amount")), currency: value("currency") },
  };
  const stock = number(value("stock"));
  if (stock !== undefined) record.stock = stock;
  const status = value("status");
  if (status !== undefined && status.trim() !== "") record.status = status.trim();
  return record;
}

const fieldOf = (issue: { path: readonly PropertyKey[] }) =>
  issue.path.length > 0 ? issue.path.map(String).join(".") : "line";

/**
 * Parses and validates one line (for CSV, one record as `importLines` yields it) with POST
 * /v2/books's own schema. `header` is the CSV header (undefined for NDJSON). A NUL byte anywhere
 * in the line rejects it before parsing.
 */
export function parseLine(line: string, format: ImportFormat, header?: CsvHeader): ParsedLine {
  if (line.trim() === "") return { kind: "blank" };
  if (line.length > MAX_LINE_CHARS) return bad("line", `longer than ${MAX_LINE_CHARS} characters`);
  if (line.includes("\u0000")) return bad("line", "contains a NUL byte");
  let candidate: unknown;
  if (format === "ndjson") {
    try {
      candidate = JSON.parse(line);
    } catch {
      return bad("line", "not a JSON document");
    }
  } else {
    const fields = parseCsvRecord(line, header?.delimiter ?? ",");
    if ("problem" in fields) return bad("line", CSV_PROBLEMS[fields.problem]);
    const record = csvRecord(header?.columns ?? [], fields.cells);
    if (typeof record === "string") return bad("line", record);
    candidate = record;
  }
  const parsed = CreateBookSchema.safeParse(candidate);
  if (!parsed.success) {
    const errors = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue);
      if (!errors.has(field)) errors.set(field, issue.message);
    }
    return {
      kind: "bad",
      errors: [...errors].map(([field, message]) => ({ field, message })),
    };
  }
  return { kind: "book", input: { ...parsed.data, isbn: normalizeIsbn(parsed.data.isbn) } };
}

/**
 * The lines of an import file, one item per line of the file, as the job numbers them: a CSV
 * record that spans lines comes whole at its first line (see `csvLines`).
 */
export function importLines(
  body: ReadableStream<Uint8Array>,
  format: ImportFormat,
): AsyncGenerator<string> {
  const lines = textLines(body);
  return format === "csv" ? csvLines(lines, CSV_COLUMNS, MAX_LINE_CHARS) : lines;
}

/**
 * Splits a byte stream into lines (LF or CRLF), never holding more than one line at a time. A
 * line longer than MAX_LINE_CHARS is cut there (and so rejected) and the rest of it skipped.
 */
export async function* textLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  let skipping = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pending += value;
    let newline = pending.indexOf("\n");
    while (newline >= 0) {
      const line = pending.slice(0, newline);
      if (!skipping) yield line.endsWith("\r") ? line.slice(0, -1) : line;
      skipping = false;
      pending = pending.slice(newline + 1);
      newline = pending.indexOf("\n");
    }
    if (pending.length > MAX_LINE_CHARS) {
      if (!skipping) yield pending.slice(0, MAX_LINE_CHARS + 1);
      skipping = true;
      pending = "";
    }
  }
  if (pending !== "" && !skipping) yield pending.endsWith("\r") ? pending.slice(0, -1) : pending;
}
