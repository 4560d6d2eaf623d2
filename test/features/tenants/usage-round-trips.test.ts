import { describe, expect, it } from "vitest";
import { newId } from "../../../src/platform/ids";
import { withOwnerSql } from "../../helpers/db";
import { call } from "../../helpers/http";
import { bearer, createTestTenant } from "../../helpers/tenant";
import { seedTenantRows } from "../../helpers/tenant-rows";
import { queriesOf } from "../orders/fixtures";

/**
 * Queries GET /v2/tenant makes with a cached credential: the tenant row (a system read) and one
 * statement for every count and the webhook backlog (a tenant transaction), each transaction
 * counted with its role switch and commit. It was 18 when every table was counted apart.
 */
const TENANT_QUERIES = 10;

interface OwnTenant {
  id: string;
  usage: Record<string, unknown>;
  webhook_backlog: Record<string, number>;
}

describe("GET /v2/tenant round trips", () => {
  it(`reads the usage and backlog in one statement (${TENANT_QUERIES} queries in all), of the caller's tenant only`, async () => {
    const tenant = await createTestTenant();
    const other = await createTestTenant();
    await withOwnerSql(async (sql) => {
      await seedTenantRows(sql, tenant.id);
      // Another tenant's rows, more of them and in other states: none may be counted.
      await seedTenantRows(sql, other.id);
      await sql`insert into orders (id, tenant_id, status, currency, total_amount)
        values (${newId("ord")}, ${other.id}, 'pending', 'EUR', 100)`;
      await sql`update webhook_deliveries set status = 'held' where tenant_id = ${other.id}`;
    });
    const headers = bearer(tenant.viewerKey);
    await call("/v2/tenant", { headers }); // warms the credential cache

    const response = await call("/v2/tenant", { headers });
    expect(response.status).toBe(200);
    expect(queriesOf(response)).toBeLessThanOrEqual(TENANT_QUERIES);
    const body = (await response.json()) as OwnTenant;
    expect(body.id).toBe(tenant.id);
    expect(body.usage).toMatchObject({ books: 1, orders: 1, files: 1, active_api_keys: 4 });
    expect(body.webhook_backlog).toEqual({ pending: 1, held: 0, failed: 0 });

    const otherBody = (await (
      await call("/v2/tenant", { headers: bearer(other.viewerKey) })
    ).json()) as OwnTenant;
    expect(otherBody.usage).toMatchObject({ books: 1, orders: 2, files: 1, active_api_keys: 4 });
    expect(otherBody.webhook_backlog).toEqual({ pending: 0, held: 1, failed: 0 });
  });
});
