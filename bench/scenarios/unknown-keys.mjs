// Abuse before authentication: what 1,000 requests with random, well-formed but unknown API keys
// (100 with --smoke) cost the database. Every key is distinct, so a per-key negative cache alone
// cannot help; what bounds the cost is the pre-authentication limit per client address. The
// queries are summed from each response's Server-Timing `db;desc="N queries"`.
import { randomBytes } from "node:crypto";

// One client address for the whole run (wrangler dev keeps a CF-Connecting-IP the client sends;
// Cloudflare's edge overwrites it): a documentation address, so the run's block does not touch
// the other scenarios' clients on 127.0.0.1.
const ATTACKER = "198.51.100.23";
const CONCURRENCY = 10;

/**
 * A key of the legacy format (`sk_live_` + base64url of 32 random bytes, canonical): the costly
 * case, as only a lookup can refuse it. A made-up key of the tagged format is refused by its HMAC
 * tag with no query at all (test/platform/auth/key-format.test.ts).
 */
const randomKey = () => `sk_live_${randomBytes(32).toString("base64url")}`;

function queriesOf(response) {
  const match = /db;[^,]*desc="(\d+) queries"/.exec(response.headers.get("server-timing") ?? "");
  return match ? Number(match[1]) : 0;
}

/** @type {import("../lib/scenario.mjs").Scenario[]} */
export const scenarios = [
  {
    name: "unknown-keys",
    description:
      "database queries for 1,000 requests with random unknown API keys from one address (100 with --smoke)",
    run: async (ctx) => {
      const total = ctx.smoke ? 100 : 1_000;
      const statuses = {};
      const queriesByStatus = {};
      let queries = 0;
      let sent = 0;
      const started = performance.now();
      const worker = async () => {
        while (sent < total) {
          sent++;
          const response = await ctx.api("/v2/tenant", {
            apiKey: randomKey(),
            headers: { "cf-connecting-ip": ATTACKER },
          });
          await response.arrayBuffer();
          const used = queriesOf(response);
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          queriesByStatus[response.status] = (queriesByStatus[response.status] ?? 0) + used;
          queries += used;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      const seconds = (performance.now() - started) / 1000;
      return {
        requests: total,
        db_queries: queries,
        status_codes: statuses,
        db_queries_by_status: queriesByStatus,
        duration_s: Math.round(seconds * 100) / 100,
        summary: [
          `unknown-keys: ${total} requests with random unknown API keys from ${ATTACKER} → ` +
            `${queries} database queries (${(queries / total).toFixed(2)} per request), ` +
            `statuses ${JSON.stringify(statuses)}, queries by status ${JSON.stringify(queriesByStatus)}, ` +
            `${seconds.toFixed(1)} s`,
        ],
      };
    },
  },
];
