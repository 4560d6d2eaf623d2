/**
 * Abuse before authentication: unknown credentials cost at most one lookup each (negative cache,
 * impossible keys none), and an address with too many failed authentications gets 429 before
 * any lookup, without locking out the valid credentials of others behind it. The tagged key
 * format's part of this (forged tags, tagged keys through a block) is in key-format.test.ts.
 */
import { base64url, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { isIssuableLegacyApiKey } from "../../../src/platform/auth/api-keys";
import { readProblem } from "../../helpers/http";
import { createTestTenant, type TestTenant } from "../../helpers/tenant";
import {
  blockedAddress,
  expectBlocked,
  failAtLimit,
  freshAddress,
  from,
  insertLegacyKey,
  queriesOf,
  startOfWindow,
  unknownLegacyKey,
} from "./pre-auth-fixtures";

describe("negative caches and impossible keys", () => {
  it("every legacy key (base64url of 32 random bytes) is canonical, so the format check refuses none", () => {
    for (let i = 0; i < 500; i++) {
      const key = `sk_${i % 2 ? "live" : "test"}_${base64url.encode(crypto.getRandomValues(new Uint8Array(32)))}`;
      expect(isIssuableLegacyApiKey(key)).toBe(true);
    }
  });

  it("an impossible legacy key (non-canonical last character) is refused without a lookup", async () => {
    const key = `${unknownLegacyKey().slice(0, -1)}B`;
    const response = await from(undefined, key);
    expect(response.status).toBe(401);
    expect((await readProblem(response)).code).toBe("unauthenticated");
    expect(queriesOf(response)).toBe(0);
  });

  it("an unknown legacy key costs one lookup, then none while its miss is cached", async () => {
    const key = unknownLegacyKey();
    const first = await from(undefined, key);
    expect(first.status).toBe(401);
    expect(queriesOf(first)).toBeGreaterThan(0);
    const second = await from(undefined, key);
    expect(second.status).toBe(401);
    expect(queriesOf(second)).toBe(0);
  });

  it("an unknown JWT issuer costs one lookup, then none", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const token = await new SignJWT({ roles: ["admin"] })
      .setProtectedHeader({ alg: "ES256", kid: "k" })
      .setIssuer(`https://nobody.test/${crypto.randomUUID()}`)
      .setAudience("shelfwise-api")
      .setSubject("u")
      .setExpirationTime("5m")
      .sign(privateKey);
    const first = await from(undefined, token);
    expect(first.status).toBe(401);
    expect(queriesOf(first)).toBeGreaterThan(0);
    const second = await from(undefined, token);
    expect(second.status).toBe(401);
    expect(queriesOf(second)).toBe(0);
  });
});

describe("pre-authentication limit per client address", () => {
  let tenant: TestTenant;

  beforeAll(async () => {
    tenant = await createTestTenant();
  });

  it("after the limit's failures, 429 with Retry-After before any lookup", async () => {
    const address = await blockedAddress();
    for (let i = 0; i < 5; i++) {
      const response = await from(address, unknownLegacyKey());
      await expectBlocked(response);
      expect(queriesOf(response)).toBe(0);
    }
    // Other addresses are not affected.
    expect((await from(freshAddress(), unknownLegacyKey())).status).toBe(401);
  });

  it("a blocked address still serves legacy keys seen valid lately; a legacy key new to the isolate waits", async () => {
    const known = await insertLegacyKey(tenant.id);
    const address = freshAddress();
    expect((await from(address, known)).status).toBe(200);
    await startOfWindow();
    await failAtLimit(address);
    await expectBlocked(await from(address, unknownLegacyKey()));

    expect((await from(address, known)).status).toBe(200);
    const fresh = await insertLegacyKey(tenant.id);
    const waiting = await from(address, fresh);
    await expectBlocked(waiting);
    expect(queriesOf(waiting)).toBe(0);
    expect((await from(freshAddress(), fresh)).status).toBe(200);
  });

  it("IPv6 clients are counted per /64", async () => {
    const [a = 0, b = 0] = crypto.getRandomValues(new Uint16Array(2));
    const prefix = `2001:db8:${a.toString(16)}:${b.toString(16)}`;
    await startOfWindow();
    await failAtLimit(`${prefix}::1`);
    await expectBlocked(await from(`${prefix}::2`, unknownLegacyKey()));
    await expectBlocked(await from(`${prefix}:ffff:ffff:ffff:ffff`, unknownLegacyKey()));
    expect(
      (await from(`${prefix.replace("2001:db8", "2001:db9")}::1`, unknownLegacyKey())).status,
    ).toBe(401);
  });
});
