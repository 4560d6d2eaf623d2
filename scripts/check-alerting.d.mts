export type Matcher = [label: string, op: "=" | "!=" | "=~" | "!~", value: string];
export interface Policy {
  receiver?: string;
  object_matchers?: Matcher[];
  /** The string form, e.g. `severity=~"sev1|sev2"`. */
  matchers?: string[];
  continue?: boolean;
  routes?: Policy[];
  [key: string]: unknown;
}
export interface ContactPoint {
  name: string;
  receivers?: Array<{ uid?: string; type?: string; settings?: Record<string, unknown> }>;
}
export interface AlertRule {
  uid?: string;
  title?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  file?: string;
  [key: string]: unknown;
}
export interface AlertingInput {
  rules: AlertRule[];
  policy: Policy | undefined;
  contactPoints: ContactPoint[];
  matrix: Set<string>;
  fileExists: (path: string) => boolean;
}
export const MATRIX_DOC: string;
export const POLICIES: string;
export const CONTACT_POINTS: string;
export const RUNBOOK_PREFIX: string;
export function matrixSeverities(markdown: string): Set<string>;
export function route(
  policy: Policy,
  labels: Record<string, string>,
): { receivers: Array<string | undefined>; explicit: boolean };
export function runbookPath(url: unknown): string | null;
export function checkAlerting(input: AlertingInput): string[];
export function loadRules(base?: string): AlertRule[];
export function loadAlerting(base?: string): AlertingInput;
