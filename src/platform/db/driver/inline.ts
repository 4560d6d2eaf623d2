/**
 * Client-side parameter interpolation, as pgx's "simple protocol" mode and JDBC's
 * `preferQueryMode=simple` do it. postgres.js sends a statement with parameters in two flights when
 * it has not prepared it on that connection before (Parse + Describe, wait for the parameter
 * types, then Bind + Execute), and it cannot pipeline anything behind it meanwhile. Every request
 * opens a fresh client and must not rely on named prepared statements (a transaction-mode pooler
 * may move it between server connections), so that was every statement of every request. With the
 * values written into the text as literals, a statement is one flight and pipelines with others.
 *
 * A literal carries exactly what postgres.js would have sent: untyped parameters (strings and
 * numbers) become untyped string constants, resolved by the server from context just as an untyped
 * parameter is; booleans, bigints, dates and bytes keep the type postgres.js gives them. Strings are
 * written as escape strings (`E'…'`), whose meaning does not depend on
 * `standard_conforming_strings`. A value this cannot write safely (a NUL character, which would end
 * the protocol's query string; arrays and objects, which postgres.js serializes itself) leaves the
 * statement to the driver's parameterized path: slower, never different.
 */

/** The statement with its `$n` placeholders replaced, or null when one value cannot be inlined. */
export function inlineParameters(text: string, params: readonly unknown[]): string | null {
  if (params.length === 0) return text;
  const literals: string[] = [];
  for (const value of params) {
    const literal = toLiteral(value);
    if (literal === null) return null;
    literals.push(literal);
  }
  return replacePlaceholders(text, literals);
}

function quote(value: string): string | null {
  if (value.includes("\0")) return null;
  return `E'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}

function toLiteral(value: unknown): string | null {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") return quote(String(value));
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return `${quote(value.toString())}::int8`;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : `${quote(value.toISOString())}::timestamptz`;
  }
  if (value instanceof Uint8Array) {
    const hex = Array.from(value, (byte) => byte.toString(16).padStart(2, "0")).join("");
    return `'\\x${hex}'::bytea`;
  }
  return null;
}

const DIGIT = /[0-9]/;
const IDENTIFIER_CHAR = /[A-Za-z0-9_]/;

/**
 * Replaces `$n` outside string constants, quoted identifiers, dollar-quoted strings and comments.
 * Returns null on a placeholder with no value (the driver then reports it as it always has).
 */
function replacePlaceholders(text: string, literals: readonly string[]): string | null {
  let out = "";
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === "'") {
      const escapeString =
        i > 0 && /[eE]/.test(text[i - 1] as string) && !IDENTIFIER_CHAR.test(text[i - 2] ?? "");
      const end = skipQuoted(text, i, "'", escapeString);
      out += text.slice(i, end);
      i = end;
    } else if (c === '"') {
      const end = skipQuoted(text, i, '"', false);
      out += text.slice(i, end);
      i = end;
    } else if (c === "-" && next === "-") {
      const end = text.indexOf("\n", i);
      const stop = end === -1 ? n : end;
      out += text.slice(i, stop);
      i = stop;
    } else if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? n : end + 2;
      out += text.slice(i, stop);
      i = stop;
    } else if (
      c === "$" &&
      next !== undefined &&
      DIGIT.test(next) &&
      !IDENTIFIER_CHAR.test(text[i - 1] ?? "")
    ) {
      let j = i + 1;
      while (j < n && DIGIT.test(text[j] as string)) j++;
      const literal = literals[Number(text.slice(i + 1, j)) - 1];
      if (literal === undefined) return null;
      // Parenthesized, so a literal never fuses with what surrounds it (`-$1`, `$1::int`).
      out += `(${literal})`;
      i = j;
    } else if (c === "$" && !IDENTIFIER_CHAR.test(text[i - 1] ?? "")) {
      const tag = /^\$[A-Za-z_]?[A-Za-z0-9_]*\$/.exec(text.slice(i))?.[0];
      if (tag) {
        const end = text.indexOf(tag, i + tag.length);
        const stop = end === -1 ? n : end + tag.length;
        out += text.slice(i, stop);
        i = stop;
      } else {
        out += c;
        i++;
      }
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The index just past a quoted run that starts at `start` (doubled quotes stay inside). */
function skipQuoted(
  text: string,
  start: number,
  quoteChar: string,
  backslashEscapes: boolean,
): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (backslashEscapes && c === "\\") {
      i += 2;
    } else if (c === quoteChar) {
      if (text[i + 1] === quoteChar) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return text.length;
}

/** What drizzle calls on a postgres.js client, and on the scoped client of a transaction. */
export interface DriverClient {
  options?: unknown;
  unsafe(text: string, params?: unknown[], options?: object): unknown;
  begin?(...args: unknown[]): Promise<unknown>;
  savepoint?(...args: unknown[]): Promise<unknown>;
}

/**
 * The client drizzle is given: `unsafe` (drizzle's only way to run a statement) writes the values
 * into the text when it can, and so do the scoped clients of its transactions and savepoints.
 * `options` is the driver's own object (drizzle registers its type parsers there).
 */
export function inliningClient(driver: DriverClient): DriverClient {
  const scoped =
    (open: ((...args: unknown[]) => Promise<unknown>) | undefined) =>
    (...args: unknown[]) => {
      if (!open) throw new Error("this client opens no transaction");
      // The callback is the last argument (`begin(options?, fn)`, `savepoint(name?, fn)`).
      const work = args.pop() as (client: DriverClient) => unknown;
      return open.call(driver, ...args, (client: DriverClient) => work(inliningClient(client)));
    };
  return {
    options: driver.options,
    unsafe: (text, params = [], options = {}) => {
      const inlined = Array.isArray(params) ? inlineParameters(text, params) : null;
      return inlined === null
        ? driver.unsafe(text, params, options)
        : driver.unsafe(inlined, [], options);
    },
    begin: scoped(driver.begin),
    savepoint: scoped(driver.savepoint),
  };
}
