import { env, SELF } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import type { Role } from "../../../src/platform/context";
import { ownerSql } from "../../helpers/db";
import { call } from "../../helpers/http";
import {
  type Hints,
  type JsonSchema,
  mutated,
  NASTY_STRINGS,
  nasty,
  RawJson,
  resolver,
  toJson,
  validValue,
} from "./fuzz-arbitraries";
import { auditRowsOf, eventIds, type IdPool, seedWorld, tenantState } from "./fuzz-world";

/** Cases in `npm test` (fixed seed); FUZZ_RUNS=5000 npm test -- test/platform/fuzz/fuzz.test.ts for more. */
const DEFAULT_RUNS = 3000;
const RUNS = Number(inject("fuzzRuns")) || DEFAULT_RUNS;
const SEED = 20_261_122;
const BASE = "https://api.shelfwise.test";

interface Parameter {
  in: "path" | "query" | "header";
  name: string;
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { type: string; schema: JsonSchema };
  auth: "bearer" | "operator" | "none";
}
interface Spec {
  paths: Record<string, Record<string, Omit<Operation, "method" | "path" | "auth"> & Raw>>;
  components: { schemas: Record<string, JsonSchema> };
}
interface Raw {
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  security?: Array<Record<string, unknown>>;
}

/** Every operation of the live document: a new route is fuzzed without touching this file. */
function operationsOf(spec: Spec): Operation[] {
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const [type, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      const scheme = Object.keys(op.security?.[0] ?? {})[0];
      return {
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: type && media ? { type, schema: media.schema } : undefined,
        auth: scheme === "operator" ? "operator" : scheme === "bearer" ? "bearer" : "none",
      } satisfies Operation;
    }),
  );
}

/** Percent-encodes what it can; a lone surrogate goes out as the bytes a sloppy client sends. */
const encode = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
};

const BAD_SEGMENTS = [
  "%00",
  "%ED%A0%80",
  "%",
  "..",
  "%2F",
  "a".repeat(2_000),
  "null",
  "-0",
  "1e309",
];
const BAD_HEADERS = ["", "*", '"x"', 'W/"book_x.v1"', ",,,", `"${"a".repeat(2_000)}"`, "a\tb"];

/** One request of an operation: credential, path, query, headers and body. */
function requestOf(op: Operation, spec: Spec, ids: IdPool, hints: Hints) {
  const resolve = resolver(spec.components.schemas);
  const segments = op.path.split("/");
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const pathArb = fc.tuple(
    ...pathParams.map((p) => {
      const owner = segments[segments.indexOf(`{${p.name}}`) - 1] ?? "";
      const valid = ids[p.name === "id" ? owner : p.name] ?? [];
      const wellFormed = fc.stringMatching(/^[a-z]{3,4}_[0-9a-z]{26}$/);
      const choices: Array<fc.WeightedArbitrary<string>> = [
        { weight: 2, arbitrary: wellFormed },
        { weight: 2, arbitrary: fc.constantFrom(...BAD_SEGMENTS) },
        { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(encode) },
      ];
      if (valid.length > 0) choices.push({ weight: 5, arbitrary: fc.constantFrom(...valid) });
      if (p.name === "n") choices.push({ weight: 3, arbitrary: fc.constantFrom("1", "2", "0") });
      return fc.oneof(...choices);
    }),
  );
  // Query: each parameter absent or valid, then often one of them tainted (the others valid, so
  // the tainted one is what the route has to deal with).
  const queryParams = op.parameters.filter((p) => p.in === "query");
  const queryArb = fc
    .tuple(
      fc.tuple(
        ...queryParams.map((p) =>
          fc.option(validValue(p.schema, resolve, hints, p.name).map(String), { freq: 2 }),
        ),
      ),
      fc.option(
        fc.tuple(
          fc.nat(),
          fc.oneof(
            fc.constantFrom(...NASTY_STRINGS.slice(0, 16)),
            fc.string({ maxLength: 8 }).map((v) => `${v}\u0000`),
          ),
        ),
        { freq: 3, nil: undefined },
      ),
      fc.option(fc.constantFrom("zzz=1", "limit=1&limit=2", "%00=%00", "a[b]=c"), { freq: 4 }),
    )
    .map(([values, taint, extra]) => {
      const parts = values.map((v, i) => (v === null ? undefined : [queryParams[i]?.name, v]));
      if (taint && queryParams.length > 0) {
        const i = taint[0] % queryParams.length;
        parts[i] = [queryParams[i]?.name, taint[1]];
      }
      return [
        ...parts.flatMap((p) => (p ? [`${p[0]}=${encode(p[1] as string)}`] : [])),
        ...(extra ? [extra] : []),
      ].join("&");
    });
  const bodyArb: fc.Arbitrary<string | Uint8Array | undefined> = op.body
    ? op.body.type === "application/json"
      ? fc.oneof(
          { weight: 2, arbitrary: validValue(op.body.schema, resolve, hints).map(toJson) },
          { weight: 7, arbitrary: mutated(validValue(op.body.schema, resolve, hints)).map(toJson) },
          { weight: 1, arbitrary: nasty.map(toJson) },
          { weight: 1, arbitrary: fc.constantFrom("", "{", "nul", '{"a":}', "\u0000", "[]") },
        )
      : fc.uint8Array({ maxLength: 64 })
    : fc.option(fc.constantFrom('{"zzz":1}', "garbage", toJson(new RawJson("1e309"))), {
        freq: 4,
      });
  const contentTypes = op.body?.type === "application/json" ? [op.body.type] : ["text/plain"];
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant(contentTypes[0] as string) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "application/json; charset=utf-8",
        "APPLICATION/JSON",
        "application/json; charset=utf-16",
        "text/plain",
        "image/png",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "",
      ),
    },
  );
  const odd = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 4, nil: undefined });
  const headerArb = fc
    .record({
      "content-type": contentType,
      // Reused keys answer 422 before validation: sent now and then, not on every case.
      "idempotency-key": odd(fc.constantFrom("fuzz-a", "", " ", "k".repeat(300), "a\tb")),
      "if-match": odd(fc.constantFrom(...BAD_HEADERS)),
      "x-request-id": odd(fc.constantFrom("x".repeat(300), "a b", "../..")),
    })
    .map(
      (h) =>
        Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<
          string,
          string
        >,
    );
  const roles: Array<Role | "operator" | "none"> =
    op.auth === "bearer"
      ? ["admin", "admin", "admin", "editor", "editor", "viewer", "none"]
      : op.auth === "operator"
        ? ["operator", "operator", "operator", "none"]
        : ["none"];
  return fc.record({
    role: fc.constantFrom(...roles),
    path: pathArb.map((values) =>
      values.reduce((p, v, i) => p.replace(`{${pathParams[i]?.name}}`, v), op.path),
    ),
    query: queryArb,
    headers: headerArb,
    body: bodyArb,
  });
}

type Case = ReturnType<typeof requestOf> extends fc.Arbitrary<infer T> ? T : never;

function describeCase(op: Operation, c: Case) {
  const body = typeof c.body === "string" ? c.body.slice(0, 300) : c.body && "<bytes>";
  const query = c.query.slice(0, 200);
  return `${op.method} ${c.path.slice(0, 200)}${query ? `?${query}` : ""} as ${c.role} ${JSON.stringify(c.headers).slice(0, 200)} ${body ?? ""}`;
}

type World = Awaited<ReturnType<typeof seedWorld>>;
type Sql = ReturnType<typeof ownerSql>;

/**
 * Sends the cases of one run and checks each answer. A refusal of a write is checked against the
 * scope's state before it; that state is reused from the previous refusal while nothing could
 * have changed it (no success since, no key minted), which halves the database reads.
 */
function runner(world: World, sql: Sql) {
  const stats = {
    sent: 0,
    serverErrors: 0,
    statuses: {} as Record<string, number>,
    ms: 0,
    checkMs: 0,
  };
  const failures: string[] = [];
  let known: { scope: string; minted: number; state: string } | undefined;

  async function stateOf(scope: string) {
    if (known?.scope === scope && known.minted === world.keys.minted) return known.state;
    const started = Date.now();
    const state = JSON.stringify(await tenantState(sql, scope));
    stats.checkMs += Date.now() - started;
    known = { scope, minted: world.keys.minted, state };
    return state;
  }

  async function send(op: Operation, c: Case) {
    const headers: Record<string, string> = { ...c.headers };
    if (!headers["content-type"]) delete headers["content-type"];
    if (c.role === "operator") headers.authorization = `Bearer ${env.OPERATOR_TOKEN}`;
    else if (c.role !== "none") headers.authorization = `Bearer ${await world.keys.take(c.role)}`;
    else if (op.auth !== "none") headers.authorization = "Bearer sk_live_unknown";
    const scope = op.auth === "operator" ? world.target.id : world.tenant.id;
    const before = op.method === "GET" ? undefined : await stateOf(scope);
    const started = Date.now();
    let response: Response;
    let text: string;
    try {
      // call(), not SELF.fetch: SELF.fetch's cost grows with every call made before it in a test
      // (80 calls: 0.5 s, then 0.9, 1.7, 2.8, 3.5 s), which a run of thousands cannot afford.
      response = await call(
        `${c.path}${c.query ? `?${c.query}` : ""}`,
        {
          method: op.method,
          headers,
          ...(c.body !== undefined && op.method !== "GET" ? { body: c.body } : {}),
        },
        world.bindings,
      );
      text = await response.text();
    } catch (error) {
      // The Worker threw instead of answering: a client would see a 500 from the platform.
      stats.sent++;
      stats.serverErrors++;
      failures.push(`threw: ${String(error)} for ${describeCase(op, c)}`);
      console.log(`fuzz threw: ${String(error)} for ${describeCase(op, c)}`);
      known = undefined;
      return;
    }
    stats.ms += Date.now() - started;
    stats.sent++;
    if (stats.sent % 1000 === 0) console.log(`fuzz progress: ${JSON.stringify(stats)}`);
    const family = `${String(response.status)[0]}xx`;
    stats.statuses[family] = (stats.statuses[family] ?? 0) + 1;
    const what = `${response.status} for ${describeCase(op, c)} → ${text.slice(0, 300)}`;
    if (response.status >= 500) {
      stats.serverErrors++;
      failures.push(`5xx: ${what}`);
      console.log(`fuzz 5xx: ${what}`);
    }
    if (response.status < 400 || response.status >= 500) {
      world.deliveries.take(); // webhook deliveries are captured, never sent: drop them
      known = undefined;
      return;
    }
    let code: unknown;
    try {
      code = (JSON.parse(text) as { code?: unknown }).code;
    } catch {}
    if (response.headers.get("content-type") !== "application/problem+json" || !code) {
      failures.push(`not problem+json: ${what}`);
    }
    if (before === undefined) return;
    known = undefined;
    const after = await stateOf(scope);
    if (after !== before) failures.push(`changed on refusal: ${what} ${before} → ${after}`);
    const audited = Date.now();
    const rows = await auditRowsOf(sql, response.headers.get("x-request-id") ?? "");
    stats.checkMs += Date.now() - audited;
    if (after === before && rows > 0) {
      failures.push(`audited on refusal: ${what}`);
    }
  }
  return { send, stats, failures };
}

describe("every operation of /openapi.json, every role, valid and hostile input", () => {
  it(
    `answers ${RUNS} generated requests with no 5xx, problem+json 4xx, and no change on refusal`,
    async () => {
      const spec = (await (await SELF.fetch(`${BASE}/openapi.json`)).json()) as Spec;
      const operations = operationsOf(spec);
      expect(operations.length).toBeGreaterThan(60);
      const world = await seedWorld();
      const sql = ownerSql();
      const run = runner(world, sql);
      const slowest: Array<[string, number]> = [];
      const started = Date.now();
      try {
        world.ids.events = await eventIds(sql, world.tenant.id);
        const hints: Hints = {
          ids: Object.values(world.ids).flat(),
          url: "https://fuzz-hooks.invalid/hook",
        };
        const perOperation = Math.max(2, Math.ceil(RUNS / operations.length));
        for (const [index, op] of operations.entries()) {
          const cases = fc.sample(requestOf(op, spec, world.ids, hints), {
            seed: SEED + index,
            numRuns: perOperation,
          });
          const opStarted = Date.now();
          for (const c of cases) await run.send(op, c);
          slowest.push([`${op.method} ${op.path}`, Date.now() - opStarted]);
        }
      } finally {
        await sql.end();
      }
      const { sent, serverErrors, statuses, ms } = run.stats;
      console.log(
        `fuzz: ${sent} cases sent over ${operations.length} operations, ${serverErrors} 5xx seen, ${run.failures.length} failures (seed ${SEED}, ${statuses["2xx"] ?? 0} 2xx, ${statuses["4xx"] ?? 0} 4xx; ${Math.round((Date.now() - started) / 1000)} s, ${ms} ms in requests, ${run.stats.checkMs} ms in checks)`,
      );
      slowest.sort((x, y) => y[1] - x[1]);
      console.log(`fuzz slowest operations (ms): ${JSON.stringify(slowest.slice(0, 6))}`);
      expect(run.failures, run.failures.slice(0, 20).join("\n\n")).toEqual([]);
    },
    Math.max(180_000, RUNS * 400),
  );
});
