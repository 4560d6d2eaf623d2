import { DurableObject } from "cloudflare:workers";
import type { Env } from "../../env";

/** A finished request's response, as replayed. */
export interface StoredResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/** Answer of {@link IdempotencyStore.begin}. */
export type BeginResult =
  | { state: "acquired"; token: string }
  | { state: "in_flight"; retryAfterMs: number }
  | { state: "mismatch" }
  | { state: "replay"; response: StoredResponse };

interface EntryRow extends Record<string, SqlStorageValue> {
  credential: string;
  key: string;
  fingerprint: string;
  token: string | null;
  locked_until: number;
  response: string | null;
  expires_at: number;
}

/** How long a key is remembered after its first request. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/**
 * Per-tenant idempotency locks and replays (one object per tenant): the fast path. Entries are
 * keyed by credential and key, so one credential's key never answers another credential. `begin`
 * serializes requests with the same key (a lock with an expiry, so a crashed request cannot hold
 * a key forever) and replays finished ones without touching Postgres. Losing this state is safe:
 * the Postgres record written in the mutation's transaction still decides (see middleware.ts).
 */
export class IdempotencyStore extends DurableObject<Env> {
  /** The object's clock; tests move it (through `runInDurableObject`) instead of sleeping. */
  now: () => number = () => Date.now();
  #alarmPending = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // `entries` (keyed by key alone) predates per-credential keys: its rows could answer another
    // credential, so they are dropped; the Postgres records decide while the new table fills.
    ctx.storage.sql.exec(`
      DROP TABLE IF EXISTS entries;
      CREATE TABLE IF NOT EXISTS credential_entries (
        credential TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, token TEXT,
        locked_until INTEGER NOT NULL, response TEXT, expires_at INTEGER NOT NULL,
        PRIMARY KEY (credential, key)
      );
      CREATE INDEX IF NOT EXISTS credential_entries_expires_at ON credential_entries (expires_at);
    `);
  }

  /** Liveness probe for /health/ready. */
  async ping(): Promise<"pong"> {
    return "pong";
  }

  /**
   * Starts a request with `key`: the lock (`acquired`, with the token that completes or releases
   * it), the finished response (`replay`), `in_flight` while another holds a live lock, or
   * `mismatch` when the key was used for another method, path or body.
   */
  async begin(
    credential: string,
    key: string,
    fingerprint: string,
    lockMs: number,
  ): Promise<BeginResult> {
    const now = this.now();
    const sql = this.ctx.storage.sql;
    let row = sql
      .exec<EntryRow>(
        "SELECT * FROM credential_entries WHERE credential = ? AND key = ?",
        credential,
        key,
      )
      .toArray()[0];
    if (row && row.expires_at <= now) {
      sql.exec("DELETE FROM credential_entries WHERE credential = ? AND key = ?", credential, key);
      row = undefined;
    }
    if (row && row.fingerprint !== fingerprint) return { state: "mismatch" };
    if (row?.response) return { state: "replay", response: JSON.parse(row.response) };
    if (row && row.locked_until > now) {
      return { state: "in_flight", retryAfterMs: row.locked_until - now };
    }
    // New key, or a lock whose holder vanished: take it (Postgres still guards the effect).
    const token = crypto.randomUUID();
    sql.exec(
      `INSERT INTO credential_entries
         (credential, key, fingerprint, token, locked_until, response, expires_at)
       VALUES (?, ?, ?, ?, ?, NULL, ?)
       ON CONFLICT (credential, key) DO UPDATE
         SET token = excluded.token, locked_until = excluded.locked_until`,
      credential,
      key,
      fingerprint,
      token,
      now + lockMs,
      row?.expires_at ?? now + IDEMPOTENCY_TTL_MS,
    );
    await this.#ensureAlarm(now);
    return { state: "acquired", token };
  }

  /** Records the final response of a key (from the request, or read back from Postgres). */
  async complete(
    credential: string,
    key: string,
    fingerprint: string,
    response: StoredResponse,
    expiresAt: number,
  ): Promise<void> {
    this.ctx.storage.sql.exec(
      `INSERT INTO credential_entries
         (credential, key, fingerprint, token, locked_until, response, expires_at)
       VALUES (?, ?, ?, NULL, 0, ?, ?)
       ON CONFLICT (credential, key) DO UPDATE SET fingerprint = excluded.fingerprint,
         token = NULL, locked_until = 0, response = excluded.response,
         expires_at = excluded.expires_at`,
      credential,
      key,
      fingerprint,
      JSON.stringify(response),
      expiresAt,
    );
    await this.#ensureAlarm(this.now());
  }

  /** Frees a key whose request ended without a stored response (a rolled-back 5xx). */
  async release(credential: string, key: string, token: string): Promise<void> {
    this.ctx.storage.sql.exec(
      `DELETE FROM credential_entries
       WHERE credential = ? AND key = ? AND token = ? AND response IS NULL`,
      credential,
      key,
      token,
    );
  }

  /** Removes expired keys; reschedules itself for the next expiry while keys remain. */
  override async alarm(): Promise<void> {
    const now = this.now();
    this.#alarmPending = false;
    const sql = this.ctx.storage.sql;
    sql.exec("DELETE FROM credential_entries WHERE expires_at <= ?", now);
    const next = sql
      .exec<{ at: number | null }>("SELECT min(expires_at) AS at FROM credential_entries")
      .one().at;
    if (next !== null) {
      await this.ctx.storage.setAlarm(Math.max(next, now) + 1_000);
      this.#alarmPending = true;
    }
  }

  async #ensureAlarm(now: number): Promise<void> {
    if (this.#alarmPending) return;
    if ((await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(now + IDEMPOTENCY_TTL_MS + 1_000);
    }
    this.#alarmPending = true;
  }
}
