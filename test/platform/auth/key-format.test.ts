/**
 * The tagged API key format: `sk_<mode>_` + base64url(32 random bytes ‖ 16-byte HMAC tag). A
 * forged tag costs no lookup and counts as a failure; a genuine tagged key passes an address
 * blocked for a stranger's failures; legacy keys keep working as before.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { AUTH_FAILURE_LIMIT } from "../../../src/platform/auth/address-limit";
import {
  API_KEY_PATTERN,
  apiKeyMacSecrets,
  generateApiKey,
  hashApiKey,
  verifyApiKeyMac,
} from "../../../src/platform/auth/api-keys";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, type TestTenant } from "../../helpers/tenant";
import {
  blockedAddress,
  expectBlocked,
  forgedKey,
  freshAddress,
  from,
  insertLegacyKey,
  queriesOf,
  startOfWindow,
  unknownLegacyKey,
} from "./pre-auth-fixtures";

const secrets = apiKeyMacSecrets({
  API_KEY_MAC_KEY: env.API_KEY_MAC_KEY,
  API_KEY_MAC_KEY_PREVIOUS: undefined,
});
const otherSecret = btoa("o".repeat(32));

/** Revokes a key through the API (which forgets it in this isolate at once). */
async function revoke(tenant: TestTenant, id: string): Promise<void> {
  const response = await call(`/v2/api-keys/${id}`, {
    method: "DELETE",
    headers: bearer(tenant.adminKey),
  });
  expect(response.status).toBe(200);
}

describe("issued keys", () => {
  it("are sk_<mode>_ + 64 base64url characters with a tag that verifies; prefix and hash as before", async () => {
    for (let i = 0; i < 200; i++) {
      const mode = i % 2 ? "live" : "test";
      const { key, prefix, hash } = await generateApiKey(mode);
      expect(key).toMatch(new RegExp(`^sk_${mode}_[A-Za-z0-9_-]{64}$`));
      expect(await verifyApiKeyMac(key, secrets)).toBe("current");
      expect(prefix).toBe(key.slice(0, 12));
      expect(hash).toBe(await hashApiKey(key));
    }
  });

  it("through the API too: provisioning's first key and POST /v2/api-keys", async () => {
    const tenant = await createTestTenant();
    for (const key of [tenant.adminKey, tenant.viewerKey]) {
      expect(key).toMatch(API_KEY_PATTERN);
      expect(await verifyApiKeyMac(key, secrets)).toBe("current");
    }
  });

  it("changing any character, the mode included, breaks the tag", async () => {
    const { key } = await generateApiKey("live");
    expect(await verifyApiKeyMac(key.replace("sk_live_", "sk_test_"), secrets)).toBeNull();
    for (let at = 8; at < key.length; at++) {
      const swapped = key[at] === "A" ? "B" : "A";
      const changed = `${key.slice(0, at)}${swapped}${key.slice(at + 1)}`;
      expect(await verifyApiKeyMac(changed, secrets), `character ${at}`).toBeNull();
    }
  });

  it("a tag made under another secret does not verify", async () => {
    const { key } = await generateApiKey("live", otherSecret);
    expect(await verifyApiKeyMac(key, secrets)).toBeNull();
    expect(await verifyApiKeyMac(key, { current: otherSecret })).toBe("current");
  });
});

describe("forged tags", () => {
  it("are refused (401) with no database query", async () => {
    const response = await from(undefined, forgedKey());
    expect(response.status).toBe(401);
    expect((await readProblem(response)).code).toBe("unauthenticated");
    expect(queriesOf(response)).toBe(0);
  });

  it("count as failures of the address, and get 429 while it is blocked, never a lookup", async () => {
    const address = freshAddress();
    await startOfWindow();
    for (let i = 0; i < AUTH_FAILURE_LIMIT; i++) {
      const response = await from(address, forgedKey());
      expect(response.status).toBe(401);
      expect(queriesOf(response)).toBe(0);
    }
    const over = await from(address, forgedKey());
    await expectBlocked(over);
    expect(queriesOf(over)).toBe(0);
    const blocked = await from(address, forgedKey());
    await expectBlocked(blocked);
    expect(queriesOf(blocked)).toBe(0);
  });
});

describe("a blocked address and genuine tagged keys", () => {
  it("serves a freshly created key of another tenant, never used in this isolate (the lockout)", async () => {
    // A stranger's failures block the address first; the other tenant does not exist yet.
    const address = await blockedAddress();
    const other = await createTestTenant();
    const fresh = await other.createKey("viewer", "created after the block");
    expect((await from(address, fresh.key)).status).toBe(200);
    expect((await from(address, other.adminKey)).status).toBe(200);
    // The block still holds for anything else.
    await expectBlocked(await from(address, unknownLegacyKey()));
    await expectBlocked(await from(address, forgedKey()));
  });

  it("a tagged key the lookup refuses (revoked) is 401 and counted; while blocked it is looked up, then 429", async () => {
    const tenant = await createTestTenant();
    const revoked = await tenant.createKey("viewer", "revoked");
    await revoke(tenant, revoked.id);

    const address = freshAddress();
    await startOfWindow();
    const first = await from(address, revoked.key);
    expect(first.status).toBe(401);
    expect(queriesOf(first)).toBeGreaterThan(0);
    for (let i = 1; i < AUTH_FAILURE_LIMIT; i++) {
      expect((await from(address, revoked.key)).status).toBe(401);
    }
    // The limit's 20 failures were all this revoked key's: the next one goes over.
    await expectBlocked(await from(address, revoked.key));

    // Another revoked key passes the block's check by its tag, is looked up, and is refused.
    const another = await tenant.createKey("viewer", "revoked too");
    await revoke(tenant, another.id);
    const response = await from(address, another.key);
    await expectBlocked(response);
    expect(queriesOf(response)).toBeGreaterThan(0);
  });
});

describe("legacy (untagged) keys", () => {
  it("still authenticate, from any address", async () => {
    const tenant = await createTestTenant();
    const legacy = await insertLegacyKey(tenant.id, "admin");
    expect(legacy).not.toMatch(API_KEY_PATTERN);
    expect((await from(undefined, legacy)).status).toBe(200);
    expect((await from(freshAddress(), legacy)).status).toBe(200);
  });
});

describe("rotating API_KEY_MAC_KEY", () => {
  const rotated = { API_KEY_MAC_KEY: otherSecret, API_KEY_MAC_KEY_PREVIOUS: env.API_KEY_MAC_KEY };
  const fromWith = (bindings: Partial<typeof env>, address: string | undefined, key: string) =>
    call(
      "/v2/tenant",
      { headers: { ...bearer(key), ...(address ? { "cf-connecting-ip": address } : {}) } },
      bindings,
    );

  let tenant: TestTenant;
  beforeAll(async () => {
    tenant = await createTestTenant();
  });

  it("keys tagged with the previous secret keep working and pass a block", async () => {
    const key = (await tenant.createKey("viewer")).key;
    expect((await fromWith(rotated, undefined, key)).status).toBe(200);
    const address = await blockedAddress();
    expect((await fromWith(rotated, address, key)).status).toBe(200);
  });

  it("once the previous secret is removed, its keys are refused like forged ones (no lookup)", async () => {
    const key = (await tenant.createKey("viewer")).key;
    const response = await fromWith({ API_KEY_MAC_KEY: otherSecret }, undefined, key);
    expect(response.status).toBe(401);
    expect(queriesOf(response)).toBe(0);
  });
});
