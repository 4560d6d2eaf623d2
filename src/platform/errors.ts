import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The closed registry of error codes: each maps to exactly one HTTP status and title. */
export const ERROR_CODES = {
  validation_failed: { status: 400, title: "Validation failed" },
  invalid_idempotency_key: { status: 400, title: "Invalid Idempotency-Key" },
  /** A GraphQL document over the depth or cost limit (docs/graphql.md). */
  query_too_complex: { status: 400, title: "Query too complex" },
  unauthenticated: { status: 401, title: "Unauthenticated" },
  forbidden: { status: 403, title: "Forbidden" },
  tenant_suspended: { status: 403, title: "Tenant suspended" },
  /** An operator's identity token without a second factor in `amr` (docs/operations.md). */
  mfa_required: { status: 403, title: "Second factor required" },
  insufficient_scope: { status: 403, title: "Insufficient scope" },
  invalid_signature: { status: 403, title: "Invalid or expired signature" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  insufficient_stock: { status: 409, title: "Insufficient stock" },
  invalid_state_transition: { status: 409, title: "Invalid state transition" },
  idempotency_key_in_use: { status: 409, title: "Idempotency key in use" },
  tenant_not_empty: { status: 409, title: "Tenant not empty" },
  cursor_expired: { status: 410, title: "Cursor expired" },
  precondition_failed: { status: 412, title: "Precondition failed" },
  payload_too_large: { status: 413, title: "Payload too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  range_not_satisfiable: { status: 416, title: "Range not satisfiable" },
  idempotency_key_reused: { status: 422, title: "Idempotency key reused" },
  export_corrupt: { status: 422, title: "Export corrupt" },
  export_too_large: { status: 422, title: "Export too large" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal server error" },
  service_unavailable: { status: 503, title: "Service unavailable" },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One field-level problem inside a validation error. */
export interface FieldError {
  path: string;
  message: string;
}

/** A typed failure a verb or middleware throws; `onError` renders it as problem+json. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  readonly errors: FieldError[] | undefined;
  /** Extra members added to the problem document (e.g. the short lines of an order). */
  readonly extensions: Record<string, unknown> | undefined;
  /** Response headers the error needs (e.g. Retry-After). */
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: {
      errors?: FieldError[];
      extensions?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(detail ?? ERROR_CODES[code].title);
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.errors = options.errors;
    this.extensions = options.extensions;
    this.headers = options.headers;
  }
}

/** RFC 9457 problem document as Shelfwise Edge serves it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  request_id: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
const PROBLEM_TYPE_BASE = "https://docs.shelfwise.example/problems/";

/** Builds the problem document for an AppError; a 500 never carries the original message. */
export function toProblem(error: AppError, requestId: string): Problem {
  const detail =
    error.status >= 500 && error.code === "internal"
      ? "An unexpected error occurred."
      : error.message;
  return {
    ...error.extensions,
    type: `${PROBLEM_TYPE_BASE}${error.code}`,
    title: ERROR_CODES[error.code].title,
    status: error.status,
    detail,
    code: error.code,
    request_id: requestId,
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

/** Renders a problem document as a Response (for places outside Hono's context, e.g. DO fallbacks). */
export function problemResponse(
  error: AppError,
  requestId: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(toProblem(error, requestId)), {
    status: error.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, ...error.headers, ...headers },
  });
}

/** Converts zod issues to the `errors[]` member: dotted paths, human messages. */
export function fieldErrorsFromZod(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  prefix?: string,
): FieldError[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
}
