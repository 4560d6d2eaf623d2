import { env, listDurableObjectIds, runInDurableObject } from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { MINUTE_MS } from "../../../src/platform/observability/traffic";
import { type TrafficIndex, trafficIndex } from "../../../src/platform/observability/traffic-index";
import { insertTenant, withOwnerSql } from "../../helpers/db";
import { call } from "../../helpers/http";
import { bearer, operator, provisionTenant } from "../../helpers/tenant";

interface Listed {
  tenant: { id: string };
  source: string;
  requests: number;
}

async function list(window = "1h"): Promise<Listed[]> {
  const response = await call(`/admin/ops/tenants?window=${window}`, { headers: operator() });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: Listed[] }).data;
}

describe("traffic index behind the ops list", () => {
  it("lists an idle tenant with zero traffic without waking its object, and an active one exactly", async () => {
    const idle = await withOwnerSql((sql) => insertTenant(sql));
    const active = await provisionTenant();
    for (let i = 0; i < 3; i++) {
      const r = await call("/v2/api-keys?limit=1", { headers: bearer(active.adminKey) });
      expect(r.status).toBe(200);
    }

    // The tenant's object reports to the index after answering: the list shows it within moments.
    await vi.waitFor(
      async () => {
        const data = await list();
        expect(data.find((f) => f.tenant.id === active.id)).toMatchObject({
          source: "durable_object",
          requests: 3,
        });
        expect(data.find((f) => f.tenant.id === idle)).toMatchObject({
          source: "durable_object",
          requests: 0,
        });
      },
      { timeout: 5_000, interval: 100 },
    );

    const created = (await listDurableObjectIds(env.RATE_LIMITER)).map((id) => id.toString());
    expect(created).toContain(env.RATE_LIMITER.idFromName(active.id).toString());
    expect(created).not.toContain(env.RATE_LIMITER.idFromName(idle).toString());
  });

  it("keeps a tenant for its window only, and forgets it after 24 hours", async () => {
    const index = trafficIndex(env);
    const now = Math.floor(Date.now() / MINUTE_MS);
    const recent = `ten_recent_${crypto.randomUUID()}`;
    const old = `ten_old_${crypto.randomUUID()}`;
    await index.seen(recent, now - 4);
    await index.seen(recent, now - 10); // an older report never moves a tenant back
    await index.seen(old, now - 24 * 60 - 5);

    expect(await index.activeSince(5, now)).toContain(recent);
    expect(await index.activeSince(4, now)).not.toContain(recent);
    expect(await index.activeSince(24 * 60, now)).not.toContain(old);

    // The next report of a new minute prunes rows older than the retention.
    await index.seen(recent, now + 1);
    const stored = await runInDurableObject(index, (_i: TrafficIndex, state) =>
      state.storage.sql
        .exec<{ tenant_id: string }>(
          "SELECT tenant_id FROM seen WHERE tenant_id IN (?, ?)",
          recent,
          old,
        )
        .toArray()
        .map((row) => row.tenant_id),
    );
    expect(stored).toEqual([recent]);
  });
});
