#!/usr/bin/env node
// The error-rate gate of a gradual production deploy: while the new version takes a share of the
// traffic (10 %), is it answering 5xx fast enough to burn the availability budget at the fast page
// rate? Reads the request data points of Analytics Engine through its SQL API.
//
// The data points carry no version, so the new version's 5xx ratio is inferred: the ratio since
// the split (both versions, the new one at CANARY_PERCENT) against the same span just before it
// (old version only): new ≈ before + (since − before) / share. It fails when that exceeds the
// first burn-rate tier of ops/slo.json (14.4 × the strictest availability budget: 1.44 %). With
// fewer than CANARY_MIN_REQUESTS requests since the split there is nothing to judge and it passes
// (saying so): the smoke test, pinned to the new version, is then the gate.
//
// Environment: CF_ACCOUNT_ID, CF_ANALYTICS_TOKEN (Account Analytics: Read), CANARY_SINCE (unix
// seconds of the split), optional CANARY_PERCENT (10), CANARY_MIN_REQUESTS (200),
// ANALYTICS_DATASET (shelfwise_requests), CF_API_BASE (the API's address; tests point it at a stub).
// Exit 0: promote; 1: roll back; 2: usage error or no answer from the API (also rolls back).
import { readFileSync } from "node:fs";

function fail(code, message) {
  console.error(`canary: ${message}`);
  process.exit(code);
}

function number(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === "") {
    if (fallback === undefined) fail(2, `${name} is not set`);
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) fail(2, `${name} is not a number: ${raw}`);
  return value;
}

/** The error ratio over which the new version fails: the first (fastest) burn-rate tier. */
function limitFromSlos() {
  const config = JSON.parse(readFileSync(new URL("../ops/slo.json", import.meta.url), "utf8"));
  const targets = config.slos
    .filter((slo) => slo.source === "analytics_engine" && slo.availability !== undefined)
    .map((slo) => slo.availability);
  const tier = config.burn_rate_alerts[0];
  const strictest = Math.max(...targets);
  return { limit: Number((tier.burn_rate * (1 - strictest)).toPrecision(6)), tier, strictest };
}

/** The decision, from the counts: `{ promote, reason }`. */
function judge({ before, since, share, limit, minRequests }) {
  const ratio = (c) => (c.requests > 0 ? c.errors / c.requests : 0);
  if (since.requests < minRequests) {
    return {
      promote: true,
      reason: `${since.requests} requests since the split (< ${minRequests}): too few to judge; the smoke test is the gate`,
    };
  }
  const beforeRatio = ratio(before);
  const sinceRatio = ratio(since);
  const newRatio = Math.max(0, beforeRatio + (sinceRatio - beforeRatio) / share);
  const figures = `5xx before ${(beforeRatio * 100).toFixed(3)} % of ${before.requests}, since ${(sinceRatio * 100).toFixed(3)} % of ${since.requests}, new version ≈ ${(newRatio * 100).toFixed(3)} % (limit ${(limit * 100).toFixed(3)} %)`;
  return { promote: newRatio <= limit, reason: figures };
}

async function main() {
  const account = process.env.CF_ACCOUNT_ID || fail(2, "CF_ACCOUNT_ID is not set");
  const token = process.env.CF_ANALYTICS_TOKEN || fail(2, "CF_ANALYTICS_TOKEN is not set");
  const splitAt = Math.floor(number("CANARY_SINCE"));
  const share = number("CANARY_PERCENT", 10) / 100;
  if (!(share > 0 && share <= 1)) fail(2, "CANARY_PERCENT must be in (0, 100]");
  const minRequests = number("CANARY_MIN_REQUESTS", 200);
  const dataset = process.env.ANALYTICS_DATASET || "shelfwise_requests";
  if (!/^\w+$/.test(dataset)) fail(2, `ANALYTICS_DATASET is not a dataset name: ${dataset}`);
  const apiBase = process.env.CF_API_BASE || "https://api.cloudflare.com/client/v4";
  const now = Math.floor(Date.now() / 1000);
  const span = Math.max(60, now - splitAt);
  const { limit, tier, strictest } = limitFromSlos();

  // Health checks are not traffic; both spans are the same length.
  const sql = `SELECT
  sumIf(_sample_interval, timestamp >= toDateTime(${splitAt})) AS since_requests,
  sumIf(_sample_interval, timestamp >= toDateTime(${splitAt}) AND double7 >= 500) AS since_errors,
  sumIf(_sample_interval, timestamp < toDateTime(${splitAt})) AS before_requests,
  sumIf(_sample_interval, timestamp < toDateTime(${splitAt}) AND double7 >= 500) AS before_errors
FROM ${dataset}
WHERE blob1 = 'request' AND blob5 != 'health' AND timestamp >= toDateTime(${splitAt - span})
FORMAT JSON`;

  let body;
  try {
    const response = await fetch(`${apiBase}/accounts/${account}/analytics_engine/sql`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: sql,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    if (!response.ok) fail(2, `the SQL API answered ${response.status}: ${text.slice(0, 300)}`);
    body = JSON.parse(text);
  } catch (error) {
    fail(2, `the SQL API could not be read: ${error.message}`);
  }
  const row = body?.data?.[0] ?? {};
  const counts = (prefix) => ({
    requests: Number(row[`${prefix}_requests`] ?? 0),
    errors: Number(row[`${prefix}_errors`] ?? 0),
  });
  const verdict = judge({
    before: counts("before"),
    since: counts("since"),
    share,
    limit,
    minRequests,
  });
  console.log(
    `canary: ${span} s at ${share * 100} %, limit ${tier.burn_rate}x the ${Number(((1 - strictest) * 100).toPrecision(6))} % budget: ${verdict.reason}`,
  );
  if (!verdict.promote)
    fail(1, "the new version burns the availability budget too fast: roll back");
  console.log("canary: promote");
}

await main();
