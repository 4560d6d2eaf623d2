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

/** Seconds a client waits before retrying when the database is unreachable or saturated. */
const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * The one error handler. Known errors become their problem document; anything else is logged
 * with its stack and answered as a bare 500 (no message, stack or SQL leaves the Worker); a
 * database that cannot be reached or has no connection left is a 503 with Retry-After.
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
