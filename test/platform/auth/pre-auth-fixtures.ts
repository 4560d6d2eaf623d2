/** Shared by the pre-authentication suites: client addresses, the limit, keys of each format. */
import { base64url } from "jose";
import { expect } from "vitest";
import { AUTH_FAILURE_LIMIT } from "../../../src/platform/auth/address-limit";
import { hashApiKey } from "../../../src/platform/auth/api-keys";
import type { Role } from "../../../src/platform/context";
import { newId } from "../../../src/platform/ids";
import { withOwnerSql } from "../../helpers/db";
import { call, readProblem } from "../../helpers/http";
import { startOfWindow } from "../../helpers/limiter-window";
import { bearer } from "../../helpers/tenant";

/** The query count a response reports in Server-Timing (`db;…;desc="N queries"`). */
export function queriesOf(response: Response): number {
  const match = /desc="(\d+) queries"/.exec(response.headers.get("server-timing") ?? "");
  if (!match) throw new Error("no Server-Timing query count");
  return Number(match[1]);
}

/** A key of the legacy (untagged) format that matches nothing: it costs a lookup. */
export const unknownLegacyKey = () =>
  `sk_live_${base64url.encode(crypto.getRandomValues(new Uint8Array(32)))}`;

/** A key of the tagged format whose tag is made up (32 random bytes and a random 16-byte tag). */
export const forgedKey = () =>
  `sk_live_${base64url.encode(crypto.getRandomValues(new Uint8Array(48)))}`;

/**
 * A legacy key of the tenant, inserted straight into the database as the keys issued before
 * tags were (no API issues this format any more).
 */
export async function insertLegacyKey(tenantId: string, role: Role = "viewer"): Promise<string> {
  const key = unknownLegacyKey();
  const hash = await hashApiKey(key);
  await withOwnerSql(
    (sql) => sql`insert into api_keys (id, tenant_id, name, role, mode, prefix, key_hash)
      values (${newId("key")}, ${tenantId}, 'legacy', ${role}, 'live', ${key.slice(0, 12)}, ${hash})`,
  );
  return key;
}

/** A client address no other test uses (the limiter's counts live as long as the test run). */
export const freshAddress = () => {
  const [a = 0, b = 0, c = 0] = crypto.getRandomValues(new Uint8Array(3));
  return `100.${a}.${b}.${c}`;
};

/** GET /v2/tenant with a credential, from a client address (none: a direct call). */
export const from = (address: string | undefined, credential: string) =>
  call("/v2/tenant", {
    headers: { ...bearer(credential), ...(address ? { "cf-connecting-ip": address } : {}) },
  });

export { startOfWindow };

/** Sends AUTH_FAILURE_LIMIT failures from `address` (unknown keys unless given), each a 401. */
export async function failAtLimit(address: string, credential = unknownLegacyKey): Promise<void> {
  for (let i = 0; i < AUTH_FAILURE_LIMIT; i++) {
    const response = await from(address, credential());
    expect(response.status).toBe(401);
  }
}

/** Asserts the 429 of a blocked address. */
export async function expectBlocked(response: Response): Promise<void> {
  expect(response.status).toBe(429);
  expect(response.headers.get("retry-after")).toBe("60");
  expect((await readProblem(response)).code).toBe("rate_limited");
}

/** Blocks a fresh address (AUTH_FAILURE_LIMIT failures, then one more answered 429) and returns it. */
export async function blockedAddress(): Promise<string> {
  const address = freshAddress();
  await startOfWindow();
  await failAtLimit(address);
  await expectBlocked(await from(address, unknownLegacyKey()));
  return address;
}
