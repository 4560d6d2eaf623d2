import { describe, expect, it } from "vitest";
import { ALLOWED_CONTENT_TYPES } from "../../src/features/files/limits";
import { API_TAGS } from "../../src/platform/openapi";
import { fetchSpec, type Operation, operations, resolve } from "./contract";

const PUBLIC = /^\/($|health\/|downloads\/|ops$|portal$)/;
// Operations that involve no database, so never answer 503.
const NO_DATABASE = ["/", "/health/live", "/ops", "/portal"];
const tenantArea = (path: string) => /^\/v[12]\//.test(path);
const keyed = (path: string, method: string) =>
  tenantArea(path) && ["post", "patch", "delete"].includes(method);
const jsonBody = (operation: Operation) =>
  operation.requestBody?.content["application/json"] !== undefined;

function headerNames(operation: Operation, status: string) {
  return Object.keys(operation.responses[status]?.headers ?? {}).map((h) => h.toLowerCase());
}

describe("OpenAPI document (the contract)", () => {
  it("names its contact, license, every tag and the origin it was served from", async () => {
    const spec = await fetchSpec();
    expect(spec.info.contact?.url).toMatch(/^https:\/\//);
    expect(spec.info.license?.name).toBeTruthy();
    expect(spec.tags?.map((t) => t.name)).toEqual(API_TAGS.map((t) => t.name));
    expect(spec.servers?.map((s) => s.url)).toEqual(["https://api.shelfwise.test"]);
  });

  it("names, tags, summarises and describes every operation", async () => {
    const spec = await fetchSpec();
    const tagNames = API_TAGS.map((t) => t.name) as string[];
    const ids = new Set<string>();
    for (const { path, method, operation } of operations(spec)) {
      const at = `${method.toUpperCase()} ${path}`;
      expect(operation.summary, at).toBeTruthy();
      expect(operation.tags?.length, `${at} has one tag`).toBe(1);
      expect(tagNames, `${at} tag ${operation.tags?.[0]}`).toContain(operation.tags?.[0]);
      expect(operation.operationId, at).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(ids.has(operation.operationId as string), `${at} operationId unique`).toBe(false);
      ids.add(operation.operationId as string);
      expect(operation.description, at).toBeTruthy();
      expect(
        Object.keys(operation.responses).filter((s) => s.startsWith("4")),
        at,
      ).not.toEqual([]);
    }
    expect(ids.size).toBe(operations(spec).length);
  });

  it("says security: [] on public routes and names a scheme everywhere else", async () => {
    const spec = await fetchSpec();
    for (const { path, method, operation } of operations(spec)) {
      const at = `${method.toUpperCase()} ${path}`;
      if (PUBLIC.test(path)) expect(operation.security, at).toEqual([]);
      else if (path.startsWith("/admin/"))
        expect(operation.security, at).toEqual([{ operator: [] }]);
      // Browsers open the stream with a single-use ticket instead of Authorization.
      else if (path === "/v2/events/stream")
        expect(operation.security, at).toEqual([{ bearer: [] }, { streamTicket: [] }]);
      // The ops console's live reports: the operator token, or (browsers) a ticket.
      else if (path === "/ops/stream")
        expect(operation.security, at).toEqual([{ operator: [] }, { streamTicket: [] }]);
      else expect(operation.security, at).toEqual([{ bearer: [] }]);
    }
  });

  it("declares the idempotency contract on every keyed operation, and only there", async () => {
    const spec = await fetchSpec();
    let count = 0;
    for (const { path, method, operation } of operations(spec)) {
      const at = `${method.toUpperCase()} ${path}`;
      const parameter = (operation.parameters ?? [])
        .map((p) => resolve(spec, p))
        .find((p) => p.in === "header" && p.name === "Idempotency-Key");
      if (!keyed(path, method)) {
        expect(parameter, at).toBeUndefined();
        continue;
      }
      count++;
      expect(parameter?.required, at).toBe(false);
      expect(operation.responses["409"]?.description, at).toContain("idempotency_key_in_use");
      expect(headerNames(operation, "409"), at).toContain("retry-after");
      expect(operation.responses["422"]?.description, at).toContain("idempotency_key_reused");
      const success = Object.keys(operation.responses).find((s) => s.startsWith("2")) as string;
      expect(headerNames(operation, success), at).toContain("idempotent-replayed");
    }
    expect(count).toBe(34);
  });

  it("declares 413 (with limit_bytes) and 415 on every JSON body, 429 and 503 with Retry-After", async () => {
    const spec = await fetchSpec();
    for (const { path, method, operation } of operations(spec)) {
      const at = `${method.toUpperCase()} ${path}`;
      if (jsonBody(operation)) {
        const schema = operation.responses["413"]?.content?.["application/problem+json"]?.schema;
        expect(schema, `${at} 413`).toBeDefined();
        expect(JSON.stringify(schema), at).toMatch(/PayloadTooLargeProblem/);
        expect(operation.responses["415"], `${at} 415`).toBeDefined();
      }
      if (tenantArea(path)) {
        expect(headerNames(operation, "429"), `${at} 429`).toContain("retry-after");
        // A 101 hands the connection to the WebSocket protocol: no HTTP answer follows it.
        for (const status of Object.keys(operation.responses).filter((s) => s !== "101")) {
          expect(headerNames(operation, status), `${at} ${status}`).toEqual(
            expect.arrayContaining(["ratelimit", "ratelimit-policy"]),
          );
        }
      }
      if (!NO_DATABASE.includes(path)) {
        expect(headerNames(operation, "503"), `${at} 503`).toContain("retry-after");
      }
    }
    const members = (name: string) => {
      const schema = spec.components.schemas[name] as { allOf?: Array<{ properties?: object }> };
      return (schema.allOf ?? []).flatMap((part) => Object.keys(part.properties ?? {}));
    };
    expect(members("PayloadTooLargeProblem")).toContain("limit_bytes");
    expect(members("UnsupportedFileTypeProblem")).toContain("accepted");
    expect(members("InsufficientStockProblem")).toContain("lines");
  });

  it("marks every v1 response with Deprecation, Sunset and Link (required)", async () => {
    const spec = await fetchSpec();
    for (const { path, method, operation } of operations(spec)) {
      if (!path.startsWith("/v1/")) continue;
      expect(operation.deprecated).toBe(true);
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const name of ["Deprecation", "Sunset", "Link"]) {
          const header = response.headers?.[name];
          expect(
            header && resolve(spec, header).required,
            `${method} ${path} ${status} ${name}`,
          ).toBe(true);
        }
      }
    }
  });

  it("declares the real media types of uploads and downloads", async () => {
    const spec = await fetchSpec();
    const accepted = [...ALLOWED_CONTENT_TYPES].sort();
    const media = (o: Operation | undefined, status?: string) =>
      Object.keys((status ? o?.responses[status]?.content : o?.requestBody?.content) ?? {}).sort();
    expect(media(spec.paths["/v2/files"]?.post)).toEqual(accepted);
    expect(media(spec.paths["/v2/files/{id}/content"]?.get, "200")).toEqual(accepted);
    expect(media(spec.paths["/v2/files/{id}/content"]?.get, "206")).toEqual(accepted);
    expect(media(spec.paths["/downloads/files"]?.get, "200")).toEqual(accepted);
    expect(media(spec.paths["/downloads/exports"]?.get, "200")).toEqual([
      "application/json",
      "application/x-ndjson",
    ]);
    const upload = spec.paths["/v2/files"]?.post;
    expect(JSON.stringify(upload?.responses["415"])).toMatch(/UnsupportedFileTypeProblem/);
    expect(headerNames(spec.paths["/v2/files/{id}/content"]?.get as Operation, "206")).toContain(
      "content-range",
    );
  });

  it("formats every timestamp as date-time, gives every path parameter an example, requires the signed-URL query", async () => {
    const spec = await fetchSpec();
    const untyped: string[] = [];
    const visit = (schema: unknown, at: string) => {
      if (!schema || typeof schema !== "object") return;
      const s = schema as Record<string, unknown>;
      for (const [name, property] of Object.entries(
        (s.properties as Record<string, Record<string, unknown>>) ?? {},
      )) {
        const type = property.type;
        const isString = type === "string" || (Array.isArray(type) && type.includes("string"));
        if ((/_at$/.test(name) || name === "timestamp") && isString) {
          if (property.format !== "date-time") untyped.push(`${at}.${name}`);
        }
        visit(property, `${at}.${name}`);
      }
      for (const key of ["items", "anyOf", "oneOf", "allOf"]) {
        const inner = s[key];
        if (!Array.isArray(inner)) visit(inner, `${at}.${key}`);
        else for (const [i, x] of inner.entries()) visit(x, `${at}.${key}[${i}]`);
      }
    };
    for (const [name, schema] of Object.entries(spec.components.schemas)) visit(schema, name);
    expect(untyped).toEqual([]);

    for (const { path, method, operation } of operations(spec)) {
      for (const parameter of (operation.parameters ?? []).map((p) => resolve(spec, p))) {
        if (parameter.in !== "path") continue;
        expect(
          parameter.example ?? parameter.schema?.example,
          `${method} ${path} {${parameter.name}}`,
        ).toBeDefined();
      }
    }
    for (const path of ["/downloads/files", "/downloads/exports"]) {
      const query = (spec.paths[path]?.get?.parameters ?? []).filter((p) => p.in === "query");
      expect(query.map((p) => [p.name, p.required])).toEqual([
        ["t", true],
        ["o", true],
        ["e", true],
        ["s", true],
      ]);
    }
  });
});
