// Alert routing as code agrees with itself and with the incident-response docs
// (docs/incident-response.md): every Grafana alert rule in ops/grafana/ (alert-rules.yaml and the
// generated slo-alert-rules.yaml) has
//   - a `severity` label that the severity matrix of docs/incident-response.md defines (sev1–sev4),
//   - that the notification policy tree (ops/grafana/notification-policies.yaml) routes to an
//     explicit route (not only the root's fallback) whose contact point exists in
//     ops/grafana/contact-points.yaml,
//   - a `runbook_url` annotation naming a file under docs/runbooks/ that exists;
// every route of the tree names an existing contact point; and no contact point holds a literal
// secret (keys, URLs, tokens are `$VAR` / `${VAR}` references Grafana interpolates at startup).
//   node scripts/check-alerting.mjs [repository root]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const MATRIX_DOC = "docs/incident-response.md";
export const POLICIES = "ops/grafana/notification-policies.yaml";
export const CONTACT_POINTS = "ops/grafana/contact-points.yaml";
/** Runbook links are GitHub links to this repository's main branch (they open from Grafana). */
export const RUNBOOK_PREFIX = "https://github.com/shelfwise/shelfwise-edge/blob/main/";
/** Contact point settings that carry a credential or a private URL: never a literal value. */
const SECRET_SETTINGS = new Set([
  "integrationKey",
  "routingKey",
  "url",
  "token",
  "apiKey",
  "api_key",
  "password",
  "authorization_credentials",
  "secret",
]);
const ENV_REFERENCE = /^\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * The severities of the matrix: the `severity=sevN` labels of the table rows that start with
 * `| **SEVn**` in docs/incident-response.md.
 */
export function matrixSeverities(markdown) {
  const out = new Set();
  for (const line of markdown.split("\n")) {
    const row = /^\|\s*\*\*SEV(\d)\*\*/.exec(line);
    if (!row) continue;
    const label = /`severity=(sev\d)`/.exec(line);
    if (label && label[1] === `sev${row[1]}`) out.add(label[1]);
  }
  return out;
}

/** One Alertmanager matcher ([label, op, value]) against a rule's labels; regexes are anchored. */
function matches([label, op, value], labels) {
  const actual = labels[label] ?? "";
  switch (op) {
    case "=":
      return actual === value;
    case "!=":
      return actual !== value;
    case "=~":
      return new RegExp(`^(?:${value})$`).test(actual);
    case "!~":
      return !new RegExp(`^(?:${value})$`).test(actual);
    default:
      throw new Error(`unknown matcher operator ${op}`);
  }
}

/** A policy's matchers: `object_matchers` ([label, op, value]) and the string form `matchers`. */
function matchersOf(node) {
  const out = [...(node.object_matchers ?? [])];
  for (const text of node.matchers ?? []) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*"?(.*?)"?\s*$/.exec(text);
    if (!m) throw new Error(`cannot read the matcher ${JSON.stringify(text)}`);
    out.push([m[1], m[2], m[3]]);
  }
  return out;
}

/**
 * The contact points a set of labels is notified through, as Grafana's notification policy tree
 * decides: depth first, the first matching child wins unless it has `continue: true`; a policy
 * with no matching child notifies its own receiver (inherited from its parent when it has none).
 * `explicit` is false when only the root (the default policy) matched.
 */
export function route(policy, labels) {
  const receivers = [];
  let explicit = false;
  const walk = (node, inherited, depth) => {
    const receiver = node.receiver ?? inherited;
    let matchedChild = false;
    for (const child of node.routes ?? []) {
      if (!matchersOf(child).every((m) => matches(m, labels))) continue;
      matchedChild = true;
      walk(child, receiver, depth + 1);
      if (!child.continue) break;
    }
    if (!matchedChild) {
      receivers.push(receiver);
      if (depth > 0) explicit = true;
    }
  };
  walk(policy, undefined, 0);
  return { receivers, explicit };
}

function everyRoute(policy, visit, path = "root") {
  visit(policy, path);
  (policy.routes ?? []).forEach((child, i) => {
    everyRoute(child, visit, `${path}.routes[${i}]`);
  });
}

/** A runbook link's path in the repository, or null when it does not point into docs/runbooks/. */
export function runbookPath(url) {
  if (typeof url !== "string" || !url.startsWith(RUNBOOK_PREFIX)) return null;
  const path = url.slice(RUNBOOK_PREFIX.length).split("#")[0];
  return path.startsWith("docs/runbooks/") && path.endsWith(".md") ? path : null;
}

/**
 * Every problem found, as one sentence each (empty: all good).
 * @param {{
 *   rules: Array<{ uid?: string, title?: string, labels?: Record<string, string>, annotations?: Record<string, string>, file?: string }>,
 *   policy: object,
 *   contactPoints: Array<{ name: string, receivers?: Array<{ uid?: string, type?: string, settings?: Record<string, unknown> }> }>,
 *   matrix: Set<string>,
 *   fileExists: (path: string) => boolean,
 * }} input
 */
export function checkAlerting({ rules, policy, contactPoints, matrix, fileExists }) {
  const problems = [];
  const names = new Set(contactPoints.map((c) => c.name));
  if (!policy) problems.push(`${POLICIES} has no notification policy tree`);
  else {
    everyRoute(policy, (node, path) => {
      if (node.receiver !== undefined && !names.has(node.receiver)) {
        problems.push(
          `policy ${path} routes to contact point "${node.receiver}", which does not exist`,
        );
      }
    });
    if (!policy.receiver) problems.push("the root policy has no default contact point");
  }
  for (const point of contactPoints) {
    if (!(point.receivers ?? []).length) {
      problems.push(`contact point "${point.name}" has no integration`);
    }
    for (const receiver of point.receivers ?? []) {
      for (const [key, value] of Object.entries(receiver.settings ?? {})) {
        if (SECRET_SETTINGS.has(key) && !ENV_REFERENCE.test(String(value))) {
          problems.push(
            `contact point "${point.name}" (${receiver.type}) has a literal ${key}: use an environment variable reference ($NAME)`,
          );
        }
      }
    }
  }
  for (const rule of rules) {
    const name = `rule ${rule.uid ?? "(no uid)"}${rule.file ? ` in ${rule.file}` : ""}`;
    const severity = rule.labels?.severity;
    if (!severity) problems.push(`${name} has no severity label`);
    else {
      if (!matrix.has(severity)) {
        problems.push(`${name}: severity "${severity}" is not in the matrix of ${MATRIX_DOC}`);
      }
      if (policy) {
        const { receivers, explicit } = route(policy, rule.labels ?? {});
        if (!explicit) {
          problems.push(
            `${name}: severity "${severity}" matches no notification policy (only the default)`,
          );
        }
        for (const receiver of receivers) {
          if (!names.has(receiver)) {
            problems.push(`${name} is routed to contact point "${receiver}", which does not exist`);
          }
        }
      }
    }
    const url = rule.annotations?.runbook_url;
    if (!url) problems.push(`${name} has no runbook_url annotation`);
    else {
      const path = runbookPath(url);
      if (!path)
        problems.push(`${name}: runbook_url ${url} is not a ${RUNBOOK_PREFIX}docs/runbooks/… link`);
      else if (!fileExists(path)) problems.push(`${name}: runbook ${path} does not exist`);
    }
  }
  return problems;
}

/** The rules of every alert-rule file in ops/grafana/ (any file with `groups:`). */
export function loadRules(base = root) {
  const rules = [];
  const dir = join(base, "ops/grafana");
  for (const file of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(file)) continue;
    const parsed = parse(readFileSync(join(dir, file), "utf8"));
    for (const group of parsed?.groups ?? []) {
      for (const rule of group.rules ?? []) rules.push({ ...rule, file: `ops/grafana/${file}` });
    }
  }
  return rules;
}

/** Everything checkAlerting needs, read from a repository. */
export function loadAlerting(base = root) {
  const policies = parse(readFileSync(join(base, POLICIES), "utf8"));
  const contacts = parse(readFileSync(join(base, CONTACT_POINTS), "utf8"));
  return {
    rules: loadRules(base),
    policy: policies?.policies?.[0],
    contactPoints: contacts?.contactPoints ?? [],
    matrix: matrixSeverities(readFileSync(join(base, MATRIX_DOC), "utf8")),
    fileExists: (path) => existsSync(join(base, path)),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const input = loadAlerting(process.argv[2] ?? root);
  const problems = checkAlerting(input);
  if (problems.length > 0) {
    console.error(problems.map((p) => `  ${p}`).join("\n"));
    console.error(`${problems.length} alerting problem(s)`);
    process.exit(1);
  }
  console.log(
    `${input.rules.length} alert rules: each has a severity of the matrix (${[...input.matrix].join(", ")}) routed to a contact point, and a runbook that exists`,
  );
}
