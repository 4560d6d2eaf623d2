/**
 * A tenant's rolling traffic counters, kept in per-minute buckets inside the tenant's own
 * RateLimiter Durable Object (one object per tenant), so the ops figures are exact across every
 * isolate and location without an external store. 24 hours of buckets are kept (at most 1,440
 * tiny rows per tenant); older ones are dropped as new minutes are written.
 */

/** How a finished request counts. */
export interface TrafficSample {
  status: number;
  rateLimited: boolean;
}

/** Totals over a window. */
export interface TrafficTotals {
  window_minutes: number;
  requests: number;
  /** 5xx responses. */
  server_errors: number;
  /** 4xx responses (including 429s). */
  client_errors: number;
  /** 429 rate_limited responses. */
  rate_limited: number;
}

/** Per-minute counts over a window, oldest minute first (a quiet minute is a zero). */
export interface TrafficSeries {
  /** The first minute, in minutes since the epoch. */
  from_minute: number;
  requests: number[];
  server_errors: number[];
  client_errors: number[];
  rate_limited: number[];
}

export const MINUTE_MS = 60_000;
/** Minutes of history kept. */
export const TRAFFIC_RETENTION_MINUTES = 24 * 60;

/** The SQL side of the counters; the Durable Object owns the storage and the clock. */
export class TrafficLog {
  #minute = 0;

  constructor(private readonly sql: SqlStorage) {
    sql.exec(`
      CREATE TABLE IF NOT EXISTS traffic (
        minute INTEGER PRIMARY KEY,
        requests INTEGER NOT NULL,
        server_errors INTEGER NOT NULL,
        client_errors INTEGER NOT NULL,
        rate_limited INTEGER NOT NULL
      );
    `);
  }

  /**
   * Counts one request in the current minute's bucket (one upsert; pruning once a minute).
   * `countRequest: false` adds only the outcome, for a request already counted by the limiter.
   * Returns the minute when it is the first one this instance records in (else null).
   */
  record(sample: TrafficSample, now: number, countRequest = true): number | null {
    const minute = Math.floor(now / MINUTE_MS);
    const server = sample.status >= 500 ? 1 : 0;
    const client = sample.status >= 400 && sample.status < 500 ? 1 : 0;
    this.sql.exec(
      `INSERT INTO traffic (minute, requests, server_errors, client_errors, rate_limited)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (minute) DO UPDATE SET
         requests = requests + excluded.requests,
         server_errors = server_errors + excluded.server_errors,
         client_errors = client_errors + excluded.client_errors,
         rate_limited = rate_limited + excluded.rate_limited`,
      minute,
      countRequest ? 1 : 0,
      server,
      client,
      sample.rateLimited ? 1 : 0,
    );
    if (minute === this.#minute) return null;
    this.#minute = minute;
    this.sql.exec("DELETE FROM traffic WHERE minute <= ?", minute - TRAFFIC_RETENTION_MINUTES);
    return minute;
  }

  /** Makes the next record report its minute again (its report to the index failed). */
  forgetMinute(): void {
    this.#minute = 0;
  }

  /** Totals of the last `minutes` minutes, the current (partial) minute included. */
  totals(minutes: number, now: number): TrafficTotals {
    const window = Math.max(1, Math.min(TRAFFIC_RETENTION_MINUTES, Math.floor(minutes)));
    const from = Math.floor(now / MINUTE_MS) - window + 1;
    const row = this.sql
      .exec<{ r: number | null; s: number | null; c: number | null; l: number | null }>(
        `SELECT sum(requests) AS r, sum(server_errors) AS s, sum(client_errors) AS c,
                sum(rate_limited) AS l
         FROM traffic WHERE minute >= ?`,
        from,
      )
      .one();
    return {
      window_minutes: window,
      requests: row.r ?? 0,
      server_errors: row.s ?? 0,
      client_errors: row.c ?? 0,
      rate_limited: row.l ?? 0,
    };
  }

  /** The last `minutes` minutes bucket by bucket, the current (partial) minute last. */
  series(minutes: number, now: number): TrafficSeries {
    const window = Math.max(1, Math.min(TRAFFIC_RETENTION_MINUTES, Math.floor(minutes)));
    const from = Math.floor(now / MINUTE_MS) - window + 1;
    const zeros = () => new Array<number>(window).fill(0);
    const out: TrafficSeries = {
      from_minute: from,
      requests: zeros(),
      server_errors: zeros(),
      client_errors: zeros(),
      rate_limited: zeros(),
    };
    const rows = this.sql.exec<{
      minute: number;
      requests: number;
      server_errors: number;
      client_errors: number;
      rate_limited: number;
    }>(
      `SELECT minute, requests, server_errors, client_errors, rate_limited
       FROM traffic WHERE minute >= ? AND minute < ?`,
      from,
      from + window,
    );
    for (const row of rows) {
      const i = row.minute - from;
      out.requests[i] = row.requests;
      out.server_errors[i] = row.server_errors;
      out.client_errors[i] = row.client_errors;
      out.rate_limited[i] = row.rate_limited;
    }
    return out;
  }
}
