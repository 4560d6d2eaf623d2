import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import {
  analyticsDataset,
  tenantTrafficFromSql,
  tenantTrafficSql,
} from "../../../src/features/ops/analytics-sql";

/**
 * The SQL API is Cloudflare's account API (no local equivalent in miniflare): these tests pin the
 * request we send and how the answer is read, with a recording fetch in place of the network.
 */
function recordingFetch(answer: () => Response) {
  const requests: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetcher = (async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(url), init });
    return answer();
  }) as typeof fetch;
  return { fetcher, requests };
}

const configured = { ...env, CF_ACCOUNT_ID: "acc123", CF_ANALYTICS_TOKEN: "tok_secret" };

describe("Analytics Engine SQL API figures", () => {
  it("asks the account's SQL API for sample-weighted per-tenant totals and reads them", async () => {
    const { fetcher, requests } = recordingFetch(() =>
      Response.json({
        meta: [],
        data: [
          {
            tenant_id: "ten_a",
            requests: "1200",
            server_errors: "30",
            client_errors: 44,
            rate_limited: "12",
          },
          { tenant_id: "ten_b", requests: 5, server_errors: 0, client_errors: 0, rate_limited: 0 },
        ],
        rows: 2,
      }),
    );
    const result = await tenantTrafficFromSql(configured, 1440, undefined, fetcher);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe(
      "https://api.cloudflare.com/client/v4/accounts/acc123/analytics_engine/sql",
    );
    expect(new Headers(requests[0]?.init?.headers).get("authorization")).toBe("Bearer tok_secret");
    const sql = String(requests[0]?.init?.body);
    expect(sql).toContain("FROM shelfwise_requests");
    expect(sql).toContain("SUM(_sample_interval)");
    expect(sql).toContain("INTERVAL '1440' MINUTE");
    expect(sql).toContain("FORMAT JSON");
    expect(result?.get("ten_a")).toEqual({
      tenantId: "ten_a",
      requests: 1200,
      serverErrors: 30,
      clientErrors: 44,
      rateLimited: 12,
    });
    expect(result?.size).toBe(2);
  });

  it("is not called without credentials, and an error answer means no figures (the caller falls back)", async () => {
    const unused = recordingFetch(() => Response.json({ data: [] }));
    expect(await tenantTrafficFromSql(env, 1440, undefined, unused.fetcher)).toBeNull();
    expect(unused.requests).toHaveLength(0);

    const refused = recordingFetch(() => new Response("forbidden", { status: 403 }));
    expect(await tenantTrafficFromSql(configured, 1440, undefined, refused.fetcher)).toBeNull();

    const broken = (async () => {
      throw new TypeError("network down");
    }) as typeof fetch;
    expect(await tenantTrafficFromSql(configured, 1440, undefined, broken)).toBeNull();
  });

  it("filters one tenant and refuses a dataset name that is not an identifier", () => {
    expect(tenantTrafficSql("shelfwise_requests", 60, "ten_x'--")).toContain(
      "AND index1 = 'ten_x--'",
    );
    expect(analyticsDataset({ ...env, ANALYTICS_DATASET: "shelfwise_requests_staging" })).toBe(
      "shelfwise_requests_staging",
    );
    expect(() => analyticsDataset({ ...env, ANALYTICS_DATASET: "x; DROP" })).toThrow();
  });
});
