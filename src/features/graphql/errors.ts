import { GraphQLError } from "graphql";
import { ZodError, type z } from "zod";
import { isDatabaseUnavailable } from "../../platform/db/unavailable";
import { inputDataException } from "../../platform/error-handler";
import {
  AppError,
  ERROR_CODES,
  type ErrorCode,
  type FieldError,
  fieldErrorsFromZod,
} from "../../platform/errors";
import { describeError, log } from "../../platform/observability/logger";

/** One entry of a response's `errors`: the message, where, and `extensions.code` from the registry. */
export interface FormattedError {
  message: string;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  path?: ReadonlyArray<string | number>;
  extensions: { code: ErrorCode; errors?: FieldError[]; [member: string]: unknown };
}

const snakeToCamel = (segment: string) =>
  segment.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * A REST field path in GraphQL's words: the body (`json`) is the mutation's `input`, members are
 * camelCase, and the list arguments' REST names are GraphQL's (`limit` → `first`).
 */
export function graphqlPath(path: string, renames: Record<string, string> = {}): string {
  return path
    .split(".")
    .map((segment, i) =>
      i === 0 && segment === "json" ? "input" : (renames[segment] ?? snakeToCamel(segment)),
    )
    .join(".");
}

/**
 * Checks a value with a REST route's own zod schema: the same rules, the same `validation_failed`
 * error (its field paths named as in the GraphQL arguments).
 */
export function validated<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix?: string,
  renames: Record<string, string> = {},
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError("validation_failed", "The request is invalid.", {
      errors: fieldErrorsFromZod(result.error.issues, prefix).map((e) => ({
        ...e,
        path: graphqlPath(e.path, renames),
      })),
    });
  }
  return result.data;
}

/**
 * What a resolver's failure is in the problem registry, as the REST error handler decides it:
 * an AppError is itself; a database that cannot be reached is service_unavailable; a value the
 * database refuses as data is validation_failed; anything else is logged and `internal`.
 */
function asAppError(error: unknown, log_: Record<string, unknown>): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("validation_failed", "The request is invalid.", {
      errors: fieldErrorsFromZod(error.issues).map((e) => ({ ...e, path: graphqlPath(e.path) })),
    });
  }
  if (isDatabaseUnavailable(error)) {
    log("error", "database unavailable", { ...log_, ...describeError(error) });
    return new AppError("service_unavailable", "The database is unavailable; retry shortly.");
  }
  if (inputDataException(error)) {
    log("warn", "schema gap: input reached the database and was refused", {
      ...log_,
      ...describeError(error),
    });
    return new AppError("validation_failed", "A value in the request cannot be stored.");
  }
  log("error", "unhandled error", { ...log_, ...describeError(error) });
  return new AppError("internal");
}

/**
 * A GraphQL error as the client sees it: its message (an internal one never: no stack, no SQL),
 * `extensions.code` from the same closed registry as problem+json, and the problem's own members
 * (`errors` for validation, `lines` for insufficient_stock, `order_status`, …) in `extensions`.
 * An error GraphQL itself raised (a document or variables that do not fit the schema) is
 * validation_failed; a limit's refusal keeps its code.
 */
export function formatError(
  error: GraphQLError,
  logFields: Record<string, unknown>,
): FormattedError {
  const where = {
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
  };
  const original = error.originalError;
  if (original && !(original instanceof GraphQLError)) {
    const app = asAppError(original, { ...logFields, graphql_path: error.path?.join(".") });
    const internal = app.code === "internal";
    return {
      message: internal ? "An unexpected error occurred." : app.message,
      ...where,
      extensions: {
        ...app.extensions,
        code: app.code,
        ...(app.errors
          ? { errors: app.errors.map((e) => ({ ...e, path: graphqlPath(e.path) })) }
          : {}),
      },
    };
  }
  const own = error.extensions?.code;
  const code: ErrorCode =
    typeof own === "string" && own in ERROR_CODES ? (own as ErrorCode) : "validation_failed";
  return { message: error.message, ...where, extensions: { ...error.extensions, code } };
}
