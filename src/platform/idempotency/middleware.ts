import type { Context, MiddlewareHandler } from "hono";
import { getConfig } from "../../env";
import type { AppEnv } from "../context";
import { timed, withRequestTransaction } from "../db";
import { AppError, ERROR_CODES, type ErrorCode } from "../errors";
import { doStub } from "../observability/do-calls";
import { describeError, log } from "../observability/logger";
import type { StoredResponse } from "./durable-object";
import { parseIdempotencyKey, requestFingerprint, streamedBodyIdentity } from "./key";
import { claimRecord, type ExistingRecord, finishRecord } from "./records";
import { type KeyScope, replay, snapshot } from "./responses";

/** The methods a key applies to; on any other, `Idempotency-Key` is ignored. */
export const KEYED_METHODS: ReadonlySet<string> = new Set(["POST", "PATCH", "DELETE"]);
/** A lock outlives any sane request; a crashed holder frees the key after this. */
const LOCK_MS = 60_000;
/**
 * Answers given before the request ran, or that a retry may change, are never stored: 401 and
 * 403 (the credential or its role; normally refused before idempotency, but a verb may refuse
 * too), 409 and 412 (a conflict with the resource's state of the moment: busy, out of stock, a
 * transition or precondition that a later state may allow), 413 and 429 (size and rate limits),
 * invalid input, 5xx (rolled back), and any answer that tells the client to retry (Retry-After).
 * Each wrote nothing, so a retry with the same key may still take effect, once.
 */
const NOT_STORED_STATUSES = new Set([401, 403, 409, 412, 413, 429]);

/** Thrown inside the transaction to roll everything back without failing the response. */
class NotStored extends Error {}

/**
 * The key's record was committed by another request (the object had lost it): thrown into the
 * handler's first database call, so the handler stops, and answered with that record instead.
 * A 409 if anything ever let it through unhandled, which is what a retry would resolve.
 */
class ClaimLost extends AppError {
  constructor(readonly record: ExistingRecord) {
    super("idempotency_key_in_use", "A request with this key was completed meanwhile.", {
      headers: { "retry-after": "1" },
    });
  }
}

export interface IdempotentOptions {
  /**
   * The route's body streams (a file upload, a book import: exempt from the JSON body limit), so
   * a keyed request is fingerprinted by media type, length and Content-Digest, never read.
   */
  streamedBody?: boolean;
}

/** Every middleware {@link idempotent} built, with its options: the route table test reads them. */
const declared = new WeakMap<object, Required<IdempotentOptions>>();

/**
 * Route middleware: a POST, PATCH or DELETE with `Idempotency-Key` runs idempotently (the rest
 * of the route, validation and handler, inside {@link runIdempotently}); any other request passes
 * through. Each keyed route declares it in its definition, after its role check, so nothing is
 * replayed, nor stored, before the credential and its role passed:
 * `middleware: [requireRole("editor"), idempotent()] as const`.
 * `test/platform/idempotency/idempotency-routes.test.ts` holds every route that documents the
 * Idempotency-Key parameter to that order, and every route declaring this to documenting it.
 */
export function idempotent(options: IdempotentOptions = {}): MiddlewareHandler<AppEnv> {
  const request = { streamedBody: options.streamedBody ?? false };
  const middleware: MiddlewareHandler<AppEnv> = async function idempotentMiddleware(c, next) {
    if (!KEYED_METHODS.has(c.req.method) || c.req.header("idempotency-key") === undefined) {
      return next();
    }
    return runIdempotently(c, next, request);
  };
  declared.set(middleware, request);
  return middleware;
}

/** The options of a route table entry's handler if it is an {@link idempotent} middleware. */
export function idempotentOptionsOf(handler: unknown): Required<IdempotentOptions> | undefined {
  return typeof handler === "function" ? declared.get(handler) : undefined;
}

/**
 * The answer's status as the registry has it: its error code's when there is one, since a
 * GraphQL response is 200 whatever its errors (each code has one status; for REST they agree).
 */
function answeredStatus(c: Context<AppEnv>): number {
  const code = c.var.errorCode;
  return code !== undefined && code in ERROR_CODES
    ? ERROR_CODES[code as ErrorCode].status
    : c.res.status;
}

/**
 * 5xx (rolled back: the client may retry), refusals of the moment and of the input (400:
 * validation_failed, query_too_complex) are not kept.
 */
function keeps(c: Context<AppEnv>): boolean {
  const status = answeredStatus(c);
  return (
    status < 500 &&
    status !== 400 &&
    !NOT_STORED_STATUSES.has(status) &&
    !c.res.headers.has("retry-after")
  );
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
 * The body as text, read once through the request's (size-limited) stream and cached for the
 * validator; the raw request gets it back, so a handler reading the stream still can.
 */
async function bodyText(c: Context<AppEnv>): Promise<string> {
  if (!c.req.raw.body) return "";
  const text = await c.req.text();
  c.req.raw = new Request(c.req.raw, { body: text });
  return text;
}

/**
 * The tenant's IdempotencyStore object serializes same-key requests of a credential and replays
 * finished ones; otherwise the request runs in one tenant transaction, opened at its first
 * database call, that first claims the `(tenant, credential, key)` record, then holds the
 * handler's writes, then the stored response, and commits — or rolls everything back on a 5xx.
 * So the effect happens once even when the object's state is lost or its lock expired: a second
 * claimant waits on the record's unique key and replays what the first committed.
 */
async function runIdempotently(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  request: Required<IdempotentOptions>,
) {
  const principal = c.var.principal;
  if (!principal) throw new Error("idempotency needs an authenticated principal");
  const { tenantId, credentialId } = principal;
  const scope: KeyScope = {
    tenantId,
    credentialId,
    key: parseIdempotencyKey(c.req.header("idempotency-key") ?? ""),
  };
  const { key } = scope;
  const url = new URL(c.req.url);
  const fingerprint = await requestFingerprint({
    method: c.req.method,
    pathWithQuery: url.pathname + url.search,
    tenantId,
    credentialId,
    body: request.streamedBody
      ? { streamed: streamedBodyIdentity(c.req.raw.headers) }
      : { text: await bodyText(c) },
  });
  const logFields = { request_id: c.var.requestId, tenant_id: tenantId };
  const secretKey = getConfig(c.env).WEBHOOK_SECRET_KEY;

  const store = doStub(c, c.env.IDEMPOTENCY, tenantId);
  let token: string | undefined;
  try {
    const begun = await store.begin(credentialId, key, fingerprint, LOCK_MS);
    if (begun.state === "replay") return await replay(secretKey, scope, begun.response);
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
  let stored: { response: StoredResponse; expiresAt: number };
  try {
    let expiresAt = 0;
    stored = await withRequestTransaction(
      database,
      tenantId,
      async (tx) => {
        const claim = await timed(database.stats, () =>
          claimRecord(tx, { credentialId, key }, fingerprint),
        );
        if (!claim.claimed) throw new ClaimLost(claim.record);
        expiresAt = claim.expiresAt;
      },
      async (requestTransaction, open) => {
        // The rest of the route runs with it: `serviceContext` hands it to the verb.
        c.set("requestTransaction", requestTransaction);
        try {
          await next();
        } finally {
          c.set("requestTransaction", undefined);
        }
        if (!keeps(c)) throw new NotStored();
        // A handler that never reached the database opens the transaction (and claims) here.
        const tx = await open();
        const response = await snapshot(secretKey, scope, c.res);
        await timed(database.stats, () => finishRecord(tx, { credentialId, key }, response));
        return { response, expiresAt };
      },
    );
  } catch (error) {
    if (error instanceof ClaimLost) return answerFromRecord(c, error.record);
    const held = token;
    if (held) await bestEffort(() => store.release(credentialId, key, held), logFields);
    if (error instanceof NotStored) return; // the handler's own response, nothing kept
    throw error;
  }

  // Off the response's path: until it lands, a duplicate gets 409 (or waits on the record).
  if (token) {
    const { response, expiresAt } = stored;
    const later = doStub(c, c.env.IDEMPOTENCY, tenantId, "after");
    c.executionCtx.waitUntil(
      bestEffort(
        () => later.complete(credentialId, key, fingerprint, response, expiresAt),
        logFields,
      ),
    );
  }
  return;

  /** The object had lost this key (eviction, reset, expired lock): Postgres holds the truth. */
  async function answerFromRecord(c: Context<AppEnv>, record: ExistingRecord) {
    if (token) {
      await bestEffort(
        () =>
          store.complete(credentialId, key, record.fingerprint, record.response, record.expiresAt),
        logFields,
      );
    }
    // The handler's refusal (ClaimLost) is not this request's answer, nor are its headers
    // (setting c.res over a response merges them): the record is.
    c.set("errorCode", undefined);
    c.res = undefined;
    if (record.fingerprint !== fingerprint) throw reused();
    c.res = await replay(secretKey, scope, record.response);
  }
}
