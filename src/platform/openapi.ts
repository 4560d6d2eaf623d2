import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "./context";
import { AppError, ERROR_CODES, fieldErrorsFromZod } from "./errors";

/** The problem+json schema shared by every documented error response. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES]),
    request_id: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .passthrough()
  .openapi("Problem");

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

/**
 * A router whose request validation failures become 400 `validation_failed` problem documents
 * listing every failing field (the query, path, header or body member it came from).
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError("validation_failed", "The request is invalid.", {
          errors: fieldErrorsFromZod(result.error.issues, result.target),
        });
      }
    },
  });
}
