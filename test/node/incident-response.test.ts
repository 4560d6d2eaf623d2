/**
 * Incident response as code (docs/incident-response.md, ops/grafana/, scripts/check-alerting.mjs):
 * every Grafana alert rule of the repository (alert-rules.yaml and the generated
 * slo-alert-rules.yaml) has a severity of the matrix that the notification policy tree routes to
 * an existing contact point, and a runbook_url whose file exists; the matrix names each rule of
 * alert-rules.yaml in its severity's row; and the same checking function reports planted
 * violations (no runbook, a runbook that does not exist, an unrouted severity, a severity missing
 * from the matrix, a route to a missing contact point, a literal secret), as does the CLI that
 * `npm run check` runs.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type AlertingInput,
  type AlertRule,
  checkAlerting,
  loadAlerting,
  matrixSeverities,
  type Policy,
  route,
  runbookPath,
} from "../../scripts/check-alerting.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const script = join(root, "scripts/check-alerting.mjs");
const repo = loadAlerting(root);
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The repository's input with some rules (or other parts) replaced. */
function withPlanted(overrides: Partial<AlertingInput>): AlertingInput {
  return { ...repo, ...overrides };
}

const RUNBOOK = "https://github.com/shelfwise/shelfwise-edge/blob/main/docs/runbooks/";
const good: AlertRule = {
  uid: "planted-good",
  labels: { severity: "sev3", service: "shelfwise-edge" },
  annotations: { summary: "planted", runbook_url: `${RUNBOOK}webhook-backlog.md` },
};

describe("the repository's alert rules", () => {
  const files = new Set(repo.rules.map((r) => r.file));

  it("are all read: the 12 checklist rules and the 27 SLO rules", () => {
    expect(files).toContain("ops/grafana/alert-rules.yaml");
    expect(files).toContain("ops/grafana/slo-alert-rules.yaml");
    expect(
      repo.rules.filter((r) => r.file === "ops/grafana/alert-rules.yaml").length,
    ).toBeGreaterThanOrEqual(12);
    expect(repo.rules.filter((r) => r.file === "ops/grafana/slo-alert-rules.yaml")).toHaveLength(
      27,
    );
  });

  it("pass the check: no problem at all", () => {
    expect(checkAlerting(repo)).toEqual([]);
  });

  it("each have a severity of the matrix, routed explicitly to an existing contact point", () => {
    const names = new Set(repo.contactPoints.map((c) => c.name));
    expect(repo.matrix).toEqual(new Set(["sev1", "sev2", "sev3", "sev4"]));
    const expected: Record<string, string> = {
      sev1: "shelfwise-pager",
      sev2: "shelfwise-pager",
      sev3: "shelfwise-ticket",
      sev4: "shelfwise-log",
    };
    for (const rule of repo.rules) {
      const severity = rule.labels?.severity ?? "";
      expect(repo.matrix.has(severity), `${rule.uid}: ${severity}`).toBe(true);
      const { receivers, explicit } = route(repo.policy as Policy, rule.labels ?? {});
      expect(explicit, rule.uid).toBe(true);
      expect(receivers, rule.uid).toEqual([expected[severity]]);
      for (const receiver of receivers) expect(names.has(receiver ?? "")).toBe(true);
    }
    // Every level of the matrix is used by at least one rule.
    expect(new Set(repo.rules.map((r) => r.labels?.severity))).toEqual(repo.matrix);
  });

  it("each link a runbook under docs/runbooks/ that exists", () => {
    for (const rule of repo.rules) {
      const path = runbookPath(rule.annotations?.runbook_url);
      expect(path, rule.uid).toMatch(/^docs\/runbooks\/[a-z0-9-]+\.md$/);
      expect(() => readFileSync(join(root, path ?? ""), "utf8"), rule.uid).not.toThrow();
    }
  });

  it("are each named in the matrix row of their severity", () => {
    const doc = readFileSync(join(root, "docs/incident-response.md"), "utf8");
    const rows = new Map(
      doc
        .split("\n")
        .map((line) => [/^\|\s*\*\*SEV(\d)\*\*/.exec(line)?.[1], line] as const)
        .filter(([n]) => n !== undefined)
        .map(([n, line]) => [`sev${n}`, line]),
    );
    for (const rule of repo.rules) {
      const row = rows.get(rule.labels?.severity ?? "") ?? "";
      const name = rule.uid?.startsWith("slo-")
        ? `\`slo-*-${rule.uid.split("-").pop()}\``
        : `\`${rule.uid}\``;
      expect(row, `${rule.uid} in the ${rule.labels?.severity} row`).toContain(name);
    }
  });

  it("the Worker's own health alerts are classified in the matrix too", () => {
    const schemas = readFileSync(join(root, "src/features/ops/schemas.ts"), "utf8");
    const list = /export const ALERT_RULES = \[([^\]]*)\]/.exec(schemas)?.[1] ?? "";
    const names = [...list.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
    expect(names).toContain("outbox_sweep_stale");
    const doc = readFileSync(join(root, "docs/incident-response.md"), "utf8");
    const matrix = doc.split("\n").filter((line) => /^\|\s*\*\*SEV\d\*\*/.test(line));
    for (const name of names) {
      expect(
        matrix.some((row) => row.includes(`\`${name}\``)),
        name,
      ).toBe(true);
    }
    expect(doc).toContain("**page means SEV2, ticket means SEV3**");
  });

  it("keep the old page/ticket values routed (the Worker's health alerts still use them)", () => {
    const policy = repo.policy as Policy;
    expect(route(policy, { severity: "page" })).toEqual({
      receivers: ["shelfwise-pager"],
      explicit: true,
    });
    expect(route(policy, { severity: "ticket" })).toEqual({
      receivers: ["shelfwise-ticket"],
      explicit: true,
    });
    // The string form of matchers routes the same way.
    const strings: Policy = {
      receiver: "shelfwise-ticket",
      routes: [{ receiver: "shelfwise-pager", matchers: ['severity=~"sev1|sev2"'] }],
    };
    expect(route(strings, { severity: "sev2" })).toEqual({
      receivers: ["shelfwise-pager"],
      explicit: true,
    });
    expect(route(strings, { severity: "sev3" })).toEqual({
      receivers: ["shelfwise-ticket"],
      explicit: false,
    });
    // Anything else only reaches the default policy, which the check calls unrouted.
    expect(route(policy, { severity: "critical" })).toEqual({
      receivers: ["shelfwise-ticket"],
      explicit: false,
    });
  });

  it("contact points hold environment references, never a secret", () => {
    const text = readFileSync(join(root, "ops/grafana/contact-points.yaml"), "utf8");
    const parsed = parse(text) as { apiVersion: number; contactPoints: unknown[] };
    expect(parsed.apiVersion).toBe(1);
    expect(text).toContain(`integrationKey: $${"{"}SHELFWISE_PAGERDUTY_ROUTING_KEY}`);
    expect(text).not.toMatch(/hooks\.slack\.com|events\.pagerduty\.com/);
  });
});

describe("the check reports planted violations", () => {
  it("a rule without a runbook, or with one that does not exist or lies outside docs/runbooks/", () => {
    const problems = checkAlerting(
      withPlanted({
        rules: [
          good,
          { ...good, uid: "no-runbook", annotations: { summary: "x" } },
          { ...good, uid: "missing-file", annotations: { runbook_url: `${RUNBOOK}nope.md` } },
          {
            ...good,
            uid: "not-a-runbook",
            annotations: {
              runbook_url: "https://github.com/shelfwise/shelfwise-edge/blob/main/docs/slo.md",
            },
          },
        ],
      }),
    );
    expect(problems).toEqual([
      "rule no-runbook has no runbook_url annotation",
      "rule missing-file: runbook docs/runbooks/nope.md does not exist",
      expect.stringContaining(
        "rule not-a-runbook: runbook_url https://github.com/shelfwise/shelfwise-edge/blob/main/docs/slo.md is not a",
      ),
    ]);
  });

  it("a severity no policy routes and the matrix does not define, or no severity at all", () => {
    const problems = checkAlerting(
      withPlanted({
        rules: [
          good,
          { ...good, uid: "sev5", labels: { severity: "sev5" } },
          { ...good, uid: "unlabelled", labels: { service: "shelfwise-edge" } },
        ],
      }),
    );
    expect(problems).toEqual([
      'rule sev5: severity "sev5" is not in the matrix of docs/incident-response.md',
      'rule sev5: severity "sev5" matches no notification policy (only the default)',
      "rule unlabelled has no severity label",
    ]);
  });

  it("an old label value: routed, but not a level of the matrix", () => {
    const problems = checkAlerting(
      withPlanted({ rules: [{ ...good, uid: "legacy", labels: { severity: "page" } }] }),
    );
    expect(problems).toEqual([
      'rule legacy: severity "page" is not in the matrix of docs/incident-response.md',
    ]);
  });

  it("a matrix without SEV4, a policy routing to a missing contact point, a literal secret", () => {
    const doc = readFileSync(join(root, "docs/incident-response.md"), "utf8");
    const withoutSev4 = doc
      .split("\n")
      .filter((line) => !line.startsWith("| **SEV4**"))
      .join("\n");
    const matrix = matrixSeverities(withoutSev4);
    expect(matrix).toEqual(new Set(["sev1", "sev2", "sev3"]));
    const policy = structuredClone(repo.policy) as Policy;
    const sev3 = policy.routes?.find((r) => r.receiver === "shelfwise-ticket");
    if (sev3) sev3.receiver = "shelfwise-jira";
    const contactPoints = structuredClone(repo.contactPoints);
    const pager = contactPoints.find((c) => c.name === "shelfwise-pager");
    const pagerduty = pager?.receivers?.[0];
    if (pagerduty?.settings) pagerduty.settings.integrationKey = "0123456789abcdef0123456789abcdef";
    const problems = checkAlerting({
      ...repo,
      matrix,
      policy,
      contactPoints,
      rules: [good, { ...good, uid: "quiet", labels: { severity: "sev4" } }],
    });
    expect(problems).toEqual([
      'policy root.routes[2] routes to contact point "shelfwise-jira", which does not exist',
      'contact point "shelfwise-pager" (pagerduty) has a literal integrationKey: use an environment variable reference ($NAME)',
      'rule planted-good is routed to contact point "shelfwise-jira", which does not exist',
      'rule quiet: severity "sev4" is not in the matrix of docs/incident-response.md',
    ]);
  });

  it("the CLI of npm run check fails on a planted rule file and passes on the repository", () => {
    const ok = spawnSync(process.execPath, [script], { encoding: "utf8" });
    expect(ok.stdout + ok.stderr).toMatch(/\d+ alert rules: each has a severity of the matrix/);
    expect(ok.status).toBe(0);

    const copy = mkdtempSync(join(tmpdir(), "alerting-"));
    dirs.push(copy);
    for (const path of ["ops/grafana", "docs/runbooks", "docs/incident-response.md"]) {
      cpSync(join(root, path), join(copy, path), { recursive: true });
    }
    writeFileSync(
      join(copy, "ops/grafana/planted-rules.yaml"),
      [
        "apiVersion: 1",
        "groups:",
        "  - orgId: 1",
        "    name: planted",
        "    folder: Shelfwise Edge",
        "    interval: 1m",
        "    rules:",
        "      - uid: planted-unrouted",
        "        title: Planted",
        "        labels: { severity: urgent }",
        "        annotations: { summary: no runbook }",
        "",
      ].join("\n"),
    );
    const bad = spawnSync(process.execPath, [script, copy], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      'rule planted-unrouted in ops/grafana/planted-rules.yaml: severity "urgent" matches no notification policy',
    );
    expect(bad.stderr).toContain(
      "rule planted-unrouted in ops/grafana/planted-rules.yaml has no runbook_url annotation",
    );
  });
});
