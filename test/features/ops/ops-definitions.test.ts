/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import dashboard from "../../../ops/grafana/shelfwise-edge-dashboard.json";
import { tenantTrafficSql } from "../../../src/features/ops/analytics-sql";

/** Every Analytics Engine query of ops/ (the Postgres ones live under ops/queries/postgres/). */
const queries = import.meta.glob<string>("../../../ops/queries/*.sql", {
  query: "?raw",
  import: "default",
  eager: true,
});
const alerts = import.meta.glob<string>("../../../ops/grafana/alert-rules.yaml", {
  query: "?raw",
  import: "default",
  eager: true,
});

/** Columns the writers fill, per kind (docs/analytics-schema.md). */
const WRITTEN: Record<string, { blobs: number; doubles: number }> = {
  request: { blobs: 7, doubles: 8 },
  rate_limit: { blobs: 3, doubles: 1 },
  webhook_attempt: { blobs: 4, doubles: 4 },
  webhook_dead_letter: { blobs: 4, doubles: 1 },
  job_dead_letter: { blobs: 4, doubles: 2 },
};

/** Checks one Analytics Engine query against what the Worker writes. */
function checkQuery(name: string, sql: string) {
  const kinds = [...sql.matchAll(/blob1 = '([a-z_]+)'/g)].map((m) => m[1] as string);
  expect(kinds.length, `${name} selects a data point kind`).toBeGreaterThan(0);
  for (const kind of kinds) {
    const written = WRITTEN[kind];
    expect(written, `${name}: unknown kind ${kind}`).toBeDefined();
    for (const m of sql.matchAll(/\bblob(\d+)\b/g)) {
      expect(Number(m[1]), `${name}: blob${m[1]} of ${kind}`).toBeLessThanOrEqual(
        written?.blobs ?? 0,
      );
    }
    for (const m of sql.matchAll(/\bdouble(\d+)\b/g)) {
      expect(Number(m[1]), `${name}: double${m[1]} of ${kind}`).toBeLessThanOrEqual(
        written?.doubles ?? 0,
      );
    }
  }
  expect(sql, `${name} reads the dataset`).toContain("FROM shelfwise_requests");
  // Sampling: counts and quantiles must be weighted, never count() or plain quantiles.
  expect(sql, `${name} weights by _sample_interval`).toContain("_sample_interval");
  expect(sql).not.toMatch(/\bcount\(\)/i);
  expect(sql).not.toMatch(/\bquantile\(/i);
}

describe("ops definitions", () => {
  it("every Analytics Engine query reads documented columns and weights by the sample interval", () => {
    const entries = Object.entries(queries);
    expect(entries.length).toBeGreaterThanOrEqual(10);
    for (const [name, sql] of entries) checkQuery(name, sql);
    checkQuery("ops API query", tenantTrafficSql("shelfwise_requests", 60));
  });

  it("the dashboard's panels and the alert rules use the same columns", () => {
    const panels = dashboard.panels as Array<{
      title: string;
      targets: Array<{ query?: string; rawSql?: string }>;
    }>;
    expect(panels.length).toBeGreaterThanOrEqual(8);
    for (const panel of panels) {
      for (const target of panel.targets) {
        if (target.query) checkQuery(panel.title, target.query);
        else expect(target.rawSql, panel.title).toContain("webhook_deliveries");
      }
    }
    const yaml = Object.values(alerts)[0] ?? "";
    // The production checklist: 5xx > 5 % for 2 min, p99 > 500 ms for 5 min, backlog > 1,000
    // overall or > 100 per tenant, any dead-letter growth, > 20 queries per request.
    for (const fragment of [
      "params: [0.05]",
      "for: 2m",
      "params: [500]",
      "for: 5m",
      "params: [1000]",
      "params: [100]",
      "webhook_dead_letter",
      "params: [20]",
      // Relay and jobs health: sweep stale 5 min, oldest undispatched 2 min, any job dead letter.
      "job = 'webhook-outbox-sweep'",
      "params: [300]",
      "params: [120]",
      "job_dead_letter",
      "FROM cron_heartbeats",
    ]) {
      expect(yaml).toContain(fragment);
    }
    for (const block of yaml.split("query: |").slice(1)) {
      const sql = block.split(/\n\s+- refId: B/)[0] ?? "";
      checkQuery("alert", sql);
    }
  });
});
