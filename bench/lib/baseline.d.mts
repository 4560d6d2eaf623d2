/** Types of baseline.mjs (the performance baseline of `npm run bench -- --smoke`). */
export const DEFAULT_TOLERANCE: number;

export interface RatioEntry {
  value: number;
  better: "lower" | "higher";
  /** Relative: 0.25 lets the ratio be 25 % worse than `value`. */
  tolerance?: number;
}

export interface Baseline {
  ratios?: Record<string, RatioEntry>;
  counts?: Record<string, number>;
  /** Allowed difference for the counts whose name starts with the key. */
  count_slack?: Record<string, number | string>;
  recorded?: unknown;
  $comment?: string;
}

export interface Figures {
  ratios: Record<string, number>;
  counts: Record<string, number>;
}

export interface Run {
  scenarios: { name: string; queries_per_request?: number | null; ratio?: number }[];
  ratios: {
    scenario: string;
    compare_to: string;
    throughput_ratio: number | null;
    p50_ratio: number | null;
  }[];
}

export function figuresOf(
  run: Run,
  latency: { route: string; flights_median: number }[] | null,
): Figures;

export function compareWithBaseline(
  baseline: Baseline,
  figures: Figures,
  options?: { complete?: boolean },
): { ok: boolean; lines: string[] };

export function readBaseline(file: string): Baseline;
export function writeBaseline(
  file: string,
  figures: Figures,
  previous: Baseline | null,
  recorded: unknown,
): void;
