import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { HeaderObject, ParameterObject, ReferenceObject } from "openapi3-ts/oas31";
import type { AppEnv } from "./context";
import { AppError, ERROR_CODES, fieldErrorsFromZod } from "./errors";
import { EVENT_CATALOG, EVENT_TYPES, eventEnvelopeSchema } from "./event-schemas";

/**
 * The contract's building blocks. Every operation is declared with the helpers below, so the
 * document says exactly what the server sends: each status with its problem schema, and the
 * response headers the middleware of its area adds (docs/api-contract.md).
 */

/** The problem+json schema shared by every documented error response. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: "https://docs.shelfwise.example/problems/not_found" }),
    title: z.string().openapi({ example: "Not found" }),
    status: z.number().int().openapi({ example: 404 }),
    detail: z.string().openapi({ example: "No such book." }),
    code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES]),
    request_id: z.string().openapi({ example: "req_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({ description: "Every failing field (validation_failed)" }),
  })
  .passthrough()
  .openapi("Problem", {
    description: "RFC 9457 problem document; some codes add members of their own",
  });

/** 413 `payload_too_large`: the limit that was exceeded. */
export const PayloadTooLargeProblemSchema = ProblemSchema.extend({
  limit_bytes: z.number().int().openapi({ description: "The limit the body exceeded" }),
  received_bytes: z
    .number()
    .int()
    .optional()
    .openapi({ description: "Bytes of the parts already received (multipart parts)" }),
}).openapi("PayloadTooLargeProblem");

/** 415 `unsupported_media_type` of an upload: the media types a file may have. */
export const UnsupportedFileTypeProblemSchema = ProblemSchema.extend({
  accepted: z.array(z.string()).openapi({ description: "The media types a file may have" }),
}).openapi("UnsupportedFileTypeProblem");

/** 409 `insufficient_stock` (or `idempotency_key_in_use`) of an order creation. */
export const InsufficientStockProblemSchema = ProblemSchema.extend({
  lines: z
    .array(
      z.object({
        book_id: z.string().openapi({ example: "book_01jd3xk2v8f4r6t8w0y2a4c6e8" }),
        requested: z.number().int(),
        available: z.number().int(),
      }),
    )
    .optional()
    .openapi({ description: "With insufficient_stock: every line that cannot be served" }),
}).openapi("InsufficientStockProblem");

/** Reusable components (headers, the Idempotency-Key parameter), referenced by operations. */
const HEADERS = {
  "X-Request-Id": {
    description: "The request's id (a well-formed inbound one is kept); also in problem documents",
    schema: { type: "string", example: "req_01jd3xk2v8f4r6t8w0y2a4c6e8" },
  },
  RateLimit: {
    description:
      "The policy closest to its limit: name, remaining requests and seconds to reset (IETF draft RateLimit header fields)",
    schema: { type: "string", example: '"tenant";r=119;t=60' },
  },
  "RateLimit-Policy": {
    description: "The limits that apply to this credential and tenant",
    schema: { type: "string", example: '"tenant";q=120;w=60, "credential";q=60;w=60' },
  },
  "Retry-After": {
    description: "Seconds to wait before retrying",
    schema: { type: "integer", minimum: 0, example: 2 },
  },
  "Idempotent-Replayed": {
    description: "Present (`true`) when this is the stored response of an earlier request",
    schema: { type: "string", enum: ["true"] },
  },
  Deprecation: {
    required: true,
    description: "When this API version was deprecated (RFC 9745, `@` Unix seconds)",
    schema: { type: "string", example: "@1793491200" },
  },
  Sunset: {
    required: true,
    description: "When this API version stops answering (RFC 8594, an HTTP-date)",
    schema: { type: "string", example: "Wed, 30 Jun 2027 00:00:00 GMT" },
  },
  Link: {
    required: true,
    description: 'The migration guide (`rel="deprecation"`)',
    schema: {
      type: "string",
      example: '<https://docs.shelfwise.example/api/migrating-from-v1>; rel="deprecation"',
    },
  },
  ETag: {
    description: "The representation's version (strong)",
    schema: { type: "string", example: '"3f8a…"' },
  },
  "Content-Range": {
    description: "The range sent (206), or the full size (416: `bytes */size`)",
    schema: { type: "string", example: "bytes 0-1023/4096" },
  },
  "Content-Disposition": {
    description: "The file's name, as an attachment",
    schema: { type: "string", example: 'attachment; filename="cover.png"' },
  },
  "Accept-Ranges": {
    description: "Byte ranges are supported",
    schema: { type: "string", enum: ["bytes"] },
  },
} satisfies Record<string, HeaderObject>;
type HeaderName = keyof typeof HEADERS;
const headerRef = (name: HeaderName) => ({ $ref: `#/components/headers/${name}` });

const IDEMPOTENCY_KEY = {
  name: "Idempotency-Key",
  in: "header" as const,
  required: false,
  description:
    "Makes a POST, PATCH or DELETE safe to retry: a repeat with the same key, method, path and body gets the stored response (`Idempotent-Replayed: true`); the same key with another request is 422 idempotency_key_reused; while the first is running, 409 idempotency_key_in_use. Keys are kept 24 hours.",
  schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x20-\\x7e]+$" },
  example: "order-2026-11-29-0001",
} satisfies ParameterObject;

/** The Idempotency-Key request header of a keyed (POST, PATCH, DELETE) tenant operation. */
export const idempotencyKeyParameter: ReferenceObject[] = [
  { $ref: "#/components/parameters/IdempotencyKey" },
];

/** Registers the components the helpers reference; every router does, so any mount has them. */
function registerComponents(router: OpenAPIHono<AppEnv>) {
  for (const [name, header] of Object.entries(HEADERS)) {
    router.openAPIRegistry.registerComponent("headers", name, header);
  }
  router.openAPIRegistry.registerComponent("parameters", "IdempotencyKey", IDEMPOTENCY_KEY);
}

/**
 * The area a route is mounted in, which decides the headers on all its responses:
 * `v2` (rate limited), `v1` (rate limited, deprecated), `admin` (operator token), `public`.
 */
export type Area = "v2" | "v1" | "admin" | "public";

const areaHeaders = (area: Area): Record<string, object> => ({
  "X-Request-Id": headerRef("X-Request-Id"),
  ...(area === "v2" || area === "v1"
    ? { RateLimit: headerRef("RateLimit"), "RateLimit-Policy": headerRef("RateLimit-Policy") }
    : {}),
  ...(area === "v1"
    ? {
        Deprecation: headerRef("Deprecation"),
        Sunset: headerRef("Sunset"),
        Link: headerRef("Link"),
      }
    : {}),
});

/** Options of one operation's responses. */
export interface ResponseOptions {
  /** POST, PATCH or DELETE on /v2 or /v1: replays carry Idempotent-Replayed. */
  keyed?: boolean;
  /** Extra headers of this response (e.g. ETag). */
  headers?: HeaderName[];
}

function headersOf(area: Area, options: ResponseOptions = {}, extra: HeaderName[] = []) {
  return {
    ...areaHeaders(area),
    ...(options.keyed ? { "Idempotent-Replayed": headerRef("Idempotent-Replayed") } : {}),
    ...Object.fromEntries([...(options.headers ?? []), ...extra].map((h) => [h, headerRef(h)])),
  };
}

/** The headers of a non-JSON response (a download) of an area, and its own. */
export function headersFor(area: Area, own: HeaderName[] = []) {
  return headersOf(area, {}, own);
}

type Schema = z.ZodType;

/** A JSON success response with the headers of its area. */
export function jsonResponse<S extends Schema>(
  area: Area,
  description: string,
  schema: S,
  options: ResponseOptions = {},
) {
  return {
    description,
    headers: headersOf(area, options),
    content: { "application/json": { schema } },
  };
}

/** A problem+json response (default schema Problem) with the headers of its area. */
export function problemFor<S extends Schema = typeof ProblemSchema>(
  area: Area,
  description: string,
  options: ResponseOptions & { schema?: S; retryAfter?: boolean } = {},
) {
  return {
    description,
    headers: headersOf(area, options, options.retryAfter ? ["Retry-After"] : []),
    content: {
      "application/problem+json": { schema: (options.schema ?? ProblemSchema) as S },
    },
  };
}

/**
 * The error responses every operation of an area can produce. `body` is the request body's
 * kind: a JSON body adds 413 (the 1 MiB limit) and 415 (not JSON); `keyed` adds the
 * idempotency answers (409 in use, 422 reused). `database: false` drops 503 (no database).
 */
export function errorResponses(
  area: Area,
  options: ResponseOptions & { body?: "json"; database?: boolean } = {},
) {
  const keyed = options.keyed === true;
  // None of these answers is stored for a keyed request (so none is replayed), except 415.
  const o = {};
  const tenant = area === "v2" || area === "v1";
  return {
    400: problemFor(
      area,
      keyed
        ? "Validation failed (validation_failed), or a malformed Idempotency-Key (invalid_idempotency_key)"
        : "Validation failed (validation_failed, listing every failing field)",
      o,
    ),
    ...(area === "public"
      ? {}
      : {
          401: problemFor(
            area,
            area === "admin"
              ? "Missing or invalid operator token"
              : "Missing or invalid credential (unauthenticated)",
            o,
          ),
        }),
    ...(tenant
      ? {
          403: problemFor(
            area,
            "The credential lacks the role (forbidden), the tenant is suspended (tenant_suspended), or a portal token is outside its operations (insufficient_scope)",
            o,
          ),
        }
      : {}),
    ...(area === "admin"
      ? {
          403: problemFor(
            area,
            "An operator identity token without a second factor (mfa_required), or without the role this needs (forbidden: ops-viewer reads only)",
            o,
          ),
        }
      : {}),
    ...(keyed
      ? {
          409: problemFor(
            area,
            "A request with this Idempotency-Key is in progress (idempotency_key_in_use): retry after Retry-After",
            { ...o, retryAfter: true },
          ),
          422: problemFor(
            area,
            "This Idempotency-Key was used with another method, path or body (idempotency_key_reused)",
            o,
          ),
        }
      : {}),
    ...(options.body === "json"
      ? {
          413: problemFor(area, "The body exceeds 1 MiB (payload_too_large)", {
            ...o,
            schema: PayloadTooLargeProblemSchema,
          }),
          415: problemFor(area, "The body is not application/json (unsupported_media_type)", {
            keyed,
          }),
        }
      : {}),
    ...(tenant
      ? {
          429: problemFor(
            area,
            "Rate limit exceeded (rate_limited), or too many failed authentications from this address",
            { ...o, retryAfter: true },
          ),
        }
      : {}),
    500: problemFor(area, "Internal error (internal; no details are disclosed)", o),
    ...(options.database === false
      ? {}
      : {
          503: problemFor(
            area,
            "The database is unavailable or saturated (service_unavailable): retry after Retry-After",
            { ...o, retryAfter: true },
          ),
        }),
  } as const;
}

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ProblemSchema } },
});

/** Error responses every route may produce; spread into each route's `responses`. */
export const commonErrorResponses = {
  400: problem("Validation failed"),
  500: problem("Internal error (no details are disclosed)"),
} as const;

/** Error responses of authenticated tenant routes. */
export const authErrorResponses = {
  ...commonErrorResponses,
  401: problem("Missing or invalid credential"),
  403: problem("Credential lacks the role, or the tenant is suspended"),
  429: problem("Rate limit exceeded"),
} as const;

/** Helper for documenting a specific problem response. */
export const problemResponse = problem;

/** Security requirement of tenant routes (API key or JWT). */
export const tenantSecurity = [{ bearer: [] }];
/** Security requirement of operator routes. */
export const operatorSecurity = [{ operator: [] }];
/** Public routes: no credential (the signature, if any, is in the URL). */
export const publicSecurity = [];

/** The document's tags, in reading order (each operation has exactly one). */
export const API_TAGS = [
  { name: "tenant", description: "The calling tenant: its profile, usage and data export" },
  { name: "books", description: "The catalog" },
  { name: "orders", description: "Orders that reserve stock atomically" },
  { name: "graphql", description: "Books, orders and the tenant through one GraphQL endpoint" },
  { name: "files", description: "Files on R2: single-request and multipart uploads, downloads" },
  { name: "downloads", description: "Signed download URLs (the signature is the credential)" },
  { name: "api-keys", description: "The tenant's API keys" },
  { name: "audit-log", description: "Who changed what, per tenant" },
  { name: "events", description: "The tenant's event log, and resending events to webhooks" },
  { name: "webhooks", description: "Webhook endpoints, their secrets and delivery attempts" },
  { name: "v1 (deprecated)", description: "The previous version: books and orders" },
  { name: "operators", description: "Tenant provisioning, suspension and offboarding" },
  { name: "ops", description: "Operators' view of traffic, errors and webhook backlogs" },
  { name: "health", description: "Liveness and readiness probes" },
] as const;

/**
 * The document's top-level object (everything but paths and components) for `doc31`: info with
 * contact and license, the tags above and the server the document was served from.
 */
export function documentObject(origin: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Shelfwise Edge API",
      version: "2.0.0",
      description:
        "Multi-tenant catalog, orders, files and webhooks for bookshops and distributors.",
      contact: { name: "Shelfwise Edge API", url: "https://docs.shelfwise.example/api" },
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: origin, description: "This deployment" }],
    tags: [...API_TAGS],
  };
}

/**
 * A router whose request validation failures become 400 `validation_failed` problem documents
 * listing every failing field (the query, path, header or body member it came from).
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  const router = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError("validation_failed", "The request is invalid.", {
          errors: fieldErrorsFromZod(result.error.issues, result.target),
        });
      }
    },
  });
  registerComponents(router);
  return router;
}

/** The Standard Webhooks headers of every delivery. */
const WebhookHeadersSchema = z.object({
  "webhook-id": z.string().openapi({
    description: "The event id: stable across retries, use it to drop duplicates",
    example: "evt_01jd3xk2v8f4r6t8w0y2a4c6e8",
  }),
  "webhook-timestamp": z
    .string()
    .openapi({ description: "Unix seconds of this attempt", example: "1795947330" }),
  "webhook-signature": z.string().openapi({
    description:
      "`v1,<base64 HMAC-SHA256 of id.timestamp.body>`; two space-separated signatures during a secret rotation",
    example: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
  }),
});

/** `book.import.batch` → `BookImportBatch` (component names and operation ids). */
const pascal = (type: string) =>
  type
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");

/**
 * Declares every event type under the OpenAPI 3.1 `webhooks`: what a receiver gets (the Standard
 * Webhooks headers and the `{type, timestamp, data}` body, from the catalog's schemas) and how its
 * answer is read. The receiver's own headers (receiver authentication) come on top.
 */
export function registerEventWebhooks(router: OpenAPIHono<AppEnv>) {
  for (const type of EVENT_TYPES) {
    const entry = EVENT_CATALOG[type];
    const body = eventEnvelopeSchema(type).openapi(`${pascal(type)}Event`);
    // On the media type, not the component: schema walkers would read the example's `id` members
    // as schema ids.
    const example = { type, timestamp: "2026-11-29T10:15:30.000Z", data: entry.example };
    router.openAPIRegistry.registerWebhook({
      method: "post",
      path: type,
      tags: ["events"],
      operationId: `${pascal(type).charAt(0).toLowerCase()}${pascal(type).slice(1)}Event`,
      summary: `The ${type} event`,
      description: entry.description,
      security: [],
      request: {
        headers: WebhookHeadersSchema,
        body: { required: true, content: { "application/json": { schema: body, example } } },
      },
      responses: {
        200: { description: "Any 2xx acknowledges the delivery" },
        410: { description: "Gone: the endpoint is disabled and receives nothing more" },
        429: { description: "Retried, after Retry-After (up to 12 h) if the answer has one" },
        500: { description: "Any other answer, a timeout or a redirect is retried" },
      },
    });
  }
}
