import type { MiddlewareHandler } from "hono";
import { getConfig } from "../../env";
import type { AppEnv } from "../context";
import { AppError } from "../errors";
import { bearerToken } from "./middleware";

async function sha256(value: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(value));
}

/** Compares two secrets in constant time (hashing first makes the lengths equal). */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [left, right] = await Promise.all([sha256(a), sha256(b)]);
  return crypto.subtle.timingSafeEqual(left, right);
}

/** Guards /admin/…: the operator token (a Worker secret), compared in constant time. */
export function operatorAuth(): MiddlewareHandler<AppEnv> {
  return async function operatorAuthMiddleware(c, next) {
    const token = bearerToken(c.req.header("authorization"));
    const expected = getConfig(c.env).OPERATOR_TOKEN;
    if (!token || !(await secretsEqual(token, expected))) {
      throw new AppError("unauthenticated", "A valid operator token is required.", {
        headers: { "www-authenticate": 'Bearer realm="shelfwise-operators"' },
      });
    }
    await next();
  };
}
