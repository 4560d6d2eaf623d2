import type { Context } from "hono";
import {
  type AppEnv,
  type ServiceContext,
  serviceContext,
  type TenantSnapshot,
} from "../../platform/context";

/** What file verbs receive: the service context plus the bucket and the tenant's limits. */
export interface FileContext extends ServiceContext {
  bucket: R2Bucket;
  tenant: TenantSnapshot;
}

/** Builds a file verb's context from an authenticated request. */
export function fileContext(c: Context<AppEnv>): FileContext {
  const ctx = serviceContext(c);
  const tenant = c.var.principal?.tenant;
  if (!tenant) throw new Error("fileContext used on a route without authentication");
  return { ...ctx, bucket: c.env.FILES, tenant };
}
