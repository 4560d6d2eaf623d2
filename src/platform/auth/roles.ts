import type { MiddlewareHandler } from "hono";
import type { AppEnv, Role } from "../context";
import { AppError } from "../errors";

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };
export const ROLES = ["admin", "editor", "viewer"] as const satisfies readonly Role[];

/** True when `role` grants at least `required`. */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

/** Throws 403 `forbidden` unless `role` grants at least `required`. Verbs call it first. */
export function assertRole(role: Role, required: Role): void {
  if (!hasRole(role, required)) {
    throw new AppError("forbidden", `This action requires the ${required} role.`);
  }
}

/** The highest known role among the given names, if any. */
export function highestRole(names: readonly unknown[]): Role | undefined {
  let best: Role | undefined;
  for (const name of names) {
    if (typeof name === "string" && name in RANK) {
      const role = name as Role;
      if (!best || RANK[role] > RANK[best]) best = role;
    }
  }
  return best;
}

const requiredRoles = new WeakMap<object, Role>();

/**
 * Route middleware: refuses a credential without the role (401 without one, 403 below the role)
 * before the request body is even validated, so a viewer learns nothing from validation errors
 * of a write. A keyed route declares `idempotent()` after it, so nothing is replayed, nor stored,
 * before the credential and its role passed.
 */
export function requireRole(required: Role): MiddlewareHandler<AppEnv> {
  const middleware: MiddlewareHandler<AppEnv> = async function requireRoleMiddleware(c, next) {
    const principal = c.var.principal;
    if (!principal) throw new AppError("unauthenticated");
    assertRole(principal.role, required);
    await next();
  };
  requiredRoles.set(middleware, required);
  return middleware;
}

/** The role a route handler from the app's route table requires, if it is a role check. */
export function requiredRoleOf(handler: unknown): Role | undefined {
  return typeof handler === "function" ? requiredRoles.get(handler) : undefined;
}
