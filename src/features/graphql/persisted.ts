import { AppError } from "../../platform/errors";
import type { FormattedError } from "./errors";

/**
 * Automatic persisted queries (Apollo's convention): a client sends
 * `extensions.persistedQuery = {"version": 1, "sha256Hash": "<hex>"}` without `query`; if the
 * document is known it runs, otherwise the answer is the `PersistedQueryNotFound` error and the
 * client sends the hash again with the document, which registers it (after checking the hash).
 *
 * Where registered documents live: in this isolate's memory, per tenant and bounded (an LRU, like
 * Apollo Server's default APQ cache). A registration is a cache entry, not a record: the protocol
 * answers a miss with one more round trip, so losing an entry (another isolate, an eviction, a
 * restart) costs one request and never a wrong answer; a hit costs no database or Durable Object
 * flight on the request's path, which is the point of sending a hash. A tenant's documents are
 * found only under that tenant (another tenant's hash is a miss), and one tenant holds at most
 * 200 documents and 400,000 characters of them, so it alone cannot fill the isolate's budget.
 */

/** Most documents one tenant keeps registered in an isolate. */
export const MAX_DOCUMENTS_PER_TENANT = 200;
/** Most characters of documents one tenant keeps registered in an isolate (20 largest documents). */
export const MAX_CHARACTERS_PER_TENANT = 400_000;
/** Most characters of documents all tenants together keep in an isolate (~8 MB of UTF-16). */
export const MAX_STORED_CHARACTERS = 4_000_000;

/** tenant + hash → document, in least-recently-used order (a Map iterates in insertion order). */
const documents = new Map<string, string>();
const perTenant = new Map<string, { documents: number; characters: number }>();
let storedCharacters = 0;

const keyOf = (tenantId: string, hash: string) => `${tenantId}\u0000${hash}`;
const tenantOf = (key: string) => key.slice(0, key.indexOf("\u0000"));

function remove(key: string): void {
  const document = documents.get(key);
  if (document === undefined) return;
  documents.delete(key);
  storedCharacters -= document.length;
  const tenantId = tenantOf(key);
  const held = perTenant.get(tenantId);
  if (!held) return;
  held.documents -= 1;
  held.characters -= document.length;
  if (held.documents <= 0) perTenant.delete(tenantId);
}

/** The document a tenant registered under `hash`, if this isolate holds it (marked as used). */
export function lookupPersisted(tenantId: string, hash: string): string | undefined {
  const key = keyOf(tenantId, hash);
  const document = documents.get(key);
  if (document === undefined) return undefined;
  documents.delete(key);
  documents.set(key, document);
  return document;
}

/** Registers a tenant's document under its hash, evicting the least recently used beyond the bounds. */
export function registerPersisted(tenantId: string, hash: string, document: string): void {
  const key = keyOf(tenantId, hash);
  remove(key);
  const full = () => {
    const held = perTenant.get(tenantId);
    return (
      held !== undefined &&
      (held.documents >= MAX_DOCUMENTS_PER_TENANT ||
        held.characters + document.length > MAX_CHARACTERS_PER_TENANT)
    );
  };
  for (const existing of documents.keys()) {
    if (!full()) break;
    if (tenantOf(existing) === tenantId) remove(existing);
  }
  documents.set(key, document);
  const held = perTenant.get(tenantId) ?? { documents: 0, characters: 0 };
  held.documents += 1;
  held.characters += document.length;
  perTenant.set(tenantId, held);
  storedCharacters += document.length;
  for (const oldest of documents.keys()) {
    if (storedCharacters <= MAX_STORED_CHARACTERS) break;
    remove(oldest);
  }
}

/** How many documents a tenant has registered in this isolate (tests, bounds). */
export function persistedCount(tenantId: string): number {
  return perTenant.get(tenantId)?.documents ?? 0;
}

/** The lowercase hex SHA-256 of a document, as the convention hashes it (UTF-8). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The answer to a hash the tenant has not registered here. The message is the convention's
 * (Apollo Client, Apollo iOS/Kotlin and urql match it to resend with the document); the code is
 * the registry's precondition_failed (the request presumes a document the server does not hold
 * now, and a retry that sends it succeeds), which also keeps the answer out of the
 * Idempotency-Key store, so that retry may reuse the key. `persisted_query` names the case as
 * the convention's code.
 */
export const persistedQueryNotFound = (): FormattedError => ({
  message: "PersistedQueryNotFound",
  extensions: { code: "precondition_failed", persisted_query: "PERSISTED_QUERY_NOT_FOUND" },
});

/** `extensions.persistedQuery` as sent, checked. */
export interface PersistedQuery {
  version: 1;
  sha256Hash: string;
}

const invalid = (path: string, message: string) =>
  new AppError("validation_failed", "The request is invalid.", {
    errors: [{ path, message }],
  });

/**
 * The request's `extensions.persistedQuery`, if any: version 1 and a 64-digit lowercase hex
 * SHA-256, or 400 validation_failed. `where` is "json" (POST) or "query" (GET) for the paths.
 */
export function persistedQueryOf(
  extensions: unknown,
  where: "json" | "query",
): PersistedQuery | undefined {
  if (extensions === undefined || extensions === null) return undefined;
  if (typeof extensions !== "object" || Array.isArray(extensions)) {
    throw invalid(`${where}.extensions`, "must be a JSON object");
  }
  const persisted = (extensions as Record<string, unknown>).persistedQuery;
  if (persisted === undefined || persisted === null) return undefined;
  const path = `${where}.extensions.persistedQuery`;
  if (typeof persisted !== "object" || Array.isArray(persisted)) {
    throw invalid(path, "must be an object {version: 1, sha256Hash}");
  }
  const { version, sha256Hash } = persisted as Record<string, unknown>;
  if (version !== 1) throw invalid(`${path}.version`, "must be 1");
  if (typeof sha256Hash !== "string" || !/^[0-9a-f]{64}$/.test(sha256Hash)) {
    throw invalid(
      `${path}.sha256Hash`,
      "must be the document's SHA-256 as 64 lowercase hex digits",
    );
  }
  return { version, sha256Hash };
}

/** What a request's document is: its text (and whether to register it), or a miss. */
export type ResolvedDocument = { query: string; register?: { hash: string } } | { miss: true };

/**
 * Finds the document of a request: `query` as sent (checked against the hash when one comes
 * with it, 400 on a mismatch), or the registered document of a hash-only request.
 */
export async function resolveDocument(
  tenantId: string,
  query: string | undefined,
  persisted: PersistedQuery | undefined,
  where: "json" | "query",
): Promise<ResolvedDocument> {
  if (!persisted) {
    if (query === undefined) {
      throw invalid(`${where}.query`, "is required (or extensions.persistedQuery.sha256Hash)");
    }
    return { query };
  }
  if (query === undefined) {
    const known = lookupPersisted(tenantId, persisted.sha256Hash);
    return known === undefined ? { miss: true } : { query: known };
  }
  if ((await sha256Hex(query)) !== persisted.sha256Hash) {
    throw invalid(
      `${where}.extensions.persistedQuery.sha256Hash`,
      "does not match the SHA-256 of query",
    );
  }
  return { query, register: { hash: persisted.sha256Hash } };
}
