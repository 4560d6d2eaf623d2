import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsvRecord } from "../../../src/features/books/imports/csv";
import { CSV_COLUMNS, importLines } from "../../../src/features/books/imports/rows";

// Any file a spreadsheet writes (cells holding delimiters, quotes and line breaks; `,`, `;` or
// tab; LF or CRLF rows; a BOM or not), cut into arbitrary network chunks, comes out of the
// import's reader as the same records, each at the line it starts on.

const cell = fc.string({
  unit: fc.constantFrom("a", "b", " ", ",", ";", "\t", '"', "\n"),
  maxLength: 8,
});

/** A cell as LibreOffice and Excel write it: quoted only when it must be, quotes doubled. */
function written(value: string, delimiter: string, eol: string): string {
  if (!/["\n]/.test(value) && !value.includes(delimiter)) return value;
  return `"${value.replaceAll('"', '""').replaceAll("\n", eol)}"`;
}

function body(text: string, cuts: number[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces = [0, ...at, bytes.length].flatMap((start, i, all) =>
    i + 1 < all.length ? [bytes.slice(start, all[i + 1])] : [],
  );
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
}

describe("the CSV reader", () => {
  it("yields every record a spreadsheet wrote, whole, at the line it starts on", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(",", ";", "\t"),
        fc.constantFrom("\n", "\r\n"),
        fc.boolean(),
        fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (delimiter, eol, bom, records, cuts) => {
          const header = CSV_COLUMNS.slice(0, 5).join(delimiter);
          const rows = records.map((r) => r.map((v) => written(v, delimiter, eol)).join(delimiter));
          const text = `${bom ? "\uFEFF" : ""}${[header, ...rows].join(eol)}${eol}`;

          const expected: Array<{ line: number; cells: string[] }> = [];
          let line = 2;
          for (const [i, record] of records.entries()) {
            expected.push({ line, cells: record });
            line += rows[i]?.split("\n").length ?? 1;
          }

          const seen: Array<{ line: number; cells: string[] }> = [];
          let n = 0;
          for await (const item of importLines(body(text, cuts), "csv")) {
            n++;
            if (n === 1 || item === "") continue;
            const fields = parseCsvRecord(item, delimiter);
            seen.push({ line: n, cells: "cells" in fields ? fields.cells : [fields.problem] });
          }
          // A record of five empty cells written with tabs is a line of white space: the import
          // skips it as a blank line, so it is not expected here either.
          const blank = (r: { cells: string[] }) =>
            delimiter === "\t" && r.cells.every((c) => c === "");
          expect(seen.filter((r) => !blank(r))).toEqual(expected.filter((r) => !blank(r)));
          expect(n).toBe(line - 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
