import { count, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { activeApiKey } from "../../platform/auth/credentials";
import type { ServiceContext } from "../../platform/context";
import { READ_ONLY, rowsOf, type TenantScope, type TenantTable } from "../../platform/db";
import { apiKeys, books, files, orders, tenants } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import type { RequestUsage } from "../../platform/rate-limit/usage";
import { webhookBacklogColumns } from "../../platform/webhooks/backlog";
import { tenantView } from "./representation";

const USAGE_COLUMNS = [
  "books",
  "orders",
  "files",
  "active_api_keys",
  "pending",
  "held",
  "failed",
] as const;
type UsageRow = Record<(typeof USAGE_COLUMNS)[number], number>;

/** `(select count(*) from <table> where tenant_id = <tenant> and …)::int`, bound by `scope.where`. */
function countOf(scope: TenantScope, table: PgTable & TenantTable, ...conditions: SQL[]): SQL {
  return sql`(${scope.tx
    .select({ n: count() })
    .from(table)
    .where(scope.where(table, ...conditions))})::int`;
}

/**
 * The tenant's row counts and webhook backlog in one statement of scalar subqueries, each bound to
 * the tenant in its WHERE (RLS behind it): one round trip where a query per table cost one each.
 */
async function readUsage(scope: TenantScope): Promise<UsageRow> {
  const backlog = webhookBacklogColumns(scope);
  const columns: Record<keyof UsageRow, SQL> = {
    books: countOf(scope, books, isNull(books.deletedAt)),
    orders: countOf(scope, orders),
    files: countOf(scope, files, eq(files.status, "ready")),
    active_api_keys: countOf(scope, apiKeys, activeApiKey),
    ...backlog,
  };
  const list = sql.join(
    USAGE_COLUMNS.map((name) => sql`${columns[name]} as ${sql.identifier(name)}`),
    sql`, `,
  );
  const [row] = rowsOf<Record<string, unknown>>(await scope.tx.execute(sql`select ${list}`));
  return Object.fromEntries(
    USAGE_COLUMNS.map((name) => [name, Number(row?.[name] ?? 0)]),
  ) as UsageRow;
}

/** The caller's own tenant: plan, effective limits and current usage. Any role may read it. */
export async function getOwnTenant({
  ctx,
  requestUsage = async () => null,
}: {
  ctx: ServiceContext;
  /** Reads the tenant's current rate-limit window (null when the limiter is unreachable). */
  requestUsage?: () => Promise<RequestUsage | null>;
}) {
  // The tenants table is not readable by the tenant role: its row comes from a system read.
  const [row] = await ctx.database.system(
    (tx) => tx.select().from(tenants).where(eq(tenants.id, ctx.tenantId)).limit(1),
    READ_ONLY,
  );
  if (!row) throw new AppError("not_found", "No such tenant.");
  const requests = requestUsage();
  const counts = await ctx.database.tenant(readUsage, READ_ONLY);
  // The operator's notes (status reason, webhook pause) are not the tenant's to read.
  const {
    overrides: _overrides,
    status_reason: _reason,
    webhooks_paused: _paused,
    idp,
    ...tenant
  } = tenantView(row);
  return {
    ...tenant,
    idp,
    usage: {
      books: counts.books,
      orders: counts.orders,
      files: counts.files,
      active_api_keys: counts.active_api_keys,
      requests: await requests,
    },
    webhook_backlog: { pending: counts.pending, held: counts.held, failed: counts.failed },
  };
}
