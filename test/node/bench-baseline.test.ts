/**
 * The performance baseline's comparison (bench/lib/baseline.mjs) on planted numbers: a ratio
 * worse than its tolerance fails in its own direction, one within it or better passes; a count
 * must match exactly (more is a regression, fewer an improvement still to record); a figure the
 * baseline tracks but a complete run lacks fails, an --only run's does not. And the figures are
 * read from a run's results as bench/run.mjs and bench/latency.mjs write them.
 */
import { describe, expect, it } from "vitest";
import { type Baseline, compareWithBaseline, figuresOf } from "../../bench/lib/baseline.mjs";

const baseline: Baseline = {
  ratios: {
    "stack/bare p50": { value: 1.2, better: "lower", tolerance: 0.25 },
    "import/one-by-one": { value: 80, better: "higher" },
  },
  counts: { "queries/request catalog-list-100": 4, "flights POST /v2/orders": 5 },
};
const figures = (stack: number, imports: number, queries = 4, flights = 5) => ({
  ratios: { "stack/bare p50": stack, "import/one-by-one": imports },
  counts: {
    "queries/request catalog-list-100": queries,
    "flights POST /v2/orders": flights,
  },
});

describe("performance baseline comparison", () => {
  it("passes figures equal to the baseline, within tolerance, or better", () => {
    expect(compareWithBaseline(baseline, figures(1.2, 80)).ok).toBe(true);
    expect(compareWithBaseline(baseline, figures(1.5, 60)).ok).toBe(true); // exactly at the limits
    expect(compareWithBaseline(baseline, figures(0.9, 200)).ok).toBe(true);
  });

  it("fails a ratio past its tolerance in its own direction, and says which", () => {
    const slower = compareWithBaseline(baseline, figures(1.51, 80));
    expect(slower.ok).toBe(false);
    expect(slower.lines).toContain(
      "REGRESSED  ratio stack/bare p50: 1.2 → 1.51 (lower is better; limit 1.5, 25 %)",
    );
    const fewerImports = compareWithBaseline(baseline, figures(1.2, 59));
    expect(fewerImports.ok).toBe(false);
    expect(fewerImports.lines[1]).toMatch(/^REGRESSED {2}ratio import\/one-by-one: 80 → 59/);
  });

  it("holds counts exactly: one more query fails, one fewer flight asks to be recorded", () => {
    const more = compareWithBaseline(baseline, figures(1.2, 80, 5));
    expect(more.ok).toBe(false);
    expect(more.lines).toContain("REGRESSED  count queries/request catalog-list-100: 4 → 5");
    const fewer = compareWithBaseline(baseline, figures(1.2, 80, 4, 4));
    expect(fewer.ok).toBe(false);
    expect(fewer.lines).toContain("IMPROVED   count flights POST /v2/orders: 5 → 4 (record it)");
  });

  it("allows a kind of count its stated slack, and no more", () => {
    const slack = { ...baseline, count_slack: { "flights ": 1 } };
    const one = compareWithBaseline(slack, figures(1.2, 80, 4, 6));
    expect(one.ok).toBe(true);
    expect(one.lines).toContain("ok         count flights POST /v2/orders: 5 → 6 (± 1)");
    expect(compareWithBaseline(slack, figures(1.2, 80, 4, 7)).ok).toBe(false);
    expect(compareWithBaseline(slack, figures(1.2, 80, 5, 5)).ok).toBe(false); // queries: exact
    const longer = { ...baseline, count_slack: { "flights ": 0, "flights POST": 2 } };
    expect(compareWithBaseline(longer, figures(1.2, 80, 4, 7)).ok).toBe(true);
  });

  it("fails a figure missing from a complete run, not from a partial one", () => {
    const partial = { ratios: { "stack/bare p50": 1.2 }, counts: {} };
    expect(compareWithBaseline(baseline, partial).ok).toBe(false);
    expect(compareWithBaseline(baseline, partial, { complete: false }).ok).toBe(true);
  });

  it("reads ratios, queries per request and flights from a run's results", () => {
    const run = {
      scenarios: [
        { name: "catalog-list-100", queries_per_request: 4 },
        { name: "books-import", ratio: 80.123 },
      ],
      ratios: [
        { scenario: "stack-v2", compare_to: "stack-bare", throughput_ratio: 0.6, p50_ratio: 1.13 },
        {
          scenario: "order-idempotent",
          compare_to: "order-plain",
          throughput_ratio: 0.7,
          p50_ratio: 1.42,
        },
        {
          scenario: "graphql-book",
          compare_to: "graphql-rest-book",
          throughput_ratio: 0.72,
          p50_ratio: 1.37,
        },
      ],
    };
    const latency = [{ route: "POST /v2/orders", flights_median: 5 }];
    expect(figuresOf(run, latency)).toEqual({
      ratios: {
        "stack/bare p50": 1.13,
        "idempotent/plain p50": 1.42,
        "graphql/rest book p50": 1.37,
        "import/one-by-one": 80.12,
      },
      counts: { "queries/request catalog-list-100": 4, "flights POST /v2/orders": 5 },
    });
  });
});
