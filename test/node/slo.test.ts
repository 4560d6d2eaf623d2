/**
 * The SLO alert rules and docs agree with ops/slo.json: the rules file parses as Grafana
 * provisioning YAML, holds exactly one rule per SLO, SLI and burn-rate tier, and each rule's
 * windows, severity and threshold (burn rate × (1 − target), computed here independently) are the
 * JSON's; docs/slo.md's threshold table shows the same numbers; `scripts/slo.mjs --check` notices
 * a JSON edit that was not regenerated.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

interface Tier {
  severity: string;
  long_window_minutes: number;
  short_window_minutes: number;
  burn_rate: number;
  for: string;
}
interface Slo {
  id: string;
  name: string;
  source: "analytics_engine" | "postgres";
  filter?: string;
  availability?: number;
  latency?: { threshold_ms: number; target: number };
}
interface Config {
  window_days: number;
  burn_rate_alerts: Tier[];
  slos: Slo[];
}
interface Query {
  refId: string;
  relativeTimeRange?: { from: number; to: number };
  datasourceUid: string;
  model: { query?: string; rawSql?: string; type?: string; expression?: string };
}
interface Rule {
  uid: string;
  condition: string;
  for: string;
  labels: Record<string, string>;
  data: Query[];
}

const config = JSON.parse(readFileSync(join(root, "ops/slo.json"), "utf8")) as Config;
const rulesText = readFileSync(join(root, "ops/grafana/slo-alert-rules.yaml"), "utf8");
const doc = readFileSync(join(root, "docs/slo.md"), "utf8");

function slisOf(slo: Slo) {
  const out: Array<{ kind: string; target: number; bad: string }> = [];
  if (slo.availability !== undefined) {
    out.push({ kind: "availability", target: slo.availability, bad: "double7 >= 500" });
  }
  if (slo.latency) {
    out.push({
      kind: "latency",
      target: slo.latency.target,
      bad:
        slo.source === "postgres"
          ? `interval '${slo.latency.threshold_ms / 1000} seconds'`
          : `double1 > ${slo.latency.threshold_ms}`,
    });
  }
  return out;
}

function windowClause(slo: Slo, minutes: number) {
  return slo.source === "postgres"
    ? `interval '${minutes} minutes'`
    : `INTERVAL '${minutes}' MINUTE`;
}

describe("SLO alert rules", () => {
  const parsed = parse(rulesText) as {
    apiVersion: number;
    groups: Array<{ name: string; interval: string; rules: Rule[] }>;
  };
  const rules = parsed.groups.flatMap((g) => g.rules);

  it("parse as Grafana file provisioning, one rule per SLO, SLI and tier", () => {
    expect(parsed.apiVersion).toBe(1);
    expect(parsed.groups).toHaveLength(1);
    expect(parsed.groups[0]?.interval).toBe("1m");
    const expected = config.slos.reduce(
      (n, slo) => n + slisOf(slo).length * config.burn_rate_alerts.length,
      0,
    );
    // Five families; webhooks have one SLI: 9 SLIs × 3 tiers.
    expect(expected).toBe(27);
    expect(rules).toHaveLength(expected);
    expect(new Set(rules.map((r) => r.uid)).size).toBe(rules.length);
  });

  it("follow the SRE workbook's tiers: 1 h/5 m at 14.4x, 6 h/30 m at 6x, 3 d/6 h at 1x", () => {
    expect(
      config.burn_rate_alerts.map((t) => [
        t.long_window_minutes,
        t.short_window_minutes,
        t.burn_rate,
        t.severity,
      ]),
    ).toEqual([
      // Severities of docs/incident-response.md: the fast tiers page (sev2), the slow one is a ticket.
      [60, 5, 14.4, "sev2"],
      [360, 30, 6, "sev2"],
      [4320, 360, 1, "sev3"],
    ]);
  });

  it("have each tier's windows, severity and burn-rate threshold from ops/slo.json", () => {
    for (const slo of config.slos) {
      for (const sli of slisOf(slo)) {
        for (const tier of config.burn_rate_alerts) {
          const uid = `slo-${slo.id}-${sli.kind}-${tier.long_window_minutes}m`;
          const rule = rules.find((r) => r.uid === uid);
          expect(rule, uid).toBeDefined();
          if (!rule) continue;
          expect(rule.labels).toMatchObject({
            severity: tier.severity,
            slo: slo.id,
            sli: sli.kind,
            burn_rate: String(tier.burn_rate),
          });
          expect(rule.for).toBe(tier.for);
          expect(rule.condition).toBe("C");

          const [long, short] = ["A", "B"].map((id) => rule.data.find((q) => q.refId === id));
          const datasource = `$${"{"}${slo.source === "postgres" ? "DS_POSTGRES" : "DS_ANALYTICS_ENGINE"}}`;
          for (const [query, minutes] of [
            [long, tier.long_window_minutes],
            [short, tier.short_window_minutes],
          ] as const) {
            expect(query?.datasourceUid, uid).toBe(datasource);
            expect(query?.relativeTimeRange, uid).toEqual({ from: minutes * 60, to: 0 });
            const sql = query?.model.query ?? query?.model.rawSql ?? "";
            expect(sql, uid).toContain(windowClause(slo, minutes));
            expect(sql, uid).toContain(sli.bad);
            if (slo.filter) expect(sql, uid).toContain(slo.filter);
          }

          const math = rule.data.find((q) => q.refId === "C")?.model;
          expect(math?.type).toBe("math");
          const limits = [...(math?.expression ?? "").matchAll(/\$(LONG|SHORT) > ([\d.e-]+)/g)];
          expect(limits.map((m) => m[1])).toEqual(["LONG", "SHORT"]);
          const expectedLimit = tier.burn_rate * (1 - sli.target);
          for (const m of limits) expect(Number(m[2])).toBeCloseTo(expectedLimit, 10);
        }
      }
    }
  });

  it("query only columns the Worker writes for requests, weighted by the sample interval", () => {
    for (const rule of rules) {
      for (const query of rule.data) {
        const sql = query.model.query;
        if (!sql) continue;
        expect(sql).toContain("FROM shelfwise_requests");
        expect(sql).toContain("blob1 = 'request'");
        expect(sql).toContain("_sample_interval");
        expect(sql).not.toMatch(/\bcount\(\)/i);
        for (const m of sql.matchAll(/\bblob(\d+)\b/g)) expect(Number(m[1])).toBeLessThanOrEqual(7);
        for (const m of sql.matchAll(/\bdouble(\d+)\b/g)) {
          expect(Number(m[1])).toBeLessThanOrEqual(8);
        }
      }
    }
  });
});

describe("docs/slo.md", () => {
  it("shows every SLI's budget and tier thresholds as ops/slo.json gives them", () => {
    const pct = (fraction: number) => `${Number((fraction * 100).toPrecision(6))} %`;
    for (const slo of config.slos) {
      for (const sli of slisOf(slo)) {
        const cells = config.burn_rate_alerts.map(
          (t) => `> ${pct(t.burn_rate * (1 - sli.target))}`,
        );
        const row = `| ${slo.name} | ${sli.kind} | ${pct(1 - sli.target)} | ${cells.join(" | ")} |`;
        // Biome pads the columns; compare with single spaces.
        expect(doc.replace(/ {2,}/g, " ")).toContain(row);
      }
    }
  });
});

describe("scripts/slo.mjs --check", () => {
  function check(base: string): Promise<{ code: number; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [join(root, "scripts/slo.mjs"), "--check", base],
        (error, _stdout, stderr) => {
          resolve({ code: error ? Number(error.code) : 0, stderr });
        },
      );
    });
  }

  it("passes on the repository and fails when ops/slo.json changed without regenerating", async () => {
    expect((await check(root)).code).toBe(0);
    const copy = mkdtempSync(join(tmpdir(), "shelfwise-slo-"));
    try {
      cpSync(join(root, "ops"), join(copy, "ops"), { recursive: true });
      cpSync(join(root, "docs/slo.md"), join(copy, "docs/slo.md"));
      const edited = structuredClone(config);
      const catalog = edited.slos.find((s) => s.id === "catalog-reads");
      if (!catalog) throw new Error("no catalog-reads SLO");
      catalog.availability = 0.995;
      writeFileSync(join(copy, "ops/slo.json"), JSON.stringify(edited));
      const result = await check(copy);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("ops/grafana/slo-alert-rules.yaml");
      expect(result.stderr).toContain("docs/slo.md");
      expect(result.stderr).toContain("ops/queries/slo-catalog-reads.sql");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
