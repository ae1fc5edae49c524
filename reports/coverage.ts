import { byRpc, type RuleResult, type RunResults } from './results.js';

/**
 * Coverage of a set of rules. Index: rules applicable to this target / rules documented (in the run). Score: rules
 * passed / rules applicable; not-checked and known-failing rules count as applicable and not passed (never shown to
 * hold). A ratio with nothing to divide by is `null`.
 */
export interface CoverageFigures {
  readonly documented: number;
  readonly applicable: number;
  readonly passed: number;
  readonly index: number | null;
  readonly score: number | null;
}

/** Coverage overall and per RPC (catalogue order). */
export interface Coverage {
  readonly overall: CoverageFigures;
  readonly perRpc: Readonly<Record<string, CoverageFigures>>;
}

/** The coverage figures of some rules. */
export function coverageFigures(rules: readonly RuleResult[]): CoverageFigures {
  const documented = rules.length;
  const applicable = rules.filter((r) => r.verdict !== 'not-applicable').length;
  const passed = rules.filter((r) => r.verdict === 'passed').length;
  return { documented, applicable, passed, index: ratio(applicable, documented), score: ratio(passed, applicable) };
}

/** The run's coverage, overall and per RPC. */
export function coverageOf(results: Pick<RunResults, 'rules'>): Coverage {
  const perRpc: Record<string, CoverageFigures> = {};
  for (const [rpc, rules] of byRpc(results.rules)) perRpc[rpc] = coverageFigures(rules);
  return { overall: coverageFigures(results.rules), perRpc };
}

/** A ratio as a percentage for people: `87.5%`, or `n/a`. */
export function percent(value: number | null): string {
  return value === null ? 'n/a' : `${(Math.floor(value * 1000) / 10).toFixed(1)}%`;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
