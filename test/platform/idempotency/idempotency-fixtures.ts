import { env } from "cloudflare:test";
import type { IdempotencyStore } from "../../../src/platform/idempotency/durable-object";
import { withOwnerSql } from "../../helpers/db";
import { bearer } from "../../helpers/tenant";

/** The tenant's IdempotencyStore object. */
export const store = (tenantId: string) =>
  env.IDEMPOTENCY.get(env.IDEMPOTENCY.idFromName(tenantId)) as DurableObjectStub<IdempotencyStore>;

/** Headers of a request carrying a credential and an Idempotency-Key. */
export const idem = (key: string, credential: string) => ({
  ...bearer(credential),
  "idempotency-key": key,
});

/** How many API keys of the tenant have this name (each creation is one effect). */
export async function keysNamed(tenantId: string, name: string): Promise<number> {
  const rows = await withOwnerSql(
    (sql) =>
      sql`select count(*)::int as n from api_keys where tenant_id = ${tenantId} and name = ${name}`,
  );
  return Number(rows[0]?.n);
}
