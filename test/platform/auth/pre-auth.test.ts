/**
 * Abuse before authentication: unknown credentials cost at most one lookup each (negative cache,
 * impossible keys none), and an address with too many failed authentications gets 429 before
 * any lookup, without locking out the valid credentials of others behind it.
 */
import { base64url, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { AUTH_FAILURE_LIMIT } from "../../../src/platform/auth/address-limit";
import { generateApiKey, isIssuableApiKey } from "../../../src/platform/auth/api-keys";
import { call, readProblem } from "../../helpers/http";
import { bearer, createTestTenant, type TestTenant } from "../../helpers/tenant";

/** The query count a response reports in Server-Timing (`db;…;desc="N queries"`). */
function queriesOf(response: Response): number {
  const match = /desc="(\d+) queries"/.exec(response.headers.get("server-timing") ?? "");
  if (!match) throw new Error("no Server-Timing query count");
  return Number(match[1]);
}

/** A key of the issued format that matches nothing. */
const unknownKey = () => `sk_live_${base64url.encode(crypto.getRandomValues(new Uint8Array(32)))}`;

/** A client address no other test uses (the limiter's counts live as long as the test run). */
const freshAddress = () => {
  const [a = 0, b = 0, c = 0] = crypto.getRandomValues(new Uint8Array(3));
  return `100.${a}.${b}.${c}`;
};

const from = (address: string | undefined, credential: string) =>
  call("/v2/tenant", {
    headers: { ...bearer(credential), ...(address ? { "cf-connecting-ip": address } : {}) },
  });

/**
 * The local limiter counts in fixed 60 s windows: start a sequence early in one, so its counts
 * are not split by a window's end.
 */
async function startOfWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 200));
}

/** Sends AUTH_FAILURE_LIMIT failures from `address`, each a 401. */
async function failAtLimit(address: string): Promise<void> {
  for (let i = 0; i < AUTH_FAILURE_LIMIT; i++) {
    const response = await from(address, unknownKey());
    expect(response.status).toBe(401);
  }
}

async function expectBlocked(response: Response) {
  expect(response.status).toBe(429);
  expect(response.headers.get("retry-after")).toBe("60");
  expect((await readProblem(response)).code).toBe("rate_limited");
}

describe("negative caches and impossible keys", () => {
  it("every issued key is canonical base64url, so the format check refuses none", async () => {
    for (let i = 0; i < 500; i++) {
      const { key } = await generateApiKey(i % 2 ? "live" : "test");
      expect(isIssuableApiKey(key)).toBe(true);
    }
  });

  it("an impossible key (non-canonical last character) is refused without a lookup", async () => {
    const key = `${unknownKey().slice(0, -1)}B`;
    const response = await from(undefined, key);
    expect(response.status).toBe(401);
    expect((await readProblem(response)).code).toBe("unauthenticated");
    expect(queriesOf(response)).toBe(0);
  });

  it("an unknown key costs one lookup, then none while its miss is cached", async () => {
    const key = unknownKey();
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

  it(`after ${AUTH_FAILURE_LIMIT} failures, 429 with Retry-After before any lookup`, async () => {
    const address = freshAddress();
    await startOfWindow();
    await failAtLimit(address);
    // The failure that goes over the limit was looked up; it is answered 429 all the same.
    await expectBlocked(await from(address, unknownKey()));
    for (let i = 0; i < 5; i++) {
      const response = await from(address, unknownKey());
      await expectBlocked(response);
      expect(queriesOf(response)).toBe(0);
    }
    // Other addresses are not affected.
    expect((await from(freshAddress(), unknownKey())).status).toBe(401);
  });

  it("a blocked address still serves keys seen valid lately; a key new to the isolate waits", async () => {
    const address = freshAddress();
    expect((await from(address, tenant.adminKey)).status).toBe(200);
    await startOfWindow();
    await failAtLimit(address);
    await expectBlocked(await from(address, unknownKey()));

    expect((await from(address, tenant.adminKey)).status).toBe(200);
    const fresh = await tenant.createKey("viewer", "never used here");
    await expectBlocked(await from(address, fresh.key));
    expect((await from(freshAddress(), fresh.key)).status).toBe(200);
  });

  it("IPv6 clients are counted per /64", async () => {
    const [a = 0, b = 0] = crypto.getRandomValues(new Uint16Array(2));
    const prefix = `2001:db8:${a.toString(16)}:${b.toString(16)}`;
    await startOfWindow();
    await failAtLimit(`${prefix}::1`);
    await expectBlocked(await from(`${prefix}::2`, unknownKey()));
    await expectBlocked(await from(`${prefix}:ffff:ffff:ffff:ffff`, unknownKey()));
    expect((await from(`${prefix.replace("2001:db8", "2001:db9")}::1`, unknownKey())).status).toBe(
      401,
    );
  });
});
