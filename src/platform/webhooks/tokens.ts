import type { TenantScope } from "../db";
import type { Candidate, Endpoint, Plans } from "./load";
import { bucketKey, type TokenRequest, takeDeliveryTokens } from "./rate";

/** What the take-tokens stage reads. */
export interface TakeTokensInput {
  candidates: readonly Candidate[];
  /** The tenant's webhook rate, for endpoints without a rate of their own. */
  tenantRate: number;
}

/** One bucket's messages that got a token, to be sent. */
export interface Granted {
  endpoint: Endpoint;
  candidates: Candidate[];
}

/** What the take-tokens stage decided. */
export interface Tokens {
  /** Messages over their endpoint's rate, deferred until their token comes. */
  plans: Plans;
  /** Messages with a token, per bucket (an endpoint's fresh and re-delivery buckets apart). */
  granted: Granted[];
}

/**
 * The take-tokens stage of the load: each endpoint's messages take tokens from its bucket (fresh
 * traffic, or re-deliveries at a quarter of the rate), one statement for all buckets. The
 * messages beyond a bucket's grant come back when their token will be there, without counting
 * as attempts.
 */
export async function takeTokens(scope: TenantScope, input: TakeTokensInput): Promise<Tokens> {
  const buckets = new Map<
    string,
    { endpoint: Endpoint; kind: TokenRequest["kind"]; waiting: Candidate[] }
  >();
  for (const candidate of input.candidates) {
    const { endpoint } = candidate.row;
    const kind = candidate.message.body.redelivery ? "redelivery" : "fresh";
    const key = bucketKey(endpoint.id, kind);
    const bucket = buckets.get(key) ?? { endpoint, kind, waiting: [] };
    bucket.waiting.push(candidate);
    buckets.set(key, bucket);
  }
  const grants = await takeDeliveryTokens(
    scope,
    [...buckets.values()].map(({ endpoint, kind, waiting }) => ({
      endpointId: endpoint.id,
      kind,
      rate: endpoint.ratePerSecond ?? input.tenantRate,
      wanted: waiting.length,
    })),
  );
  const plans: Plans = new Map();
  const granted: Granted[] = [];
  for (const [key, { endpoint, waiting }] of buckets) {
    const grant = grants.get(key) ?? { granted: 0, waitSeconds: () => 1 };
    waiting.slice(grant.granted).forEach(({ message }, i) => {
      plans.set(message, { kind: "defer", waitSeconds: grant.waitSeconds(i + 1) });
    });
    if (grant.granted > 0) granted.push({ endpoint, candidates: waiting.slice(0, grant.granted) });
  }
  return { plans, granted };
}
