import type { Context, MiddlewareHandler } from "hono";
import { getConfig } from "../../env";
import type { AppEnv } from "../context";
import { openSecret, sealSecret } from "../crypto/secret-box";
import { timed, withTenantTransaction } from "../db";
import { AppError } from "../errors";
import { describeError, log } from "../observability/logger";
import type { StoredResponse } from "./durable-object";
import { parseIdempotencyKey, requestFingerprint, streamedBodyIdentity } from "./key";
import { claimRecord, type ExistingRecord, finishRecord } from "./records";

const GUARDED_METHODS = new Set(["POST", "PATCH", "DELETE"]);
/** A lock outlives any sane request; a crashed holder frees the key after this. */
const LOCK_MS = 60_000;
/** Response headers that belong to the result (replayed); the rest are per-request. */
const REPLAYED_HEADERS = ["content-type", "location", "etag", "last-modified", "content-location"];
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** Thrown inside the transaction to roll everything back without failing the response. */
class NotStored extends Error {}

type Outcome =
  | { kind: "stored"; response: StoredResponse; expiresAt: number }
  | { kind: "existing"; record: ExistingRecord };

/**
 * Stored bodies are sealed (AES-GCM, bound to tenant and key): a replayed creation response may
 * hold a secret shown once (an API key, a webhook signing secret), never kept in clear.
 */
const sealContext = (tenantId: string, key: string) => `idempotency:${tenantId}:${key}`;

async function replay(
  secretKey: string,
  context: string,
  response: StoredResponse,
): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set("idempotent-replayed", "true");
  const body = await openSecret(secretKey, response.body, context);
  const nullBody = body === "" && NULL_BODY_STATUSES.has(response.status);
  return new Response(nullBody ? null : body, { status: response.status, headers });
}

async function snapshot(
  secretKey: string,
  context: string,
  res: Response,
): Promise<StoredResponse> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const body = await sealSecret(secretKey, await res.clone().text(), context);
  return { status: res.status, body, headers };
}

/** 5xx (rolled back: the client may retry) and requests rejected before running are not kept. */
function keeps(c: Context<AppEnv>): boolean {
  return c.res.status < 500 && c.var.errorCode !== "validation_failed";
}

const reused = () =>
  new AppError(
    "idempotency_key_reused",
    "This Idempotency-Key was used with another method, path or body.",
  );

/** Runs a Durable Object call that must not fail the request (the Postgres record decides). */
async function bestEffort(work: () => Promise<unknown>, fields: Record<string, unknown>) {
  try {
    await work();
  } catch (error) {
    log("warn", "idempotency store call failed", { ...fields, ...describeError(error) });
  }
}

/**
 * `Idempotency-Key` on POST/PATCH/DELETE (after authentication and rate limiting). The tenant's
 * IdempotencyStore object serializes same-key requests and replays finished ones; the request
 * then runs inside one tenant transaction that first claims the `(tenant_id, key)` record in
 * Postgres, then runs the handler (whose `withTenant` calls join that transaction), stores the
 * response in the record and commits — or rolls everything back on a 5xx. So the effect happens
 * once even when the object's state is lost or its lock expired: a second claimant waits on the
 * record's unique key and replays what the first committed.
 */
export function idempotency(): MiddlewareHandler<AppEnv> {
  return async function idempotencyMiddleware(c, next) {
    const header = c.req.header("idempotency-key");
    if (header === undefined || !GUARDED_METHODS.has(c.req.method)) return next();
    const key = parseIdempotencyKey(header);
    const principal = c.var.principal;
    if (!principal) throw new Error("idempotency() must run after authenticate()");
    const url = new URL(c.req.url);
    const fingerprint = await requestFingerprint(
      c.req.method,
      url.pathname + url.search,
      streamedBodyIdentity(c.req.raw.headers) ?? (await c.req.raw.clone().arrayBuffer()),
    );
    const logFields = { request_id: c.var.requestId, tenant_id: principal.tenantId };
    const secretKey = getConfig(c.env).WEBHOOK_SECRET_KEY;
    const context = sealContext(principal.tenantId, key);

    const store = c.env.IDEMPOTENCY.get(c.env.IDEMPOTENCY.idFromName(principal.tenantId));
    let token: string | undefined;
    try {
      const begun = await store.begin(key, fingerprint, LOCK_MS);
      if (begun.state === "replay") return await replay(secretKey, context, begun.response);
      if (begun.state === "mismatch") throw reused();
      if (begun.state === "in_flight") {
        throw new AppError("idempotency_key_in_use", "A request with this key is in progress.", {
          headers: { "retry-after": "1" },
        });
      }
      token = begun.token;
    } catch (error) {
      if (error instanceof AppError) throw error;
      log("warn", "idempotency store unavailable; the Postgres record decides", {
        ...logFields,
        ...describeError(error),
      });
    }

    const database = c.var.database;
    let outcome: Outcome;
    try {
      outcome = await withTenantTransaction(database, principal.tenantId, async (scope) => {
        const claim = await timed(database.stats, () => claimRecord(scope, key, fingerprint));
        if (!claim.claimed) return { kind: "existing", record: claim.record };
        await next();
        if (!keeps(c)) throw new NotStored();
        const response = await snapshot(secretKey, context, c.res);
        await timed(database.stats, () => finishRecord(scope, key, response));
        return { kind: "stored", response, expiresAt: claim.expiresAt };
      });
    } catch (error) {
      const held = token;
      if (held) await bestEffort(() => store.release(key, held), logFields);
      if (error instanceof NotStored) return; // the handler's own response, nothing kept
      throw error;
    }

    if (outcome.kind === "stored") {
      const { response, expiresAt } = outcome;
      // Off the response's path: until it lands, a duplicate gets 409 (or waits on the record).
      if (token) {
        c.executionCtx.waitUntil(
          bestEffort(() => store.complete(key, fingerprint, response, expiresAt), logFields),
        );
      }
      return;
    }
    // The object had lost this key (eviction, reset, expired lock): Postgres holds the truth.
    const { record } = outcome;
    if (token) {
      await bestEffort(
        () => store.complete(key, record.fingerprint, record.response, record.expiresAt),
        logFields,
      );
    }
    if (record.fingerprint !== fingerprint) throw reused();
    return replay(secretKey, context, record.response);
  };
}
