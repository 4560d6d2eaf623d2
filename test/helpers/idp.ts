import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { inject } from "vitest";
import { callJson } from "./http";
import { operator } from "./tenant";

/** Bindings that let a JWKS URI on the loopback test IdP be registered and used. */
export const LOOPBACK_IDP = { ALLOW_LOOPBACK_HTTP: "true" } as const;

/** A signing key of a test IdP, with its public JWK as published in the JWKS. */
export interface IdpKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function newIdpKey(alg = "RS256"): Promise<IdpKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const kid = crypto.randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
}

/**
 * A tenant's identity provider served by the test JWKS server (test/jwks-server.ts):
 * `publish` sets the keys it serves, `down`/`up` make it unreachable or not.
 */
export class TestIdp {
  readonly name = `idp-${crypto.randomUUID()}`;
  readonly issuer = `https://idp.test/${this.name}`;
  readonly audience = "shelfwise-api";
  readonly jwksUri = `${inject("jwksServerUrl")}/jwks/${this.name}`;

  async publish(...keys: IdpKey[]): Promise<void> {
    await fetch(this.jwksUri, {
      method: "PUT",
      body: JSON.stringify({ keys: keys.map((k) => k.publicJwk) }),
    });
  }

  async setReachable(reachable: boolean): Promise<void> {
    await fetch(`${this.jwksUri}/${reachable ? "up" : "down"}`, { method: "PUT" });
  }

  async fetchCount(): Promise<number> {
    return Number(await (await fetch(`${this.jwksUri}/hits`)).text());
  }

  /** Registers this IdP as the tenant's (operator API). */
  async registerFor(tenantId: string, rolesClaim = "roles"): Promise<void> {
    const response = await callJson(
      `/admin/tenants/${tenantId}`,
      "PATCH",
      {
        idp: {
          issuer: this.issuer,
          jwks_uri: this.jwksUri,
          audience: this.audience,
          roles_claim: rolesClaim,
        },
      },
      operator(),
      LOOPBACK_IDP,
    );
    if (response.status !== 200)
      throw new Error(`IdP registration failed: ${await response.text()}`);
  }

  /** Signs a token with sensible valid defaults; every field can be overridden. */
  sign(
    key: IdpKey,
    claims: Record<string, unknown> = { roles: ["admin"] },
    options: {
      issuer?: string;
      audience?: string;
      subject?: string;
      expiresIn?: string | number;
      notBefore?: number;
      kid?: string;
      alg?: string;
    } = {},
  ): Promise<string> {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({
        alg: options.alg ?? (key.publicJwk.alg as string),
        kid: options.kid ?? key.kid,
      })
      .setIssuer(options.issuer ?? this.issuer)
      .setAudience(options.audience ?? this.audience)
      .setSubject(options.subject ?? "user-1")
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? "5m");
    if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
    return jwt.sign(key.privateKey);
  }
}
