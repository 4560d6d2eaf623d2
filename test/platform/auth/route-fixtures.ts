/** Per-route facts the common auth suite needs that the route table cannot tell. */
import type { TestTenant } from "../../helpers/tenant";

/** Routes under /v1 or /v2 that take no bearer credential, with the reason. */
export const publicRoutes = new Set<string>([]);

/** Writes a viewer may make (read-like POSTs), with the reason. */
export const viewerWrites = new Set<string>([]);

/** Bodies that pass validation, so the foreign-id check reaches the resource lookup. */
export const sampleBodies: Record<string, unknown> = {};

/** Creates a resource of each kind in a tenant and returns its id (for the 404 check). */
export const foreignResourceFactories: Record<string, (tenant: TestTenant) => Promise<string>> = {
  "api-keys": async (tenant) => (await tenant.createKey("viewer", "foreign")).id,
};
