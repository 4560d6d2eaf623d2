import { and, eq, getTableColumns, ne, sql } from "drizzle-orm";
import type { Env } from "../../env";
import { writeAudit } from "../../platform/audit";
import { forgetTenantCredentials } from "../../platform/auth/credentials";
import { forgetIssuer, forgetTenantIssuers } from "../../platform/auth/jwt";
import type { OperatorContext } from "../../platform/context";
import { uncachedRead, withSystem } from "../../platform/db";
import { tenants } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { isId, newId } from "../../platform/ids";
import { describeError, log } from "../../platform/observability/logger";
import { cursorClause, type ListQuery, toPage } from "../../platform/pagination";
import type { Plan } from "../../platform/plans";
import { forgetTenantRate } from "../../platform/webhooks/rate";
import { releaseTenantHolds } from "../../platform/webhooks/tenant-hold";
import { insertApiKey } from "../api-keys/service";
import { assertJwksUri } from "./idp-url";
import { NO_REASON_GIVEN, tenantView } from "./representation";

interface LimitsInput {
  requests_per_hour?: number | null | undefined;
  max_file_bytes?: number | null | undefined;
  webhook_rate_per_second?: number | null | undefined;
}
interface IdpInput {
  issuer: string;
  jwks_uri: string;
  audience: string;
  roles_claim: string;
}

function limitColumns(limits: LimitsInput | undefined) {
  if (!limits) return {};
  return {
    ...(limits.requests_per_hour !== undefined && { rateLimitPerHour: limits.requests_per_hour }),
    ...(limits.max_file_bytes !== undefined && { maxFileBytes: limits.max_file_bytes }),
    ...(limits.webhook_rate_per_second !== undefined && {
      webhookRatePerSecond: limits.webhook_rate_per_second,
    }),
  };
}

function idpColumns(idp: IdpInput | null | undefined, allowLoopbackHttp: boolean) {
  if (idp === undefined) return {};
  if (idp === null) {
    return { idpIssuer: null, idpJwksUri: null, idpAudience: null, idpRolesClaim: "roles" };
  }
  assertJwksUri(idp.jwks_uri, allowLoopbackHttp);
  return {
    idpIssuer: idp.issuer,
    idpJwksUri: idp.jwks_uri,
    idpAudience: idp.audience,
    idpRolesClaim: idp.roles_claim,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === "23505";
}

const issuerTaken = () =>
  new AppError("conflict", "This IdP issuer already belongs to another tenant.", {
    errors: [{ path: "body.idp.issuer", message: "already registered" }],
  });

/**
 * Provisions a tenant atomically: the tenant row with its settings, its first admin API key
 * (returned once) and the audit row commit together, or nothing remains.
 */
export async function provisionTenant({
  ctx,
  input,
}: {
  ctx: OperatorContext;
  input: { name: string; plan: Plan; limits?: LimitsInput | undefined; idp?: IdpInput | undefined };
}) {
  const idp = idpColumns(input.idp, ctx.allowLoopbackHttp);
  try {
    return await withSystem(ctx.database, async (tx) => {
      const [row] = await tx
        .insert(tenants)
        .values({
          id: newId("ten"),
          name: input.name,
          plan: input.plan,
          ...limitColumns(input.limits),
          ...idp,
        })
        .returning();
      if (!row) throw new Error("insert returned no row");
      const apiKey = await insertApiKey(tx, row.id, {
        name: "Initial admin key",
        role: "admin",
        mode: ctx.keyMode,
        createdBy: "operator",
      });
      const tenant = tenantView(row);
      const { key: _secret, ...keyAfter } = apiKey;
      await writeAudit(tx, row.id, ctx.actor, ctx.requestId, {
        action: "tenant.provisioned",
        targetType: "tenant",
        targetId: row.id,
        after: { tenant, api_key: keyAfter },
      });
      return { tenant, api_key: apiKey };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw issuerTaken();
    throw error;
  }
}

export async function listTenants({ ctx, query }: { ctx: OperatorContext; query: ListQuery }) {
  return withSystem(ctx.database, async (tx) => {
    const page = cursorClause(tenants.id, query);
    const rows = await tx
      .select()
      .from(tenants)
      .where(and(ne(tenants.status, "deleted"), page.after))
      .orderBy(page.orderBy)
      .limit(page.limit);
    const { data, ...rest } = toPage(rows, query.limit);
    return { data: data.map(tenantView), ...rest };
  });
}

export async function getTenant({ ctx, id }: { ctx: OperatorContext; id: string }) {
  if (!isId("ten", id)) throw new AppError("not_found", "No such tenant.");
  const [row] = await withSystem(ctx.database, (tx) =>
    tx.select().from(tenants).where(eq(tenants.id, id)).limit(1),
  );
  if (!row) throw new AppError("not_found", "No such tenant.");
  return tenantView(row);
}

/**
 * Runs a change to one tenant row with its audit row, locking the row first. A deleted tenant is
 * 404 like an unknown one, or 409 where the caller says so (`deleted: "conflict"`).
 */
async function changeTenant(
  ctx: OperatorContext,
  id: string,
  action: string,
  change: (row: typeof tenants.$inferSelect) => Partial<typeof tenants.$inferInsert> | null,
  options: { deleted?: "not_found" | "conflict" } = {},
) {
  if (!isId("ten", id)) throw new AppError("not_found", "No such tenant.");
  try {
    const result = await withSystem(ctx.database, async (tx) => {
      const [row] = await tx
        .select()
        .from(tenants)
        .where(and(eq(tenants.id, id), uncachedRead))
        .for("update");
      if (!row) throw new AppError("not_found", "No such tenant.");
      if (row.status === "deleted") {
        if (options.deleted === "conflict") {
          throw new AppError("conflict", "The tenant is deleted: nothing of it can change.");
        }
        throw new AppError("not_found", "No such tenant.");
      }
      const values = change(row);
      if (!values) return { before: row, after: row };
      const [updated] = await tx
        .update(tenants)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(tenants.id, id))
        .returning(getTableColumns(tenants));
      if (!updated) throw new Error("update returned no row");
      await writeAudit(tx, id, ctx.actor, ctx.requestId, {
        action,
        targetType: "tenant",
        targetId: id,
        before: tenantView(row),
        after: tenantView(updated),
      });
      return { before: row, after: updated };
    });
    // This isolate forgets at once; others within the credential cache TTL.
    forgetTenantCredentials(id);
    forgetTenantRate(id);
    forgetTenantIssuers(id);
    forgetIssuer(result.before.idpIssuer);
    return tenantView(result.after);
  } catch (error) {
    if (isUniqueViolation(error)) throw issuerTaken();
    throw error;
  }
}

export function updateTenant({
  ctx,
  id,
  input,
}: {
  ctx: OperatorContext;
  id: string;
  input: {
    name?: string | undefined;
    plan?: Plan | undefined;
    limits?: LimitsInput | undefined;
    idp?: IdpInput | null | undefined;
    reservation_hold_minutes?: number | null | undefined;
  };
}) {
  const idp = idpColumns(input.idp, ctx.allowLoopbackHttp);
  return changeTenant(ctx, id, "tenant.updated", () => ({
    ...(input.name !== undefined && { name: input.name }),
    ...(input.plan !== undefined && { plan: input.plan }),
    ...limitColumns(input.limits),
    ...idp,
    ...(input.reservation_hold_minutes !== undefined && {
      reservationHoldMinutes: input.reservation_hold_minutes,
    }),
  }));
}

/**
 * Suspends a tenant: its calls get 403 tenant_suspended, its signed links stop, its webhooks are
 * held; its data stays intact. Idempotent. An offboarding tenant is suspended already and stays
 * offboarding (becoming `suspended` would cancel its scheduled deletion and its export hand-over).
 * The reason is stored on the tenant (`status_reason`, in the audit row's `after` too); suspending
 * again keeps the first suspension's reason.
 */
export function suspendTenant({
  ctx,
  id,
  reason,
}: {
  ctx: OperatorContext;
  id: string;
  reason?: string | undefined;
}) {
  return changeTenant(ctx, id, "tenant.suspended", (row) =>
    row.status !== "active"
      ? null
      : { status: "suspended", suspendedAt: new Date(), statusReason: reason ?? NO_REASON_GIVEN },
  );
}

/**
 * Resumes a suspended tenant (or cancels an offboarding within its grace period), then releases
 * the webhook deliveries held meanwhile, after the commit, so no consumer that reads the tenant
 * as active can hold them again. Idempotent: resuming again releases whatever is still held (the
 * hourly sweep does too, if the release fails here).
 */
export async function resumeTenant({
  ctx,
  id,
  env,
}: {
  ctx: OperatorContext;
  id: string;
  env: Env;
}) {
  const tenant = await changeTenant(ctx, id, "tenant.resumed", (row) =>
    row.status === "active"
      ? null
      : {
          status: "active",
          suspendedAt: null,
          offboardedAt: null,
          deleteAfter: null,
          statusReason: null,
        },
  );
  await releaseHolds(ctx, env, id);
  return tenant;
}

/**
 * Releases a tenant's held deliveries after a resume committed (of the tenant or of its webhooks).
 * `releaseTenantHolds` releases nothing while the tenant is still suspended or its webhooks still
 * paused: the other resume releases them.
 */
async function releaseHolds(ctx: OperatorContext, env: Env, id: string) {
  try {
    const released = await releaseTenantHolds(ctx.database, env, id);
    if (released > 0) log("info", "held webhook deliveries released", { tenant_id: id, released });
  } catch (error) {
    // The resume is committed and stands; the hourly sweep releases what is left.
    log("warn", "releasing held webhook deliveries failed", {
      tenant_id: id,
      ...describeError(error),
    });
  }
}

/**
 * Pauses a tenant's webhook deliveries: from the commit on (other isolates within 5 s, like a
 * suspension), every new or retried delivery is held exactly as for a suspended tenant, spending
 * no attempt. The tenant's API keeps working. Idempotent: pausing a paused tenant changes nothing
 * (the first pause's time and reason stay) and writes no audit row.
 */
export function pauseTenantWebhooks({
  ctx,
  id,
  reason,
}: {
  ctx: OperatorContext;
  id: string;
  reason: string;
}) {
  return changeTenant(
    ctx,
    id,
    "tenant.webhooks_paused",
    (row) =>
      row.webhooksPausedAt ? null : { webhooksPausedAt: new Date(), webhooksPausedReason: reason },
    { deleted: "conflict" },
  );
}

/**
 * Resumes a tenant's webhook deliveries, then releases the holds oldest first through the same
 * path as a tenant's resume, unless the tenant is still suspended or offboarding (its holds then
 * wait for the tenant's resume). Idempotent: resuming again releases whatever is still held.
 */
export async function resumeTenantWebhooks({
  ctx,
  id,
  env,
}: {
  ctx: OperatorContext;
  id: string;
  env: Env;
}) {
  const tenant = await changeTenant(
    ctx,
    id,
    "tenant.webhooks_resumed",
    (row) => (row.webhooksPausedAt ? { webhooksPausedAt: null, webhooksPausedReason: null } : null),
    { deleted: "conflict" },
  );
  await releaseHolds(ctx, env, id);
  return tenant;
}
