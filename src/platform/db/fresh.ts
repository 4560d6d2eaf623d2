import { sql } from "drizzle-orm";

/**
 * A condition every row meets, written with `now()`. Hyperdrive's query cache may answer a
 * read-only statement from a copy up to a minute old (plus stale-while-revalidate), but never one
 * that calls a function Postgres marks volatile or stable, and `now()` is stable. A read that the
 * contract needs current (credentials and their revocation, tenant status and suspension,
 * idempotency records) carries it, so it always reaches the database, whatever the Hyperdrive
 * configuration's caching. docs/latency.md lists which reads may be cached and why.
 */
export const uncachedRead = sql`now() is not null`;
