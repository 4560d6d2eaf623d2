import { auditInScope } from "../../platform/audit";
import {
  PORTAL_SCOPE,
  PORTAL_TOKEN_DEFAULT_TTL_SECONDS,
  signPortalToken,
} from "../../platform/auth/portal-token";
import { assertRole } from "../../platform/auth/roles";
import type { ServiceContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { newId } from "../../platform/ids";

/** The portal page, relative to the API's public origin (PUBLIC_BASE_URL). */
export const PORTAL_PATH = "/portal";

/**
 * Mints a portal token for the caller's tenant (admin). The token is not stored: its signature
 * and expiry are the credential; the audit row `portal_token.created` records who minted it.
 */
export async function mintPortalToken({
  ctx,
  signingSecret,
  publicBaseUrl,
  input,
}: {
  ctx: ServiceContext;
  signingSecret: string;
  /** The deployment's configured origin (PUBLIC_BASE_URL), e.g. https://api.shelfwise.example. */
  publicBaseUrl: string;
  input: { ttl_seconds?: number | undefined };
}) {
  assertRole(ctx.role, "admin");
  // A portal token never reaches this route (portal-scope.ts); refused here too, so it cannot
  // extend its own life whatever the scope list says.
  if (ctx.actor.type === "portal_token") {
    throw new AppError("insufficient_scope", "A portal token cannot mint portal tokens.");
  }
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + (input.ttl_seconds ?? PORTAL_TOKEN_DEFAULT_TTL_SECONDS);
  const id = newId("ptok");
  const mintedBy = `${ctx.actor.type}:${ctx.actor.id}`;
  const token = await signPortalToken(signingSecret, {
    tenant: ctx.tenantId,
    mintedBy,
    jti: id,
    issuedAt,
    expiresAt,
  });
  const view = {
    id,
    scope: PORTAL_SCOPE,
    minted_by: mintedBy,
    expires_at: new Date(expiresAt * 1000).toISOString(),
  };
  await ctx.database.tenant((scope) =>
    auditInScope(scope, ctx, {
      action: "portal_token.created",
      targetType: "portal_token",
      targetId: id,
      after: view,
    }),
  );
  return { ...view, token, portal_url: `${publicBaseUrl}${PORTAL_PATH}#token=${token}` };
}
