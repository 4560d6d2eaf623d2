import fc from "fast-check";

/**
 * fast-check arbitraries built from the live OpenAPI document: schema-valid values, and the
 * schema-violating ones clients actually send (NUL, lone surrogates, numbers past every column,
 * deep nesting, very long strings, wrong types, unknown fields).
 */

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  example?: unknown;
  default?: unknown;
}

/** A JSON token written as is (1e309, -0, 2^53+1): JSON.stringify cannot produce these. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may hold RawJson tokens. */
export function toJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`;
  if (value && typeof value === "object") {
    const members = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`);
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const deep = (depth: number, open: string, close: string, inner = "1") =>
  new RawJson(open.repeat(depth) + inner + close.repeat(depth));

/** Strings no column should ever see. */
export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "\ud83d\ude00",
  "\u202e\u200b",
  "x".repeat(10_000),
  "é".repeat(70_000),
  "' OR 1=1 --",
  "%00",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "null",
  "1e309",
  "-0",
  "NaN",
  "ten_00000000000000000000000000",
  "book_zzzzzzzzzzzzzzzzzzzzzzzzzz",
];

/** Numbers past int4, past 2^53, not integers, or not representable at all. */
export const NASTY_NUMBERS = [
  "1e309",
  "-1e309",
  "2147483648",
  "2147483647",
  "-2147483649",
  "4294967296",
  "9007199254740993",
  "-9007199254740993",
  "1e21",
  "-0",
  "0.5",
  "1e-7",
  "-1",
  "0",
].map((text) => new RawJson(text));

/** Any value of the wrong shape, type or size. */
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.constantFrom(null, true, false, [], {}, [null], { "": null }),
  fc.constantFrom(
    deep(5_000, "[", "]"),
    deep(2_000, '{"a":', "}"),
    new RawJson(`[${"1,".repeat(20_000)}1]`),
  ),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.integer(),
  fc.double(),
);

/** Keys a client might add to mass-assign or confuse: all must be refused or ignored. */
export const UNKNOWN_KEYS = ["tenant_id", "id", "role", "__proto__", "constructor", "zzz", ""];

export type Resolver = (schema: JsonSchema) => JsonSchema;

/** Resolves `$ref` (and a leading `allOf` member, as zod-openapi writes nullable refs). */
export function resolver(components: Record<string, JsonSchema>): Resolver {
  const resolve: Resolver = (schema) => {
    if (schema.$ref) return resolve(components[schema.$ref.split("/").pop() as string] ?? {});
    if (schema.allOf?.length) {
      const merged: JsonSchema = Object.assign({}, ...schema.allOf.map(resolve));
      const types = schema.allOf.flatMap((p) => (Array.isArray(p.type) ? p.type : []));
      return types.includes("null") ? { ...merged, type: [merged.type as string, "null"] } : merged;
    }
    return schema;
  };
  return resolve;
}

/** Values for well-known fields, so valid requests reach the services (ids of seeded rows). */
export interface Hints {
  ids: string[];
  url: string;
}

/** Integers in a range, often at its ends: where a column that is too small overflows. */
const bounded = (min: number, max: number) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.constant(max) },
    { weight: 1, arbitrary: fc.constant(min) },
    {
      weight: 2,
      arbitrary: fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) }),
    },
  );

/** A schema-valid value (as far as JSON Schema can say: refinements may still refuse it). */
export function validValue(
  schema: JsonSchema,
  resolve: Resolver,
  hints: Hints,
  name = "",
): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.includes("null") && types.length > 1) {
    const rest = { ...s, type: types.filter((t) => t !== "null") };
    return fc.oneof(
      { weight: 4, arbitrary: validValue(rest, resolve, hints, name) },
      fc.constant(null),
    );
  }
  if (s.anyOf || s.oneOf) {
    return fc.oneof(...(s.anyOf ?? s.oneOf ?? []).map((p) => validValue(p, resolve, hints, name)));
  }
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (types[0]) {
    case "object": {
      const props = s.properties ?? {};
      const required = new Set(s.required ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(props)) {
        record[key] = validValue(sub, resolve, hints, key);
      }
      const optional = Object.keys(props).filter((k) => !required.has(k));
      return fc.record(record, { requiredKeys: [...required].concat([]) }).chain((value) =>
        fc.subarray(optional).map((kept) => {
          const out: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(value)) {
            if (required.has(k) || kept.includes(k)) out[k] = v;
          }
          return out;
        }),
      );
    }
    case "array":
      return fc.array(validValue(s.items ?? {}, resolve, hints, name), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 3, 3),
      });
    case "integer":
      return bounded(
        s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000),
        s.maximum ?? 1_000_000,
      );
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "string":
      return validString(s, hints, name);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validString(s: JsonSchema, hints: Hints, name: string): fc.Arbitrary<string> {
  const max = Math.min(s.maxLength ?? 40, 40);
  const min = Math.min(s.minLength ?? 0, max);
  const plain = fc.string({ minLength: Math.max(min, 1), maxLength: max });
  if (s.format === "uri" || /url|uri/.test(name)) return fc.constantFrom(hints.url, "ftp://x");
  if (s.format === "date-time") {
    return fc
      .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  if (/(^|_)id$/.test(name) && hints.ids.length > 0) {
    return fc.oneof(fc.constantFrom(...hints.ids), plain);
  }
  const options: fc.Arbitrary<string>[] = [plain];
  if (typeof s.example === "string") options.push(fc.constant(s.example));
  if (s.pattern) options.push(fc.stringMatching(new RegExp(s.pattern), { maxLength: max }));
  return fc.oneof(...options);
}

/** Paths (keys and indexes) of every member of a JSON value, the value itself first. */
function memberPaths(value: unknown, prefix: Array<string | number> = []): Array<typeof prefix> {
  const paths = [prefix];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) paths.push(...memberPaths(item, [...prefix, i]));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) paths.push(...memberPaths(v, [...prefix, k]));
  }
  return paths;
}

function setAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  // defineProperty, so a key such as "__proto__" becomes a member and not the prototype.
  Object.defineProperty(copy, head, {
    value: setAt(copy[head], rest, replacement),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

function getAt(value: unknown, path: Array<string | number>): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], value);
}

function dropAt(value: unknown, path: Array<string | number>): unknown {
  const parentPath = path.slice(0, -1);
  const parent = getAt(value, parentPath);
  const last = path.at(-1) as string | number;
  const copy = Array.isArray(parent)
    ? parent.filter((_, i) => i !== last)
    : Object.fromEntries(Object.entries(parent as object).filter(([k]) => k !== last));
  return setAt(value, parentPath, copy);
}

const isPlainObject = (v: unknown): v is object =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof RawJson);

/** What a string member becomes when tainted: text Postgres cannot store, or too much of it. */
const taints = (original: string) => [
  `${original}\u0000`,
  `\u0000${original}`,
  `${original}\ud800`,
  `\udc00${original}`,
  `${original}${"x".repeat(10_000)}`,
];

/**
 * A value of the member's own type that no column should take: the change most likely to slip
 * past a schema and reach the database, so most mutations are of this kind.
 */
function tainted(original: unknown, pick: number): unknown {
  if (typeof original === "string") return taints(original)[pick % 5];
  if (typeof original === "number") return NASTY_NUMBERS[pick % NASTY_NUMBERS.length];
  return undefined;
}

/** One schema-violating change of a valid value: a member tainted, replaced, dropped or added. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const kinds = fc.constantFrom("taint", "taint", "taint", "replace", "drop", "add");
  return fc
    .tuple(valid, fc.nat(), nasty, kinds, fc.nat())
    .map(([value, pick, bad, kind, keyPick]) => {
      const paths = memberPaths(value);
      if (kind === "taint") {
        // A leaf (string or number) of the value, tainted with one of its own type.
        const leaves = paths.filter((p) => tainted(getAt(value, p), 0) !== undefined);
        const leaf = leaves[pick % Math.max(leaves.length, 1)];
        if (leaf) return setAt(value, leaf, tainted(getAt(value, leaf), keyPick));
      }
      const path = paths[pick % paths.length] as Array<string | number>;
      if (kind === "drop" && path.length > 0) return dropAt(value, path);
      const target = getAt(value, path);
      if (kind === "add" && isPlainObject(target)) {
        const key = UNKNOWN_KEYS[keyPick % UNKNOWN_KEYS.length] as string;
        return setAt(value, [...path, key], bad);
      }
      return setAt(value, path, bad);
    });
}
