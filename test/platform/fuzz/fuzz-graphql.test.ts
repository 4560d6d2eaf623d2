/**
 * GraphQL fuzzing: documents and variables generated from the schema itself (every root field,
 * argument, input type and selection the schema has, so a new field is fuzzed without touching
 * this file), valid and hostile (wrong types, missing or extra input fields, out-of-range numbers,
 * hostile strings, undeclared or mistyped variables, persisted-query hashes, broken syntax), sent
 * to POST and GET /v2/graphql with every role. No answer may be a 5xx or carry the `internal`
 * code, every code is the registry's, and no message shows a stack trace or SQL.
 */
import fc from "fast-check";
import {
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
} from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../../src/features/graphql/schema";
import { generateApiKey } from "../../../src/platform/auth/api-keys";
import type { Role } from "../../../src/platform/context";
import { ERROR_CODES } from "../../../src/platform/errors";
import { newId } from "../../../src/platform/ids";
import { createBook } from "../../features/books/fixtures";
import { createOrder } from "../../features/orders/fixtures";
import { withOwnerSql } from "../../helpers/db";
import { call, callJson } from "../../helpers/http";
import { createTestTenant, operator, type TestTenant } from "../../helpers/tenant";
import { NASTY_STRINGS } from "./fuzz-arbitraries";

const RUNS = 250;
const SEED = 20_261_208;
/** Deepest selection generated (the limit is 10; deeper is covered by graphql.test.ts). */
const MAX_DEPTH = 5;

/** A piece of a document: its text and the variables it uses. */
interface Piece {
  text: string;
  vars: Array<{ name: string; type: string; value: unknown }>;
}
const piece = (text: string, vars: Piece["vars"] = []): Piece => ({ text, vars });
const joined = (pieces: Piece[], separator: string): Piece => ({
  text: pieces.map((p) => p.text).join(separator),
  vars: pieces.flatMap((p) => p.vars),
});

/** `bad` once in `oneIn` cases of a hostile document, never in a valid one. */
const sometimes = <T, U>(
  good: fc.Arbitrary<T>,
  bad: fc.Arbitrary<U>,
  oneIn: number,
  hostile: boolean,
): fc.Arbitrary<T | U> =>
  hostile ? fc.oneof({ weight: oneIn - 1, arbitrary: good }, { weight: 1, arbitrary: bad }) : good;

/** `arbitrary` once in `oneIn` cases, otherwise null. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

/** Strings, hostile ones included (long ones are cut so GET URLs stay sendable). */
const stringValue = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS.filter((s) => s.length < 2_000)) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
);
/** An enum value: bare in a literal, its name in JSON. */
class EnumValue {
  constructor(readonly name: string) {}
  toJSON(): string {
    return this.name;
  }
}

/** An ISBN-13 with its check digit (deterministic, unlike the fixtures' random one). */
const isbnValue = fc.integer({ min: 0, max: 999_999_999 }).map((n) => {
  const body = `978${String(n).padStart(9, "0")}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
});

/** Scalars of a valid document: plausible values, by the field's name where it matters. */
function plausible(scalar: string, name: string, ids: string[]): fc.Arbitrary<unknown> {
  if (scalar === "ID") return fc.constantFrom(...ids);
  if (scalar === "Int") {
    return fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 1, max: 60 }) },
      { weight: 1, arbitrary: fc.constantFrom(0, -1, 101) },
    );
  }
  if (scalar === "Boolean") return fc.boolean();
  if (scalar === "Float") return fc.double({ noNaN: true, noDefaultInfinity: true });
  if (name === "isbn") return isbnValue;
  // A cursor comes from a previous page; a valid document starts at the first.
  if (name === "after") return fc.constant(null);
  if (name === "currency") return fc.constantFrom("EUR", "USD", "GBP");
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS.filter((x) => x.length < 2_000)) },
  );
}

const intValue = fc.oneof(
  fc.integer({ min: -3, max: 120 }),
  fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648, 2_147_483_648, 9_007_199_254_740_992),
  fc.constant(1.5),
);
/** Any JSON, for a variable whose value is not what its type wants. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  stringValue,
  fc.constantFrom(null, [], {}, [null], { "": null }),
);

/** A JS value for an input type: usually what it wants, sometimes not. */
function inputValueOf(
  type: GraphQLInputType,
  ids: string[],
  hostile: boolean,
  depth = 0,
  name = "",
): fc.Arbitrary<unknown> {
  const wanted = ((): fc.Arbitrary<unknown> => {
    if (isNonNullType(type)) return inputValueOf(type.ofType, ids, hostile, depth, name);
    if (isListType(type)) {
      return fc.array(inputValueOf(type.ofType, ids, hostile, depth + 1, name), {
        maxLength: depth > 1 ? 1 : 3,
      });
    }
    if (isEnumType(type)) {
      return sometimes(
        fc.constantFrom(...type.getValues().map((v) => new EnumValue(v.name))),
        fc.constantFrom("bogus", ""),
        5,
        hostile,
      );
    }
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      return fc
        .tuple(
          ...fields.map((f) =>
            fc.tuple(
              fc.constant(f.name),
              fc.boolean(),
              depth > 3 ? fc.constant(null) : inputValueOf(f.type, ids, hostile, depth + 1, f.name),
            ),
          ),
          hostile
            ? rarely(fc.tuple(fc.constantFrom("extra", "__proto__", "book_id"), anyJson), 6)
            : fc.constant(null),
        )
        .map((entries) => {
          const extra = entries.pop() as [string, unknown] | null;
          const object: Record<string, unknown> = {};
          for (const [name, omit, value] of entries as Array<[string, boolean, unknown]>) {
            const required = fields.find((f) => f.name === name && isNonNullType(f.type));
            if (!omit || required) object[name] = value;
          }
          if (extra) Object.defineProperty(object, extra[0], { value: extra[1], enumerable: true });
          return object;
        });
    }
    if (!hostile) return plausible(getNamedType(type).name, name, ids);
    switch (getNamedType(type).name) {
      case "ID":
        return fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...ids) },
          { weight: 1, arbitrary: stringValue },
        );
      case "Int":
        return intValue;
      case "Float":
        return fc.double();
      case "Boolean":
        return fc.boolean();
      default:
        return stringValue;
    }
  })();
  return sometimes(wanted, anyJson, isNonNullType(type) ? 10 : 6, hostile);
}

/** A value as a GraphQL literal (input object keys as written; strings as JSON strings). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof EnumValue) return value.name;
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([k]) =>
      /^[_A-Za-z][_0-9A-Za-z]*$/.test(k),
    );
    return `{${entries.map(([k, v]) => `${k}: ${literal(v)}`).join(", ")}}`;
  }
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "0";
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

/** An argument: inline as a literal (enum values bare), or as a declared variable. */
function argumentOf(arg: GraphQLArgument, ids: string[], hostile: boolean): fc.Arbitrary<Piece> {
  return fc
    .tuple(
      inputValueOf(arg.type, ids, hostile, 0, arg.name),
      fc.nat({ max: hostile ? 11 : 3 }),
      fc.integer({ min: 0, max: 1_000_000 }),
      sometimes(
        fc.constant(String(arg.type)),
        fc.constantFrom("String", "Int!", "[ID!]!", "Nope"),
        9,
        hostile,
      ),
    )
    .map(([value, how, n, declared]) => {
      if (how === 0) {
        const name = `v${n}`;
        return piece(`${arg.name}: $${name}`, [{ name, type: declared, value }]);
      }
      if (how === 4) return piece(`${arg.name}: $undeclared${n}`);
      return piece(`${arg.name}: ${literal(value)}`);
    });
}

const memo = new Map<string, fc.Arbitrary<Piece>>();

/** A selection set on an object type, down to `MAX_DEPTH`. */
function selectionOf(
  type: GraphQLObjectType,
  ids: string[],
  depth: number,
  hostile: boolean,
): fc.Arbitrary<Piece> {
  const key = `${type.name}:${depth}:${hostile}`;
  const known = memo.get(key);
  if (known) return known;
  const fields = Object.values(type.getFields());
  const fieldArbitraries = fields.map((field) => {
    const named = getNamedType(field.type);
    const args =
      field.args.length === 0
        ? fc.constant([] as Piece[])
        : fc
            .tuple(
              ...field.args.map((a) =>
                !hostile && isNonNullType(a.type) && a.defaultValue === undefined
                  ? argumentOf(a, ids, hostile)
                  : fc.option(argumentOf(a, ids, hostile), { freq: hostile ? 3 : 2 }),
              ),
            )
            .map((xs) => xs.filter((x): x is Piece => x !== null));
    const sub: fc.Arbitrary<Piece | null> = isObjectType(named)
      ? depth >= MAX_DEPTH
        ? fc.constantFrom(piece("__typename"), null)
        : sometimes(selectionOf(named, ids, depth + 1, hostile), fc.constant(null), 13, hostile)
      : sometimes(fc.constant(null), fc.constant(piece("id")), 20, hostile);
    return fc
      .tuple(args, sub, rarely(fc.constantFrom("a", "b", "c"), 8))
      .map(([argPieces, subPiece, alias]) => {
        const argsText = argPieces.length ? `(${argPieces.map((p) => p.text).join(", ")})` : "";
        const subText = subPiece ? ` { ${subPiece.text} }` : "";
        return piece(`${alias ? `${alias}: ` : ""}${field.name}${argsText}${subText}`, [
          ...argPieces.flatMap((p) => p.vars),
          ...(subPiece?.vars ?? []),
        ]);
      });
  });
  const arbitrary = fc
    .tuple(
      fc.uniqueArray(fc.nat({ max: fields.length - 1 }), { minLength: 1, maxLength: 3 }),
      fc.tuple(...fieldArbitraries),
      fc.nat({ max: 9 }),
    )
    .map(([picked, generated, extra]) => {
      const selections = picked.map((i) => generated[i] as Piece);
      if (extra === 0) selections.push(piece("__typename"));
      if (extra === 1) selections.push(piece(`... on ${type.name} { __typename }`));
      if (extra === 2 && hostile) selections.push(piece("nosuchfield"));
      return joined(selections, " ");
    });
  memo.set(key, arbitrary);
  return arbitrary;
}

interface Case {
  hostile: boolean;
  role: Role;
  method: "POST" | "GET";
  query?: string;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

/** Damages a document: cut, doubled or with a stray token. */
const damage = fc
  .tuple(
    fc.nat(),
    fc.constantFrom("{", "}", "$", "...", "(", ":", '"', "#", "@skip(if: true)", "\u0000"),
  )
  .map(([at, token]) => (text: string) => {
    const i = at % (text.length + 1);
    return at % 3 === 0 ? text.slice(0, i) : `${text.slice(0, i)}${token}${text.slice(i)}`;
  });

function caseOf(ids: string[]): fc.Arbitrary<Case> {
  return fc.oneof(
    { weight: 3, arbitrary: casesOf(ids, false) },
    { weight: 2, arbitrary: casesOf(ids, true) },
  );
}

/** Valid documents (which may still fail: roles, unknown ids, stock), or hostile ones. */
function casesOf(ids: string[], hostile: boolean): fc.Arbitrary<Case> {
  const query = schema.getQueryType() as GraphQLObjectType;
  const mutation = schema.getMutationType() as GraphQLObjectType;
  return fc
    .tuple(
      fc.constantFrom<Role>("viewer", "editor", "admin"),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant("query" as const) },
        { weight: 2, arbitrary: fc.constant("mutation" as const) },
      ),
      fc.oneof(
        { weight: 5, arbitrary: fc.constant("POST" as const) },
        { weight: 1, arbitrary: fc.constant("GET" as const) },
      ),
      selectionOf(query, ids, 1, hostile),
      selectionOf(mutation, ids, 1, hostile),
      hostile ? rarely(damage, 5) : fc.constant(null),
      hostile ? rarely(fc.constantFrom<unknown>("Op", "Other", 7, ""), 4) : fc.constant(null),
      (hostile ? rarely : () => fc.constant(null))(
        fc.oneof(
          fc.constant<unknown>({ persistedQuery: { version: 1, sha256Hash: "f".repeat(64) } }),
          fc.constant<unknown>({ persistedQuery: { version: 1 } }),
          fc.constant<unknown>({ persistedQuery: "x" }),
          anyJson,
        ),
        4,
      ),
      fc.nat({ max: hostile ? 9 : 1_000 }),
    )
    .map(([role, kind, method, q, m, broken, operationName, extensions, shape]) => {
      const root = kind === "query" ? q : m;
      const declared = new Map(root.vars.map((v) => [v.name, v]));
      const declarations = [...declared.values()].map((v) => `$${v.name}: ${v.type}`).join(", ");
      let text = `${kind} Op${declarations ? `(${declarations})` : ""} { ${root.text} }`;
      if (broken) text = broken(text);
      const variables =
        shape === 0
          ? "not an object"
          : Object.fromEntries([...declared.values()].map((v) => [v.name, v.value]));
      return {
        hostile,
        role,
        method: text.length > 3_000 || (!hostile && kind === "mutation") ? "POST" : method,
        // A persisted-query case sometimes leaves the document out (a hash alone).
        ...(shape === 1 && extensions ? {} : { query: text }),
        variables,
        ...(operationName !== null && { operationName }),
        ...(extensions !== null && { extensions }),
      };
    });
}

/** Keys of each role, minted in the database (minting through the API would count), used up to 80 units. */
class Keys {
  readonly #current = new Map<Role, { key: string; used: number }>();
  minted = 0;
  constructor(private readonly tenantId: string) {}

  async take(role: Role): Promise<string> {
    const current = this.#current.get(role);
    if (current && current.used < 80) return current.key;
    const generated = await generateApiKey("live");
    await withOwnerSql(
      (sql) => sql`insert into api_keys (id, tenant_id, name, role, mode, prefix, key_hash)
        values (${newId("key")}, ${this.tenantId}, 'fuzz', ${role}, 'live', ${generated.prefix}, ${generated.hash})`,
    );
    this.minted++;
    this.#current.set(role, { key: generated.key, used: 0 });
    return generated.key;
  }

  /** Counts what a request was charged (10 when unknown: the most a request may be). */
  charge(role: Role, units: number): void {
    const current = this.#current.get(role);
    if (current) current.used += units;
  }
}

const STACK = /\n\s+at\s|\bat\s+\S+\s+\(\S+:\d+:\d+\)|\.(ts|js|mjs):\d+/;
const SQL =
  /syntax error at or near|relation "|violates [a-z ]*constraint|duplicate key|Failed query|\b(select|insert into|update|delete from)\b\s[^"]*\b(from|where|set|values)\b\s+"|postgres|drizzle|pglite|ECONNREFUSED/i;

function leaks(messages: unknown[]): string[] {
  return messages
    .filter((m): m is string => typeof m === "string")
    .filter((m) => STACK.test(m) || SQL.test(m));
}

async function send(key: string, c: Case): Promise<Response> {
  const headers = { authorization: `Bearer ${key}` };
  if (c.method === "GET") {
    const search = new URLSearchParams();
    if (c.query !== undefined) search.set("query", c.query);
    if (c.variables !== undefined) search.set("variables", JSON.stringify(c.variables));
    if (typeof c.operationName === "string") search.set("operationName", c.operationName);
    if (c.extensions !== undefined) search.set("extensions", JSON.stringify(c.extensions));
    return call(`/v2/graphql?${search}`, { headers });
  }
  return call("/v2/graphql", {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({
      query: c.query,
      variables: c.variables,
      operationName: c.operationName,
      extensions: c.extensions,
    }),
  });
}

async function seed(tenant: TestTenant): Promise<string[]> {
  const limit = await callJson(
    `/admin/tenants/${tenant.id}`,
    "PATCH",
    { limits: { requests_per_hour: 10_000_000 } },
    operator(),
  );
  expect(limit.status).toBe(200);
  const books = await Promise.all([1, 2, 3].map(() => createBook(tenant.editorKey, { stock: 50 })));
  const ids = books.map((b) => b.id);
  const order = await createOrder(tenant.editorKey, [{ book_id: ids[0] as string, quantity: 1 }]);
  return [...ids, order.id, "book_00000000000000000000000000", "ord_00000000000000000000000000"];
}

describe("GraphQL fuzzing", () => {
  it(`answers ${RUNS} documents generated from the schema with no 5xx, no internal, no leak`, async () => {
    const tenant = await createTestTenant();
    const ids = await seed(tenant);
    const keys = new Keys(tenant.id);
    const cases = fc.sample(caseOf(ids), { seed: SEED, numRuns: RUNS });
    const failures: string[] = [];
    const statuses: Record<string, number> = {};
    const codes: Record<string, number> = {};
    let ran = 0;
    const started = Date.now();
    for (const c of cases) {
      const response = await send(await keys.take(c.role), c);
      const text = await response.text();
      const what = `${c.method} as ${c.role} → ${response.status}: ${JSON.stringify(c).slice(0, 600)}\n${text.slice(0, 400)}`;
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.status >= 500 || response.status === 429) {
        failures.push(`status: ${what}`);
        keys.charge(c.role, 10);
        continue;
      }
      let body: {
        code?: string;
        detail?: string;
        errors?: Array<{ message?: string; extensions?: { code?: string } }>;
        extensions?: { cost?: { charged?: number } };
      };
      try {
        body = JSON.parse(text);
      } catch {
        failures.push(`not JSON: ${what}`);
        continue;
      }
      keys.charge(c.role, body.extensions?.cost?.charged ?? 1);
      const data = (body as { data?: Record<string, unknown> | null }).data;
      if (data && Object.values(data).some((v) => v !== null)) ran++;
      const found =
        response.status === 200 ? (body.errors ?? []).map((e) => e.extensions?.code) : [body.code];
      if (
        response.status !== 200 &&
        response.headers.get("content-type") !== "application/problem+json"
      ) {
        failures.push(`not problem+json: ${what}`);
      }
      for (const code of found) {
        codes[String(code)] = (codes[String(code)] ?? 0) + 1;
        if (code === "internal" || typeof code !== "string" || !(code in ERROR_CODES)) {
          failures.push(`code ${code}: ${what}`);
        }
      }
      const messages = [
        body.detail,
        ...(body.errors ?? []).map((e) => (typeof e === "object" && e ? e.message : undefined)),
      ];
      if (leaks(messages).length > 0) failures.push(`leak: ${what}`);
    }
    console.log(
      `fuzz graphql: ${cases.length} documents in ${Date.now() - started} ms (seed ${SEED}, ${keys.minted} keys), statuses ${JSON.stringify(statuses)}, ${ran} with data, codes ${JSON.stringify(codes)}`,
    );
    expect(failures, failures.slice(0, 10).join("\n\n")).toEqual([]);
    // The generator reaches both sides: documents that run and documents refused.
    expect(statuses["200"] ?? 0).toBeGreaterThan(RUNS / 2);
    expect(ran).toBeGreaterThan(RUNS / 5);
    expect(statuses["400"] ?? 0).toBeGreaterThan(0);
    expect(codes.undefined ?? 0).toBe(0);
  }, 60_000);
});
