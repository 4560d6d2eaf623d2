import { eq, sql } from "drizzle-orm";
import type { Env } from "../../env";
import { auditInScope } from "../../platform/audit";
import { assertRole } from "../../platform/auth/roles";
import type { ServiceContext } from "../../platform/context";
import { sealSecret } from "../../platform/crypto/secret-box";
import { generateWebhookSecret } from "../../platform/crypto/webhook-signature";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { isId, newId } from "../../platform/ids";
import { checkDestination } from "../../platform/net/url-policy";
import { cursorClause, type ListQuery, toPage } from "../../platform/pagination";
import { ROTATION_OVERLAP_MS, webhookSettings } from "../../platform/webhooks/config";
import { tenantWebhookRate } from "../../platform/webhooks/rate";
import {
  type ReceiverHeaders,
  receiverHeaderHints,
  sealReceiverHeaders,
} from "../../platform/webhooks/receiver-headers";
import { requeueDeliveries } from "../../platform/webhooks/redelivery";
import { lockEndpoint, notFound } from "./endpoint-rows";

/** Also reached from the ops console (operator-initiated recovery). */
export { recoverWebhookEndpoint } from "./deliveries";

type EndpointRow = typeof webhookEndpoints.$inferSelect;

/** Public representation: never a secret or its ciphertext. */
export function endpointView(row: EndpointRow) {
  const previousValid =
    row.previousSecretExpiresAt && row.previousSecretExpiresAt.getTime() > Date.now();
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    event_types: row.eventTypes,
    enabled: row.enabled,
    status: row.status,
    status_reason: row.statusReason,
    consecutive_failures: row.consecutiveFailures,
    ordering: row.ordering,
    headers: row.customHeaderHints ?? {},
    previous_secret_expires_at: previousValid
      ? (row.previousSecretExpiresAt?.toISOString() ?? null)
      : null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

type Ordering = EndpointRow["ordering"];

/**
 * The columns of receiver headers: one ciphertext of the object and the masked hints, or nulls
 * when there are none (`{}` or `null` in a request).
 */
async function receiverHeaderColumns(
  env: Env,
  endpointId: string,
  headers: ReceiverHeaders | null,
) {
  if (!headers || Object.keys(headers).length === 0) {
    return { customHeadersCiphertext: null, customHeaderHints: null };
  }
  return {
    customHeadersCiphertext: await sealReceiverHeaders(
      webhookSettings(env).secretKey,
      endpointId,
      headers,
    ),
    customHeaderHints: receiverHeaderHints(headers),
  };
}

/** Refuses a URL the SSRF policy rejects (https only, public addresses only), as a 400. */
async function assertAllowedUrl(env: Env, url: string): Promise<void> {
  const settings = webhookSettings(env);
  const verdict = await checkDestination(url, settings.policy, settings.resolve);
  if (!verdict.ok) {
    throw new AppError("validation_failed", "The endpoint URL is not allowed.", {
      errors: [{ path: "json.url", message: verdict.reason }],
    });
  }
}

export async function listWebhookEndpoints({
  ctx,
  query,
}: {
  ctx: ServiceContext;
  query: ListQuery;
}) {
  assertRole(ctx.role, "admin");
  return ctx.database.tenant(async (scope) => {
    const page = cursorClause(webhookEndpoints.id, query);
    const rows = await scope.tx
      .select()
      .from(webhookEndpoints)
      .where(scope.where(webhookEndpoints, page.after))
      .orderBy(page.orderBy)
      .limit(page.limit);
    const { data, ...rest } = toPage(rows, query.limit);
    return { data: data.map(endpointView), ...rest };
  });
}

export async function getWebhookEndpoint({ ctx, id }: { ctx: ServiceContext; id: string }) {
  assertRole(ctx.role, "admin");
  if (!isId("whep", id)) throw notFound();
  return ctx.database.tenant(async (scope) => {
    const [row] = await scope.tx
      .select()
      .from(webhookEndpoints)
      .where(scope.where(webhookEndpoints, eq(webhookEndpoints.id, id)));
    if (!row) throw notFound();
    return endpointView(row);
  });
}

/** Creates an endpoint; its signing secret is returned once and stored only encrypted. */
export async function createWebhookEndpoint({
  ctx,
  env,
  input,
}: {
  ctx: ServiceContext;
  env: Env;
  input: {
    url: string;
    description?: string | null;
    event_types: string[];
    enabled: boolean;
    headers?: ReceiverHeaders | undefined;
    ordering: Ordering;
  };
}) {
  assertRole(ctx.role, "admin");
  await assertAllowedUrl(env, input.url);
  const id = newId("whep");
  const secret = generateWebhookSecret();
  const secretCiphertext = await sealSecret(webhookSettings(env).secretKey, secret, id);
  const headerColumns = await receiverHeaderColumns(env, id, input.headers ?? null);
  return ctx.database.tenant(async (scope) => {
    const [row] = await scope.tx
      .insert(webhookEndpoints)
      .values({
        id,
        tenantId: scope.tenantId,
        url: input.url,
        description: input.description ?? null,
        eventTypes: input.event_types,
        enabled: input.enabled,
        status: input.enabled ? "active" : "disabled",
        statusReason: input.enabled ? null : "disabled by the tenant",
        secretCiphertext,
        ordering: input.ordering,
        ...headerColumns,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    const view = endpointView(row);
    await auditInScope(scope, ctx, {
      action: "webhook_endpoint.created",
      targetType: "webhook_endpoint",
      targetId: id,
      after: view,
    });
    return { ...view, secret };
  });
}

/**
 * Updates an endpoint. `enabled: true` re-activates a disabled or suspended endpoint: its
 * failure count restarts and its held deliveries are released (as throttled re-deliveries).
 */
export async function updateWebhookEndpoint({
  ctx,
  env,
  id,
  input,
}: {
  ctx: ServiceContext;
  env: Env;
  id: string;
  input: {
    url?: string;
    description?: string | null;
    event_types?: string[];
    enabled?: boolean;
    headers?: ReceiverHeaders | null | undefined;
    ordering?: Ordering | undefined;
  };
}) {
  assertRole(ctx.role, "admin");
  if (!isId("whep", id)) throw notFound();
  if (input.url !== undefined) await assertAllowedUrl(env, input.url);
  const headerColumns =
    input.headers === undefined ? {} : await receiverHeaderColumns(env, id, input.headers);
  const tenantRate = await tenantWebhookRate(ctx.database);
  return ctx.database.tenant(async (scope) => {
    const before = await lockEndpoint(scope, id);
    const reactivate = input.enabled === true && before.status !== "active";
    const deactivate = input.enabled === false && before.status !== "disabled";
    const [row] = await scope.tx
      .update(webhookEndpoints)
      .set({
        ...(input.url !== undefined && { url: input.url }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.event_types !== undefined && { eventTypes: input.event_types }),
        ...(input.ordering !== undefined && { ordering: input.ordering }),
        ...headerColumns,
        ...(reactivate && {
          enabled: true,
          status: "active" as const,
          statusReason: null,
          consecutiveFailures: 0,
        }),
        ...(deactivate && {
          enabled: false,
          status: "disabled" as const,
          statusReason: "disabled by the tenant",
        }),
        updatedAt: sql`now()`,
      })
      .where(scope.where(webhookEndpoints, eq(webhookEndpoints.id, id)))
      .returning();
    if (!row) throw notFound();
    if (reactivate) {
      await requeueDeliveries(scope, env, {
        endpointId: id,
        condition: eq(webhookDeliveries.status, "held"),
        tenantRate,
      });
    }
    const view = endpointView(row);
    await auditInScope(scope, ctx, {
      action: "webhook_endpoint.updated",
      targetType: "webhook_endpoint",
      targetId: id,
      before: endpointView(before),
      after: view,
    });
    return view;
  });
}

/** Deletes an endpoint with its deliveries and attempts; queued messages for it become no-ops. */
export async function deleteWebhookEndpoint({ ctx, id }: { ctx: ServiceContext; id: string }) {
  assertRole(ctx.role, "admin");
  return ctx.database.tenant(async (scope) => {
    const before = await lockEndpoint(scope, id);
    await scope.tx
      .delete(webhookAttempts)
      .where(scope.where(webhookAttempts, eq(webhookAttempts.endpointId, id)));
    await scope.tx
      .delete(webhookDeliveries)
      .where(scope.where(webhookDeliveries, eq(webhookDeliveries.endpointId, id)));
    await scope.tx
      .delete(webhookEndpoints)
      .where(scope.where(webhookEndpoints, eq(webhookEndpoints.id, id)));
    await auditInScope(scope, ctx, {
      action: "webhook_endpoint.deleted",
      targetType: "webhook_endpoint",
      targetId: id,
      before: endpointView(before),
    });
    return { id, deleted: true as const };
  });
}

/** New secret, shown once; the previous one keeps signing (second signature) for 24 h. */
export async function rotateWebhookSecret({
  ctx,
  env,
  id,
}: {
  ctx: ServiceContext;
  env: Env;
  id: string;
}) {
  assertRole(ctx.role, "admin");
  if (!isId("whep", id)) throw notFound();
  const secret = generateWebhookSecret();
  const secretCiphertext = await sealSecret(webhookSettings(env).secretKey, secret, id);
  return ctx.database.tenant(async (scope) => {
    const before = await lockEndpoint(scope, id);
    const [row] = await scope.tx
      .update(webhookEndpoints)
      .set({
        secretCiphertext,
        previousSecretCiphertext: before.secretCiphertext,
        previousSecretExpiresAt: new Date(Date.now() + ROTATION_OVERLAP_MS),
        updatedAt: sql`now()`,
      })
      .where(scope.where(webhookEndpoints, eq(webhookEndpoints.id, id)))
      .returning();
    if (!row) throw notFound();
    const view = endpointView(row);
    await auditInScope(scope, ctx, {
      action: "webhook_endpoint.secret_rotated",
      targetType: "webhook_endpoint",
      targetId: id,
      after: view,
    });
    return { ...view, secret };
  });
}
