import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/** An element of an array's text form: double-quoted with `"` and `\` escaped, or NULL. */
function element(value: string | number | null): string {
  if (value === null) return "NULL";
  return `"${String(value).replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/**
 * A list of values as one parameter: the array's text form (`{"a","b",NULL}`) cast to `type`
 * (e.g. `text[]`), written into the statement like any string (driver/inline.ts). drizzle's
 * `inArray` and multi-row `values()` build one parameter per value, which took about a third of
 * the Worker's CPU while webhook batches were relayed and recorded (bench/README.md, "Webhook
 * pipeline").
 */
function arrayParam(values: readonly (string | number | null)[], type: string): SQL {
  return sql`${`{${values.map(element).join(",")}}`}::${sql.raw(type)}`;
}

/** `column = any(values)`: the rows `inArray(column, values)` finds, with one parameter. */
export function anyOf(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} = any(${arrayParam(values, "text[]")})`;
}

/**
 * `unnest(…)` over `rows`, one array parameter per column: `columns` lists each row key with its
 * array type, in the order the statement's column aliases name them.
 */
export function unnestRows<R extends object>(
  rows: readonly R[],
  columns: ReadonlyArray<readonly [keyof R, string]>,
): SQL {
  const arrays = columns.map(([key, type]) =>
    arrayParam(
      rows.map((row) => (row[key] ?? null) as string | number | null),
      type,
    ),
  );
  return sql`unnest(${sql.join(arrays, sql`, `)})`;
}
