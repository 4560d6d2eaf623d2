import { eq } from "drizzle-orm";
import type { TenantScope } from "../../platform/db";
import { uncachedRead } from "../../platform/db";
import { webhookEndpoints } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { isId } from "../../platform/ids";

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** The 404 of an endpoint id that is malformed, unknown or another tenant's. */
export const notFound = () => new AppError("not_found", "No such webhook endpoint.");

/** Reads and locks one of the tenant's endpoints (404 otherwise). */
export async function lockEndpoint(scope: TenantScope, id: string): Promise<EndpointRow> {
  if (!isId("whep", id)) throw notFound();
  const [row] = await scope.tx
    .select()
    .from(webhookEndpoints)
    .where(scope.where(webhookEndpoints, eq(webhookEndpoints.id, id), uncachedRead))
    .for("update");
  if (!row) throw notFound();
  return row;
}
