import { and, eq, sql } from "drizzle-orm";
import { auditInScope } from "../../platform/audit";
import { generateApiKey } from "../../platform/auth/api-keys";
import { activeApiKey, forgetApiKey } from "../../platform/auth/credentials";
import { assertRole } from "../../platform/auth/roles";
import type { Role, ServiceContext } from "../../platform/context";
import { type Transaction, uncachedRead } from "../../platform/db";
import { apiKeys } from "../../platform/db/schema";
import { AppError } from "../../platform/errors";
import { isId, newId } from "../../platform/ids";
import { cursorClause, type ListQuery, toPage } from "../../platform/pagination";

type ApiKeyRow = typeof apiKeys.$inferSelect;

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Public representation: never the hash, never the secret. */
export function apiKeyView(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    mode: row.mode,
    prefix: row.prefix,
    created_at: row.createdAt.toISOString(),
    last_used_at: iso(row.lastUsedAt),
    last_used_ip: row.lastUsedIp,
    expires_at: iso(row.expiresAt),
    // Shown only while the replaced secret still works.
    previous_key_expires_at:
      row.previousKeyExpiresAt && row.previousKeyExpiresAt.getTime() > Date.now()
        ? row.previousKeyExpiresAt.toISOString()
        : null,
    revoked_at: iso(row.revokedAt),
  };
}

/** Inserts a new key in the caller's transaction; the secret is returned once and never stored. */
export async function insertApiKey(
  tx: Transaction,
  tenantId: string,
  input: { name: string; role: Role; mode: "live" | "test"; createdBy: string; expiresAt?: Date },
) {
  const generated = await generateApiKey(input.mode);
  const [row] = await tx
    .insert(apiKeys)
    .values({
      id: newId("key"),
      tenantId,
      name: input.name,
      role: input.role,
      mode: input.mode,
      prefix: generated.prefix,
      keyHash: generated.hash,
      createdBy: input.createdBy,
      expiresAt: input.expiresAt ?? null,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return { ...apiKeyView(row), key: generated.key };
}

export async function listApiKeys({ ctx, query }: { ctx: ServiceContext; query: ListQuery }) {
  assertRole(ctx.role, "admin");
  return ctx.database.tenant(async (scope) => {
    const page = cursorClause(apiKeys.id, query);
    const rows = await scope.tx
      .select()
      .from(apiKeys)
      .where(scope.where(apiKeys, page.after))
      .orderBy(page.orderBy)
      .limit(page.limit);
    const { data, ...rest } = toPage(rows, query.limit);
    return { data: data.map(apiKeyView), ...rest };
  });
}

export async function createApiKey({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { name: string; role: Role; mode: "live" | "test"; expires_at?: string };
}) {
  assertRole(ctx.role, "admin");
  const expiresAt = input.expires_at === undefined ? undefined : keyExpiry(input.expires_at);
  return ctx.database.tenant(async (scope) => {
    const created = await insertApiKey(scope.tx, scope.tenantId, {
      name: input.name,
      role: input.role,
      mode: input.mode,
      expiresAt,
      createdBy: `${ctx.actor.type}:${ctx.actor.id}`,
    });
    const { key: _secret, ...after } = created;
    await auditInScope(scope, ctx, {
      action: "api_key.created",
      targetType: "api_key",
      targetId: created.id,
      after,
    });
    return created;
  });
}

/** The furthest ahead a key may expire: a key meant to live longer should not expire at all. */
const MAX_KEY_LIFETIME_MS = 5 * 366 * 24 * 3600 * 1000;

/** A create's `expires_at`, refused (400) when it is not in the future or too far ahead. */
function keyExpiry(value: string): Date {
  const at = new Date(value);
  const problem =
    at.getTime() <= Date.now()
      ? "must be in the future"
      : at.getTime() > Date.now() + MAX_KEY_LIFETIME_MS
        ? "must be at most 5 years ahead"
        : undefined;
  if (problem) {
    throw new AppError("validation_failed", `expires_at ${problem}.`, {
      errors: [{ path: "expires_at", message: problem }],
    });
  }
  return at;
}

/**
 * Gives a key a new secret (shown once, in the response) and keeps the one it replaces working
 * for `expiresIn` seconds (0: not at all). The key keeps its id, role and expiry. A roll during an
 * earlier roll's overlap ends that overlap: only the secret just replaced stays valid.
 */
export async function rollApiKey({
  ctx,
  id,
  expiresIn,
}: {
  ctx: ServiceContext;
  id: string;
  expiresIn: number;
}) {
  assertRole(ctx.role, "admin");
  if (!isId("key", id)) throw new AppError("not_found", "No such API key.");
  const rolled = await ctx.database.tenant(async (scope) => {
    const [row] = await scope.tx
      .select()
      .from(apiKeys)
      .where(scope.where(apiKeys, eq(apiKeys.id, id), activeApiKey, uncachedRead))
      .for("update");
    if (!row) throw new AppError("not_found", "No such active API key.");
    const generated = await generateApiKey(row.mode);
    const overlapEnds = expiresIn > 0 ? sql`now() + make_interval(secs => ${expiresIn})` : null;
    const [updated] = await scope.tx
      .update(apiKeys)
      .set({
        keyHash: generated.hash,
        prefix: generated.prefix,
        previousKeyHash: overlapEnds ? row.keyHash : null,
        previousKeyExpiresAt: overlapEnds,
      })
      .where(scope.where(apiKeys, eq(apiKeys.id, id)))
      .returning();
    if (!updated) throw new Error("update returned no row");
    await auditInScope(scope, ctx, {
      action: "api_key.rolled",
      targetType: "api_key",
      targetId: id,
      before: apiKeyView(row),
      after: apiKeyView(updated),
    });
    return { ...apiKeyView(updated), key: generated.key };
  });
  // This isolate forgets the replaced secret at once when it stops now; others within the TTL.
  forgetApiKey(id);
  return rolled;
}

/** Revokes a key. The tenant's last active admin key cannot be revoked (409), so no one is locked out. */
export async function revokeApiKey({ ctx, id }: { ctx: ServiceContext; id: string }) {
  assertRole(ctx.role, "admin");
  if (!isId("key", id)) throw new AppError("not_found", "No such API key.");
  const revoked = await ctx.database.tenant(async (scope) => {
    const [row] = await scope.tx
      .select()
      .from(apiKeys)
      .where(scope.where(apiKeys, eq(apiKeys.id, id), uncachedRead))
      .for("update");
    if (!row) throw new AppError("not_found", "No such API key.");
    if (row.revokedAt) return apiKeyView(row);
    if (row.role === "admin") {
      // Locks every active admin key, so two concurrent revocations cannot both pass this check.
      const admins = await scope.tx
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(scope.where(apiKeys, and(eq(apiKeys.role, "admin"), activeApiKey), uncachedRead))
        .for("update");
      if (admins.length <= 1) {
        throw new AppError("conflict", "The last active admin key cannot be revoked.");
      }
    }
    const [updated] = await scope.tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(scope.where(apiKeys, eq(apiKeys.id, id)))
      .returning();
    if (!updated) throw new Error("update returned no row");
    await auditInScope(scope, ctx, {
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: id,
      before: apiKeyView(row),
      after: apiKeyView(updated),
    });
    return apiKeyView(updated);
  });
  forgetApiKey(id);
  return revoked;
}
