import { getTableColumns } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { app } from "../../../src/app";
import {
  apiKeys,
  books,
  files,
  orderLines,
  tenants,
  webhookEndpoints,
} from "../../../src/platform/db/schema";
import { INT4_MAX, INT4_MIN, INT8_SAFE_MAX } from "../../../src/platform/schemas";

/**
 * Column bounds and schema bounds agree, checked mechanically over every route the app
 * registers: each string a client can send refuses what Postgres text cannot hold and has a
 * length bound; each number is an integer within the type of the column it lands in; each enum
 * is a subset of its column's values. A new route or field is checked without editing this file;
 * a body field that matches no column must be named below as not stored as sent.
 */

type Schema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };
interface Leaf {
  path: string[];
  schema: Schema;
}

/** The leaves of a request schema, with wrappers (optional, default, pipe…) unwrapped. */
function leaves(schema: Schema, path: string[] = []): Leaf[] {
  const def = schema._zod.def;
  switch (def.type) {
    case "object":
      return Object.entries(def.shape as Record<string, Schema>).flatMap(([k, v]) =>
        leaves(v, [...path, k]),
      );
    case "array":
      return leaves(def.element as Schema, path);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return leaves(def.innerType as Schema, path);
    case "pipe":
      return leaves(def.in as Schema, path);
    case "union":
      return (def.options as Schema[]).flatMap((o) => leaves(o, path));
    default:
      return [{ path, schema }];
  }
}

interface RequestParts {
  body?: { content: Record<string, { schema: Schema }> };
  query?: Schema;
  params?: Schema;
  headers?: Schema;
}
const routes = app.openAPIRegistry.definitions.flatMap((d) =>
  d.type === "route"
    ? [
        {
          method: d.route.method,
          path: d.route.path,
          request: (d.route.request ?? {}) as RequestParts,
        },
      ]
    : [],
);

function requestLeaves() {
  return routes.flatMap(({ method, path, request }) => {
    const parts: Array<[string, Schema | undefined]> = [
      ["json", request.body?.content["application/json"]?.schema],
      ["query", request.query],
      ["param", request.params],
      ["header", request.headers],
    ];
    return parts.flatMap(([target, schema]) => {
      // A body declared with a plain OpenAPI schema (a file's bytes) is streamed, never parsed.
      if (!schema || !("_zod" in schema)) return [];
      return leaves(schema).map((leaf) => ({
        ...leaf,
        target,
        where: `${method} ${path} ${target}`,
      }));
    });
  });
}

/** The table a route's body lands in, by the resource segment of its path. */
const TABLES: Record<string, PgTable> = {
  books: books,
  orders: orderLines,
  "api-keys": apiKeys,
  tenants: tenants,
  "webhook-endpoints": webhookEndpoints,
  files: files,
};
/** Body fields stored under another column name (by field, or by route and field). */
const ALIASES: Record<string, string> = {
  "limits.requests_per_hour": "rate_limit_per_hour",
  "POST /tenants/{id}/suspend reason": "status_reason",
  "POST /tenants/{id}/offboard reason": "status_reason",
  "POST /tenants/{id}/webhooks/pause reason": "webhooks_paused_reason",
};
/** Body fields that are not stored as sent (converted, or instructions rather than data). */
const NOT_STORED = new Set([
  "POST /books price", // v1: a decimal string, converted to price_amount and bounded there
  "PATCH /books/{id} price",
  "POST /files/{id}/complete parts.part_number", // handed to R2, never stored
  "POST /files/{id}/complete parts.etag",
  "POST /files/{id}/download-url expires_in", // bounds a signature, never stored
  "POST /webhook-endpoints/{id}/recover since", // a filter
  "POST /api-keys/{id}/roll expires_in", // becomes previous_key_expires_at, a timestamp
  "POST /webhook-endpoints headers", // sealed into custom_headers_ciphertext, never stored as sent
  "PATCH /webhook-endpoints/{id} headers",
  "POST /ops/tenants/{id}/webhook-endpoints/{endpointId}/recover since",
  "POST /tenants/{id}/restore source_tenant_id", // name the export to load, never stored
  "POST /tenants/{id}/restore export_id",
]);

function columnFor(
  method: string,
  path: string,
  field: string[],
): PgColumn | "not stored" | undefined {
  const segment = path.split("/").find((s) => s in TABLES);
  const key = `${method.toUpperCase()} ${path.replace(/^\/(v1|v2|admin)/, "")} ${field.join(".")}`;
  const table = segment ? TABLES[segment] : undefined;
  if (!table) return "not stored";
  const byName = new Map(
    Object.values(getTableColumns(table) as Record<string, PgColumn>).map((c) => [c.name, c]),
  );
  const names = [ALIASES[key], ALIASES[field.join(".")], field.join("_"), field.at(-1)];
  for (const name of names) if (name && byName.has(name)) return byName.get(name);
  return NOT_STORED.has(key) ? "not stored" : undefined;
}

const INT_BOUNDS: Record<string, [number, number]> = {
  integer: [INT4_MIN, INT4_MAX],
  bigint: [-INT8_SAFE_MAX, INT8_SAFE_MAX],
};

describe("request schemas against the database's bounds", () => {
  const all = requestLeaves();

  it("finds the request schemas of every route", () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(all.length).toBeGreaterThan(100);
  });

  it("every string refuses NUL and lone surrogates and has a length bound", () => {
    const gaps = all
      .filter((l) => l.schema._zod.def.type === "string")
      .flatMap((l) => {
        const s = l.schema as unknown as z.ZodString;
        const where = `${l.where} ${l.path.join(".")}`;
        return [
          ...(s.maxLength === null ? [`${where}: no maximum length`] : []),
          ...["ok\u0000", "ok\ud800", "\udc00ok"].flatMap((v) =>
            s.safeParse(v).success ? [`${where}: accepts ${JSON.stringify(v)}`] : [],
          ),
        ];
      });
    expect(gaps).toEqual([]);
  });

  it("every number is an integer with finite bounds", () => {
    const gaps = all
      .filter((l) => l.schema._zod.def.type === "number")
      .flatMap((l) => {
        const n = l.schema as unknown as z.ZodNumber;
        const ok = n.isInt && Number.isFinite(n.maxValue) && Number.isFinite(n.minValue);
        return ok ? [] : [`${l.where} ${l.path.join(".")}: ${n.minValue}..${n.maxValue}`];
      });
    expect(gaps).toEqual([]);
  });

  it("every body field fits the column it is stored in (integer ranges, enums)", () => {
    const gaps: string[] = [];
    for (const leaf of all.filter((l) => l.target === "json")) {
      const [method, path] = leaf.where.split(" ") as [string, string];
      const column = columnFor(method, path, leaf.path);
      const where = `${leaf.where} ${leaf.path.join(".")}`;
      if (column === undefined) {
        gaps.push(`${where}: no column matches; map it or name it as not stored`);
        continue;
      }
      if (column === "not stored") continue;
      const type = column.getSQLType();
      const bounds = INT_BOUNDS[type];
      const def = leaf.schema._zod.def;
      if (bounds && def.type === "number") {
        const n = leaf.schema as unknown as z.ZodNumber;
        if ((n.minValue ?? -Infinity) < bounds[0] || (n.maxValue ?? Infinity) > bounds[1]) {
          gaps.push(`${where}: ${n.minValue}..${n.maxValue} does not fit ${type} ${column.name}`);
        }
      } else if (bounds) {
        gaps.push(`${where}: a ${def.type} stored in ${type} ${column.name}`);
      }
      const columnEnum = (column as { enumValues?: string[] }).enumValues;
      if (def.type === "enum" && columnEnum?.length) {
        const values = Object.values(def.entries as Record<string, string>);
        const extra = values.filter((v) => !columnEnum.includes(v));
        if (extra.length > 0) gaps.push(`${where}: ${extra.join(", ")} not in ${column.name}`);
      }
    }
    expect(gaps).toEqual([]);
  });
});
