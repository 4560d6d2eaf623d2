import { Validator } from "@cfworker/json-schema";
import { call } from "../helpers/http";

/**
 * What a validating proxy (Prism) checks of every exchange, done against the live document: the
 * operation exists, the status is declared, the media type is declared for it, the body matches
 * the schema, every header of the contract the server sent is declared on that response (and
 * matches its schema), and every header declared required is present.
 */

export interface Header {
  required?: boolean;
  schema?: object;
  $ref?: string;
}
export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: { example?: unknown };
  $ref?: string;
}
export interface ResponseObject {
  description: string;
  headers?: Record<string, Header>;
  content?: Record<string, { schema?: object }>;
}
export interface Operation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  description?: string;
  deprecated?: boolean;
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: object }> };
  responses: Record<string, ResponseObject>;
}
export interface Spec {
  openapi: string;
  info: { title: string; contact?: { url?: string }; license?: { name: string } };
  servers?: Array<{ url: string }>;
  tags?: Array<{ name: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties?: Record<string, object> }>;
    headers: Record<string, Header>;
    parameters: Record<string, Parameter>;
  };
}

export const METHODS = ["get", "put", "post", "patch", "delete"] as const;

/** Headers of the contract: when the server sends one, the response must declare it. */
export const CONTRACT_HEADERS = [
  "ratelimit",
  "ratelimit-policy",
  "retry-after",
  "idempotent-replayed",
  "deprecation",
  "sunset",
  "link",
  "content-range",
  "etag",
  "x-request-id",
];

export async function fetchSpec(): Promise<Spec> {
  const response = await call("/openapi.json");
  if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}`);
  return (await response.json()) as Spec;
}

/** Every operation of the document, with its path template and method. */
export function operations(spec: Spec) {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => (METHODS as readonly string[]).includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );
}

/** A header or parameter object, its $ref resolved. */
export function resolve<T extends { $ref?: string }>(spec: Spec, value: T): T {
  if (!value.$ref) return value;
  const [, , kind, name] = value.$ref.split("/");
  const target = (spec.components as unknown as Record<string, Record<string, T>>)[kind ?? ""]?.[
    name ?? ""
  ];
  if (!target) throw new Error(`unresolved ${value.$ref}`);
  return target;
}

/** One exchange that broke the contract, as a readable line. */
export type Violation = string;

/** Checks exchanges against the document; collects violations instead of throwing. */
export function contractChecker(spec: Spec) {
  const templates = Object.keys(spec.paths)
    .map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
      literal: template.replace(/\{[^}]+\}/g, "").length,
    }))
    // A literal segment wins over a parameter (/v2/files/multipart before /v2/files/{id}).
    .sort((a, b) => b.literal - a.literal);
  const validators = new Map<string, Validator>();
  const violations: Violation[] = [];
  const exchanges: string[] = [];

  const validate = (key: string, schema: object, value: unknown) => {
    let validator = validators.get(key);
    if (!validator) {
      validator = new Validator(
        { ...schema, components: spec.components } as object,
        "2020-12",
        false,
      );
      validators.set(key, validator);
    }
    return validator.validate(value).errors.map((e) => `${e.instanceLocation}: ${e.error}`);
  };

  /**
   * `requestType`: the media type of the body sent, checked against the operation's request body
   * (leave it out for a request meant to be refused for its media type).
   */
  async function check(
    method: string,
    path: string,
    response: Response,
    requestType?: string,
  ): Promise<void> {
    const pathname = new URL(path, "https://x").pathname;
    const match = templates.find((t) => t.pattern.test(pathname));
    const where = `${method.toUpperCase()} ${match?.template ?? pathname} → ${response.status}`;
    exchanges.push(where);
    const operation = match && spec.paths[match.template]?.[method.toLowerCase()];
    if (!operation) {
      violations.push(`${where}: no such operation`);
      return;
    }
    if (requestType !== undefined) {
      const accepted = Object.keys(operation.requestBody?.content ?? {});
      if (!accepted.includes(requestType.split(";")[0]?.trim() ?? "")) {
        violations.push(`${where}: request media type ${requestType} not declared (${accepted})`);
      }
    }
    const declared = operation.responses[String(response.status)];
    if (!declared) {
      violations.push(`${where}: status not declared`);
      return;
    }
    for (const [name, header] of Object.entries(declared.headers ?? {})) {
      const resolved = resolve(spec, header);
      if (resolved.required && !response.headers.has(name)) {
        violations.push(`${where}: required header ${name} missing`);
      }
    }
    const declaredHeaders = new Map(
      Object.entries(declared.headers ?? {}).map(([name, header]) => [
        name.toLowerCase(),
        resolve(spec, header),
      ]),
    );
    for (const name of CONTRACT_HEADERS) {
      const value = response.headers.get(name);
      if (value === null) continue;
      const header = declaredHeaders.get(name);
      if (!header) {
        violations.push(`${where}: header ${name} sent but not declared`);
        continue;
      }
      if (header.schema) {
        const typed =
          (header.schema as { type?: string }).type === "integer" && /^\d+$/.test(value)
            ? Number(value)
            : value;
        for (const error of validate(`header ${name}`, header.schema, typed)) {
          violations.push(`${where}: header ${name}: ${error}`);
        }
      }
    }
    const type = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
    if (!declared.content) {
      if (response.body !== null && type !== "") {
        violations.push(`${where}: a ${type} body where none is declared`);
      }
      return;
    }
    const media = declared.content[type];
    if (!media) {
      violations.push(
        `${where}: media type ${type || "(none)"} not declared (${Object.keys(declared.content).join(", ")})`,
      );
      return;
    }
    if (type.endsWith("json") && media.schema && !("format" in media.schema)) {
      const body = await response.clone().json();
      for (const error of validate(`${where} ${type}`, media.schema, body)) {
        violations.push(`${where}: body ${error}`);
      }
    }
  }

  return { check, violations, exchanges };
}
