import type { Context, ErrorHandler, Hono, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ZodError } from "zod";
import type { AppEnv } from "./context";
import { isDatabaseUnavailable } from "./db/unavailable";
import { AppError, fieldErrorsFromZod, PROBLEM_CONTENT_TYPE, toProblem } from "./errors";
import { describeError, log } from "./observability/logger";

/** Sends an AppError as problem+json and records its code for the request log. */
export function respondWithProblem(c: Context<AppEnv>, error: AppError): Response {
  c.set("errorCode", error.code);
  const requestId = c.var.requestId ?? "unknown";
  const headers: Record<string, string> = {
    "content-type": PROBLEM_CONTENT_TYPE,
    "x-request-id": requestId,
    ...error.headers,
  };
  return c.body(JSON.stringify(toProblem(error, requestId)), error.status, headers);
}

function fromHttpException(error: HTTPException): AppError {
  switch (error.status) {
    case 400:
      return new AppError("validation_failed", error.message || "The request could not be parsed.");
    case 401:
      return new AppError("unauthenticated");
    case 403:
      return new AppError("forbidden");
    case 404:
      return new AppError("not_found");
    case 413:
      return new AppError("payload_too_large");
    case 415:
      return new AppError("unsupported_media_type");
    default:
      return new AppError(error.status >= 500 ? "internal" : "validation_failed");
  }
}

/**
 * Postgres data exceptions that only input can cause: a value the column type cannot hold
 * (22P05 untranslatable character, 22021 bad encoding, 22003 numeric out of range, 22001 string
 * too long, 22P02 invalid text representation, 22007/22008 bad or out-of-range datetime).
 */
const INPUT_DATA_EXCEPTIONS = new Set([
  "22P05",
  "22021",
  "22003",
  "22001",
  "22P02",
  "22007",
  "22008",
]);

/** The SQLSTATE of an input data exception in the error or its causes (drizzle wraps the driver's). */
export function inputDataException(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && INPUT_DATA_EXCEPTIONS.has(code)) return code;
    current = current.cause;
  }
  return undefined;
}

/** Seconds a client waits before retrying when the database is unreachable or saturated. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * The one error handler. Known errors become their problem document; anything else is logged
 * with its stack and answered as a bare 500 (no message, stack or SQL leaves the Worker); a
 * database that cannot be reached or has no connection left is a 503 with Retry-After; a value
 * the database refuses as data (a schema gap) is a 400.
 */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof AppError) return respondWithProblem(c, error);
  if (error instanceof ZodError) {
    return respondWithProblem(
      c,
      new AppError("validation_failed", "The request is invalid.", {
        errors: fieldErrorsFromZod(error.issues),
      }),
    );
  }
  if (error instanceof HTTPException && error.status < 500) {
    return respondWithProblem(c, fromHttpException(error));
  }
  if (isDatabaseUnavailable(error)) {
    log("error", "database unavailable", {
      request_id: c.var.requestId,
      tenant_id: c.var.principal?.tenantId,
      ...describeError(error),
    });
    return respondWithProblem(
      c,
      new AppError("service_unavailable", "The database is unavailable; retry shortly.", {
        headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) },
      }),
    );
  }
  const sqlstate = inputDataException(error);
  if (sqlstate) {
    // A backstop, not the mechanism: the request schema should have refused this value. Logged
    // as the schema gap it is, so it gets closed where the field is declared.
    log("warn", "schema gap: input reached the database and was refused", {
      request_id: c.var.requestId,
      tenant_id: c.var.principal?.tenantId,
      sqlstate,
      route: `${c.req.method} ${c.req.routePath}`,
      ...describeError(error),
    });
    return respondWithProblem(
      c,
      new AppError("validation_failed", "A value in the request cannot be stored."),
    );
  }
  log("error", "unhandled error", {
    request_id: c.var.requestId,
    tenant_id: c.var.principal?.tenantId,
    ...describeError(error),
  });
  return respondWithProblem(c, new AppError("internal"));
};

function patternToRegExp(path: string): RegExp {
  const escaped = path
    .split("/")
    .map((part) =>
      part.startsWith(":")
        ? "[^/]+"
        : part === "*"
          ? ".*"
          : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"),
    )
    .join("/");
  return new RegExp(`^${escaped}$`);
}

/**
 * 404 for unknown paths; 405 with `Allow` when the path exists under other methods.
 * The route table is read once from the assembled app.
 */
export function notFoundHandler(app: Hono<AppEnv>): NotFoundHandler<AppEnv> {
  let table: Array<{ pattern: RegExp; method: string }> | undefined;
  return (c) => {
    table ??= app.routes
      .filter((r) => r.method !== "ALL" && !r.path.endsWith("*"))
      .map((r) => ({ pattern: patternToRegExp(r.path), method: r.method }));
    const allowed = [
      ...new Set(table.filter((r) => r.pattern.test(c.req.path)).map((r) => r.method)),
    ];
    if (allowed.length > 0) {
      return respondWithProblem(
        c,
        new AppError("method_not_allowed", `${c.req.method} is not allowed on this path.`, {
          headers: { allow: allowed.join(", ") },
        }),
      );
    }
    return respondWithProblem(c, new AppError("not_found", "No such route."));
  };
}
