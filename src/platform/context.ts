import type { Context } from "hono";
import { type Env, getConfig } from "../env";
import { type DatabaseHandle, type RequestDatabase, transactionPerCall } from "./db";
import type { AfterResponse } from "./observability/after-response";
import { countedEnv, type DoCallStats } from "./observability/do-calls";
import type { Plan } from "./plans";
import type { PolicyState } from "./rate-limit/durable-object";

/** Roles from the API contract, most to least privileged. */
export type Role = "admin" | "editor" | "viewer";

/** The tenant fields every request needs (status, plan, limit overrides), read with the credential. */
export interface TenantSnapshot {
  id: string;
  status: "active" | "suspended" | "offboarding" | "deleted";
  plan: Plan;
  rateLimitPerHour: number | null;
  maxFileBytes: number | null;
  webhookRatePerSecond: number | null;
  /** Minutes a pending order holds its stock; null: the default (30). */
  reservationHoldMinutes: number | null;
}

/** Who is calling: always derived from the credential, never from the request (invariant 1). */
export interface Principal {
  tenantId: string;
  tenant: TenantSnapshot;
  role: Role;
  /**
   * api_key: the key id; jwt: the token's subject; portal_token: the credential that minted it
   * (`api_key:<key id>` or `jwt:<subject>`).
   */
  actor: { type: "api_key" | "jwt" | "portal_token"; id: string };
  /** What the per-credential rate limit counts against (key id, or issuer + subject). */
  credentialId: string;
}

/** Typed Hono context variables, set once by the platform middleware and read with `c.var`. */
export interface Variables {
  requestId: string;
  database: DatabaseHandle;
  /** Work left for after the response, run on `database` before it closes. */
  afterResponse: AfterResponse;
  principal: Principal | undefined;
  /** The error code of a failed request, for the request log and analytics. */
  errorCode: string | undefined;
  /** True once the tenant's RateLimiter object counted this request in its traffic log. */
  trafficCounted: boolean;
  /** The tenant's rate-limit window as this request's admission left it (rate-limit middleware). */
  tenantWindow?: PolicyState;
  /** Durable Object calls made for this request (see observability/do-calls.ts). */
  doCalls: DoCallStats;
  /**
   * The idempotent request's one transaction, set by `idempotent()` around the rest of the route:
   * the verbs' `ctx.database` then joins it. Unset, each verb's call is a transaction of its own.
   */
  requestTransaction?: RequestDatabase | undefined;
  /**
   * Set by a POST that wrote nothing whatever its method says (a GraphQL query): no outbox event
   * to relay and no event hub to tell after the response (webhooks/relay.ts).
   */
  writesNothing?: boolean | undefined;
  /** The operator of an /admin request, set by `operatorAuth()`. */
  operator?: OperatorIdentity | undefined;
}

/** The operator roles an identity token may carry in `shelfwise_operator_role`. */
export type OperatorRole = "ops-viewer" | "ops-admin";

/**
 * Who is acting on /admin (auth/operator.ts): a person signed in through the operators' IdP, or
 * the static OPERATOR_TOKEN, which is break-glass once an IdP is configured.
 */
export type OperatorIdentity =
  | { kind: "person"; subject: string; email: string | undefined; role: OperatorRole }
  | { kind: "token"; breakGlass: boolean };

/** The Hono environment every router and middleware shares. */
export interface AppEnv {
  Bindings: Env;
  Variables: Variables;
}

/**
 * The three kinds of context, each built one way here: a tenant's request (`serviceContext`), an
 * operator's (`operatorContext`), and the system's own work (cron, consumers), which passes its
 * database handle and `env` explicitly.
 */

/** What every tenant verb receives: who, for which tenant, under which request, with which db. */
export interface ServiceContext {
  tenantId: string;
  actor: Principal["actor"];
  role: Role;
  requestId: string;
  /** The request's transaction(s): `ctx.database.tenant(scope => …)` (db/request-transaction.ts). */
  database: RequestDatabase;
}

/** A tenant request's context: also the tenant's snapshot (plan, limits) and the files bucket. */
export interface TenantRequestContext extends ServiceContext {
  tenant: TenantSnapshot;
  bucket: R2Bucket;
}

/** Builds a tenant verb's context from an authenticated request. */
export function serviceContext(c: Context<AppEnv>): TenantRequestContext {
  const principal = c.var.principal;
  if (!principal) throw new Error("serviceContext used on a route without authentication");
  return {
    tenantId: principal.tenantId,
    actor: principal.actor,
    role: principal.role,
    requestId: c.var.requestId,
    database: c.var.requestTransaction ?? transactionPerCall(c.var.database, principal.tenantId),
    tenant: principal.tenant,
    bucket: c.env.FILES,
  };
}

/** What operator verbs receive (/admin and ops routes, after the operator token). */
export interface OperatorContext {
  database: DatabaseHandle;
  requestId: string;
  allowLoopbackHttp: boolean;
  keyMode: "live" | "test";
  /** The request's env, its Durable Object calls counted as the request's. */
  env: Env;
  /** Who the audit log names: the signed-in operator, or the shared operator token. */
  actor: { type: "operator"; id: string };
}

/** Builds an operator verb's context from the request. */
export function operatorContext(c: Context<AppEnv>): OperatorContext {
  const config = getConfig(c.env);
  return {
    database: c.var.database,
    requestId: c.var.requestId,
    allowLoopbackHttp: config.ALLOW_LOOPBACK_HTTP,
    keyMode: config.ENVIRONMENT === "production" ? "live" : "test",
    env: countedEnv(c),
    actor: { type: "operator", id: operatorActorId(c.var.operator) },
  };
}

/** The audit log's name for an operator: the person's subject and email, or the shared token. */
function operatorActorId(identity: OperatorIdentity | undefined): string {
  if (identity?.kind !== "person") return "operator";
  const named = identity.email ? `${identity.subject} <${identity.email}>` : identity.subject;
  return `oidc:${named}`.slice(0, 200);
}
