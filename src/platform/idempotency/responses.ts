import { openSecret, sealSecret } from "../crypto/secret-box";
import type { StoredResponse } from "./durable-object";

/** Response headers that belong to the result (replayed); the rest are per-request. */
const REPLAYED_HEADERS = ["content-type", "location", "etag", "last-modified", "content-location"];
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/** Whose key it is: the tenant and the credential (API key id, or JWT issuer + subject). */
export interface KeyScope {
  tenantId: string;
  credentialId: string;
  key: string;
}

/**
 * Stored bodies are sealed (AES-GCM) under a context naming tenant, credential and key: a
 * replayed creation response may hold a secret shown once (an API key, a webhook signing
 * secret), never kept in clear, and a sealed body opens only for the scope it was stored for.
 */
export const sealContext = ({ tenantId, credentialId, key }: KeyScope) =>
  `idempotency:${JSON.stringify([tenantId, credentialId, key])}`;

/** The stored response, as answered to a retry (`Idempotent-Replayed: true`). */
export async function replay(
  secretKey: string,
  scope: KeyScope,
  response: StoredResponse,
): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set("idempotent-replayed", "true");
  const body = await openSecret(secretKey, response.body, sealContext(scope));
  const nullBody = body === "" && NULL_BODY_STATUSES.has(response.status);
  return new Response(nullBody ? null : body, { status: response.status, headers });
}

/** What is kept of a response: status, the result's headers and the sealed body. */
export async function snapshot(
  secretKey: string,
  scope: KeyScope,
  res: Response,
): Promise<StoredResponse> {
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const body = await sealSecret(secretKey, await res.clone().text(), sealContext(scope));
  return { status: res.status, body, headers };
}
