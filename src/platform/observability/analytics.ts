import type { Context } from "hono";
import type { Env } from "../../env";
import type { AppEnv } from "../context";
import { doStub } from "./do-calls";
import { describeError, log } from "./logger";

/**
 * Workers Analytics Engine writers. Every data point is indexed by tenant (index1 = tenant id or
 * "anonymous"), so sampling keeps tenants apart, and blob1 names its kind. The layout of each kind
 * is documented in docs/analytics-schema.md and queried by ops/queries/*.sql: change the three
 * together, and only by appending fields (stored rows keep their positions).
 */

/** index1 of data points without a tenant (unauthenticated or operator requests). */
export const ANONYMOUS = "anonymous";

/** The credential a request presented, as analytics records it. */
export type CredentialKind = "api_key" | "jwt" | "portal_token" | "operator" | "none";

/** One finished request, as the request-context middleware sees it. */
export interface RequestDataPoint {
  tenantId: string | undefined;
  /** The matched route pattern (never the concrete path: ids would explode the cardinality). */
  route: string;
  method: string;
  status: number;
  credential: CredentialKind;
  errorCode: string | undefined;
  durationMs: number;
  dbMs: number;
  dbQueries: number;
  rateLimited: boolean;
  idempotentReplay: boolean;
  /** Content-Length of the response; 0 when streamed without one (bodies are never buffered). */
  responseBytes: number;
  /** Durable Object calls the response waited for (double8, appended). */
  doCalls: number;
}

/** One webhook delivery attempt, as the webhook consumer records it. */
export interface WebhookAttemptDataPoint {
  tenantId: string;
  endpointId: string;
  /** delivered, failed or gone (410). */
  outcome: string;
  /** http_error, timeout, connection_error, …; empty when delivered. */
  errorClass: string | null;
  statusCode: number | null;
  latencyMs: number;
  attempt: number;
}

/** The API version a path belongs to (a low-cardinality dimension for dashboards). */
export function apiVersion(path: string): string {
  const first = path.split("/")[1] ?? "";
  if (first === "v1" || first === "v2" || first === "admin" || first === "health") return first;
  if (first === "ops") return "admin";
  return "other";
}

/** "2xx", "4xx", … */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}

/**
 * Writes one data point; never throws and never waits (writeDataPoint is fire-and-forget).
 * A missing or failing binding is logged and ignored: analytics must not fail a request.
 */
function write(env: Env, point: AnalyticsEngineDataPoint): void {
  try {
    env.ANALYTICS?.writeDataPoint(point);
  } catch (error) {
    log("warn", "analytics write failed", { kind: point.blobs?.[0], ...describeError(error) });
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Writes the request's data point (kind "request"). */
export function recordRequest(env: Env, p: RequestDataPoint): void {
  write(env, {
    indexes: [p.tenantId ?? ANONYMOUS],
    blobs: [
      "request",
      p.route,
      p.method,
      statusClass(p.status),
      apiVersion(p.route),
      p.credential,
      p.errorCode ?? "",
    ],
    doubles: [
      round1(p.durationMs),
      round1(p.dbMs),
      p.dbQueries,
      p.rateLimited ? 1 : 0,
      p.idempotentReplay ? 1 : 0,
      p.responseBytes,
      p.status,
      p.doCalls,
    ],
  });
}

/** Writes one webhook attempt's data point (kind "webhook_attempt"). */
export function recordWebhookAttempt(env: Env, p: WebhookAttemptDataPoint): void {
  write(env, {
    indexes: [p.tenantId],
    blobs: ["webhook_attempt", p.endpointId, p.outcome, p.errorClass ?? ""],
    doubles: [
      Math.round(p.latencyMs),
      p.attempt,
      p.statusCode ?? 0,
      p.outcome === "delivered" ? 0 : 1,
    ],
  });
}

/** Writes a dead-lettered delivery's data point (kind "webhook_dead_letter"). */
export function recordWebhookDeadLetter(
  env: Env,
  p: { tenantId: string; deliveryId: string; endpointId?: string | undefined; reason: string },
): void {
  write(env, {
    indexes: [p.tenantId],
    blobs: ["webhook_dead_letter", p.endpointId ?? "", p.reason, p.deliveryId],
    doubles: [1],
  });
}

/** Writes a dead-lettered job's data point (kind "job_dead_letter"): the jobs DLQ's alert signal. */
export function recordJobDeadLetter(
  env: Env,
  p: { tenantId: string | null; kind: string; queue: string; messageId: string; attempts: number },
): void {
  write(env, {
    indexes: [p.tenantId ?? ANONYMOUS],
    blobs: ["job_dead_letter", p.kind, p.queue, p.messageId],
    doubles: [1, p.attempts],
  });
}

/** What request-context measured, for {@link observeRequest}. */
export interface RequestMeasures {
  route: string;
  durationMs: number;
  dbMs: number;
  dbQueries: number;
}

/**
 * For a tenant's request the rate limiter did not count (or that ended in an error): counts it in
 * the tenant's traffic log (its RateLimiter object) through waitUntil, caught, logged and dropped.
 */
function countTraffic(c: Context<AppEnv>, status: number, rateLimited: boolean): void {
  const principal = c.var.principal;
  if (!principal) return;
  // The limiter's call already counted this request (and a refusal); only a later error needs
  // a second call to the object.
  const counted = c.var.trafficCounted;
  if (counted && (status < 400 || rateLimited)) return;
  try {
    const stub = doStub(c, c.env.RATE_LIMITER, principal.tenantId, "after");
    c.executionCtx.waitUntil(
      stub.recordTraffic({ status, rateLimited }, counted).catch((error: unknown) => {
        log("warn", "traffic counter unavailable", {
          tenant_id: principal.tenantId,
          ...describeError(error),
        });
      }),
    );
  } catch (error) {
    log("warn", "traffic counter unavailable", describeError(error));
  }
}

/**
 * After a response: counts it in the tenant's traffic log when needed (see countTraffic), then
 * writes its analytics data point. Neither can delay or fail the response.
 */
export function observeRequest(c: Context<AppEnv>, m: RequestMeasures): void {
  const principal = c.var.principal;
  const status = c.res.status;
  const rateLimited = status === 429 && c.var.errorCode === "rate_limited";
  const length = Number(c.res.headers.get("content-length") ?? 0);
  let credential: CredentialKind = principal?.actor.type ?? "none";
  // The operator guard sets no principal: a request past it (anything but a 401) was an operator's.
  if (!principal && m.route.startsWith("/admin") && status !== 401) credential = "operator";
  countTraffic(c, status, rateLimited);
  recordRequest(c.env, {
    tenantId: principal?.tenantId,
    route: m.route,
    method: c.req.method,
    status,
    credential,
    errorCode: c.var.errorCode,
    durationMs: m.durationMs,
    dbMs: m.dbMs,
    dbQueries: m.dbQueries,
    rateLimited,
    idempotentReplay: c.res.headers.get("idempotent-replayed") === "true",
    responseBytes: Number.isFinite(length) ? length : 0,
    doCalls: c.var.doCalls.calls,
  });
}
