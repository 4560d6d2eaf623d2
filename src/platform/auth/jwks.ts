import {
  createLocalJWKSet,
  type FlattenedJWSInput,
  type JWSHeaderParameters,
  errors as joseErrors,
  type LocalJWKSet,
} from "jose";
import { checkDestination, type Resolver, type UrlPolicyOptions } from "../net/url-policy";
import { log } from "../observability/logger";

export interface JwksSettings {
  /** How long a fetched JWKS is trusted before it is fetched again. */
  cacheMaxAgeMs: number;
  /** Minimum time between refetches triggered by an unknown `kid`. */
  cooldownMs: number;
  /** How long after its fetch a JWKS keeps serving while the IdP cannot be reached. */
  maxStaleMs: number;
  /** The SSRF destination policy (the webhooks' one) every fetch is checked against. */
  policy: UrlPolicyOptions;
  resolve: Resolver;
}

export const JWKS_FETCH_TIMEOUT_MS = 5_000;
/** A JWKS is a few keys; anything larger is not one (and must not fill an isolate's memory). */
export const MAX_JWKS_BYTES = 256 * 1024;
/** Backoff after consecutive failed fetches: 1 s, 2 s, 4 s … capped at 60 s. */
export const JWKS_BACKOFF_BASE_MS = 1_000;
export const JWKS_BACKOFF_CAP_MS = 60_000;
const MAX_TRACKED_URIS = 1_000;

/** No usable key because the IdP cannot be reached (an outage, not a bad credential). */
export class IdpUnavailableError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("the identity provider's JWKS cannot be fetched");
    this.name = "IdpUnavailableError";
  }
}

interface JwksState {
  keys?: { getKey: LocalJWKSet; fetchedAt: number };
  /** The fetch in flight (settles, never rejects) and when it started. */
  inFlight?: { done: Promise<void>; startedAt: number };
  /** Consecutive failed fetches; 0 once one succeeds. */
  failures: number;
  /** No fetch is started before this time (backoff after a failure). */
  retryAt: number;
}

/** Per isolate: JWKS state by URI (a URI belongs to one tenant; the set is bounded). */
const states = new Map<string, JwksState>();

function stateFor(uri: string): JwksState {
  let state = states.get(uri);
  if (!state) {
    if (states.size >= MAX_TRACKED_URIS) {
      const oldest = states.keys().next().value;
      if (oldest !== undefined) states.delete(oldest);
    }
    state = { failures: 0, retryAt: 0 };
    states.set(uri, state);
  }
  return state;
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new Error(`JWKS larger than ${maxBytes} bytes`);
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error(`JWKS larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * One fetch of a JWKS: the destination is checked first (https, public addresses only, after
 * resolution; loopback http only in development), redirects are not followed, the body is capped.
 */
async function fetchKeySet(uri: string, settings: JwksSettings): Promise<LocalJWKSet> {
  const destination = await checkDestination(uri, settings.policy, settings.resolve);
  if (!destination.ok) throw new Error(`jwks_uri refused: ${destination.reason}`);
  const response = await fetch(destination.url, {
    redirect: "manual",
    headers: { accept: "application/jwk-set+json, application/json" },
    signal: AbortSignal.timeout(JWKS_FETCH_TIMEOUT_MS),
  });
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new Error(`JWKS answered ${response.status}`);
  }
  return createLocalJWKSet(JSON.parse(await readCapped(response, MAX_JWKS_BYTES)));
}

/**
 * Refetches a JWKS, coalesced: while one fetch for the URI is in flight, every caller waits for
 * it. The fetch belongs to the request that started it; should that request be cancelled, its
 * fetch never settles, so waiters stop waiting after the fetch timeout and a later call starts a
 * new one. Returns whether the keys are now fresh.
 */
async function refresh(uri: string, state: JwksState, settings: JwksSettings): Promise<boolean> {
  const now = Date.now();
  if (!state.inFlight || now - state.inFlight.startedAt > JWKS_FETCH_TIMEOUT_MS + 1_000) {
    const done = fetchKeySet(uri, settings).then(
      (getKey) => {
        state.keys = { getKey, fetchedAt: Date.now() };
        state.failures = 0;
        state.retryAt = 0;
      },
      (error: unknown) => {
        state.failures++;
        const backoff = Math.min(
          JWKS_BACKOFF_CAP_MS,
          JWKS_BACKOFF_BASE_MS * 2 ** (state.failures - 1),
        );
        state.retryAt = Date.now() + backoff;
        log("warn", "jwks fetch failed", {
          jwks_uri: uri,
          failures: state.failures,
          backoff_ms: backoff,
          error_message: error instanceof Error ? error.message : String(error),
        });
      },
    );
    const inFlight = { done, startedAt: now };
    state.inFlight = inFlight;
    void done.finally(() => {
      if (state.inFlight === inFlight) state.inFlight = undefined;
    });
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, JWKS_FETCH_TIMEOUT_MS + 1_000);
  });
  await Promise.race([state.inFlight.done, gaveUp]);
  clearTimeout(timer);
  return state.keys !== undefined && state.keys.fetchedAt >= now;
}

function unavailable(state: JwksState): IdpUnavailableError {
  return new IdpUnavailableError(Math.max(1, Math.ceil((state.retryAt - Date.now()) / 1000)));
}

/**
 * The key getter `jwtVerify` calls for a token of the IdP at `uri`. Fresh keys are used as they
 * are; expired ones are refetched (at most one fetch in flight, none during the backoff after a
 * failure). While the IdP cannot be reached, the last good keys keep serving until `maxStaleMs`
 * after their fetch; with none left, or for a `kid` they lack while the IdP is failing, it throws
 * `IdpUnavailableError`. An unknown `kid` refetches at most once per cooldown. Every other
 * failure (no matching key with the IdP reachable, several matches) is jose's own error.
 */
export async function jwksKey(
  uri: string,
  settings: JwksSettings,
  header: JWSHeaderParameters,
  token: FlattenedJWSInput,
) {
  const state = stateFor(uri);
  let fetched = false;
  const age = () => (state.keys ? Date.now() - state.keys.fetchedAt : Number.POSITIVE_INFINITY);
  if (age() >= settings.cacheMaxAgeMs && Date.now() >= state.retryAt) {
    fetched = await refresh(uri, state, settings);
  }
  const keys = state.keys;
  if (!keys || age() >= Math.max(settings.cacheMaxAgeMs, settings.maxStaleMs)) {
    throw unavailable(state);
  }
  try {
    return await keys.getKey(header, token);
  } catch (error) {
    if (!(error instanceof joseErrors.JWKSNoMatchingKey)) throw error;
    // An unknown kid may be a key the IdP rotated in: look again, at most once per cooldown.
    if (!fetched && Date.now() >= state.retryAt && age() >= settings.cooldownMs) {
      if ((await refresh(uri, state, settings)) && state.keys) {
        return state.keys.getKey(header, token);
      }
    }
    // While the IdP is failing the key may exist there: not the client's fault, so 503.
    if (state.failures > 0) throw unavailable(state);
    throw error;
  }
}
