import Papa from "papaparse";

/**
 * Delimiters a CSV import may use: `,`; `;`, which spreadsheets write in locales where the comma
 * is the decimal separator; a tab. The header line tells which one a file uses.
 */
export const CSV_DELIMITERS = [",", ";", "\t"] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** A record's cells, or why it cannot be read: a quoted field left open, or a lone quote inside one. */
export type CsvFields = { cells: string[] } | { problem: "open" | "malformed" };

/**
 * The last record parsed: csvLines parses a line with a quote to know whether its record ends
 * there, and the import then parses the same string; this spares the second parse.
 */
let last: { text: string; delimiter: CsvDelimiter; fields: CsvFields } | undefined;

/** Splits one record (its lines joined by `\n`) with Papa Parse: RFC 4180 quoting. */
export function parseCsvRecord(text: string, delimiter: CsvDelimiter): CsvFields {
  // Without a quote there is nothing to unquote (Papa Parse's own fast path splits too), and most
  // rows of a spreadsheet's export have none: a split costs a fraction of a parse call.
  if (!text.includes('"')) return { cells: text.split(delimiter) };
  if (last?.text === text && last.delimiter === delimiter) return last.fields;
  const { data, errors } = Papa.parse(text, { delimiter, newline: "\n", quoteChar: '"' });
  let fields: CsvFields;
  if (errors.some((e) => e.code === "InvalidQuotes")) fields = { problem: "malformed" };
  else if (errors.some((e) => e.code === "MissingQuotes")) fields = { problem: "open" };
  // More than one row means a line break outside quotes: never in text that csvLines grouped.
  else if (data.length !== 1) fields = { problem: "malformed" };
  else fields = { cells: data[0] ?? [] };
  last = { text, delimiter, fields };
  return fields;
}

/**
 * The delimiter of a file, from its header line: the one that splits it into the most names of
 * `known` columns (`,` when none does better). The header names only fixed column names, so this
 * is unambiguous where guessing from data rows is not (authors are separated by `;`).
 */
export function detectDelimiter(header: string, known: readonly string[]): CsvDelimiter {
  const text = header.replace(/^\uFEFF/, "");
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ",", score: -1 };
  for (const delimiter of CSV_DELIMITERS) {
    const fields = parseCsvRecord(text, delimiter);
    const cells = "cells" in fields ? fields.cells : [];
    const score = cells.filter((c) => known.includes(c.trim().toLowerCase())).length;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** What the lines held so far make: a whole record, a record still open, or a broken one. */
type Held = "whole" | "open" | "broken";

/**
 * Groups a CSV file's lines into records, so that a quoted field may span lines (RFC 4180;
 * spreadsheets write a line break inside a cell so). Each line of the file still yields one item,
 * so that the import's line numbers, batches and resume point stay the file's own lines: a
 * record at its first line, as one string with its lines joined by `\n`, and an empty string
 * (a blank line to the import) for each line it continued on.
 *
 * A record whose quote never closes properly (the file ends, a lone quote turns up, or it grows
 * past `maxChars`) is not allowed to swallow the rows after it: its first line is yielded alone,
 * to be rejected, and the lines after it are read again as records of their own.
 */
export async function* csvLines(
  lines: AsyncIterable<string>,
  known: readonly string[],
  maxChars: number,
): AsyncGenerator<string> {
  let delimiter: CsvDelimiter | undefined;
  let held: string[] = [];
  let heldChars = 0;

  const state = (line: string): Held => {
    if (heldChars > maxChars) return held.length === 1 ? "whole" : "broken";
    // Whether a quoted field is open changes only at a quote: lines without one need no parse.
    if (!line.includes('"')) return held.length === 1 ? "whole" : "open";
    // A line that continues an open quoted field is parsed alone, behind a quote and a line break
    // that reopen the field, so that each line is parsed once however many lines a record spans
    // (parsing all the held lines again at each line costs a minute for 0.5 MB of crafted input).
    const text = held.length === 1 ? line : `"\n${line}`;
    const fields = parseCsvRecord(text, delimiter ?? ",");
    if ("cells" in fields) return "whole";
    if (fields.problem === "open") return "open";
    return held.length === 1 ? "whole" : "broken";
  };

  /** Feeds lines in; returns the items to yield, in the file's line order. */
  const feed = (queue: string[], atEnd: boolean): string[] => {
    const out: string[] = [];
    const release = (whole: boolean) => {
      if (whole) out.push(held.join("\n"), ...held.slice(1).map(() => ""));
      else {
        out.push(held[0] ?? "");
        queue.unshift(...held.slice(1));
      }
      held = [];
      heldChars = 0;
    };
    for (;;) {
      const line = queue.shift();
      if (line === undefined) {
        if (!atEnd || held.length === 0) return out;
        release(held.length === 1);
        continue;
      }
      heldChars += line.length + (held.length > 0 ? 1 : 0);
      held.push(line);
      const next = state(line);
      if (next !== "open") release(next === "whole");
    }
  };

  for await (const line of lines) {
    if (delimiter === undefined) {
      delimiter = detectDelimiter(line, known);
      yield line;
      continue;
    }
    yield* feed([line], false);
  }
  yield* feed([], true);
}
