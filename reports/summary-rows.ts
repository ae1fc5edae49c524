import { coverageFigures, percent } from './coverage.js';
import { byRpc, totalsOf, type RuleResult, type RunResults, type Totals } from './results.js';

/** One row of a summary table: counts per verdict and the coverage figures, for an RPC or the total. */
export interface SummaryRow {
  readonly name: string;
  readonly totals: Totals;
  readonly index: string;
  readonly score: string;
  readonly durationMs: number;
}

/** The columns of a summary table, with the key of each count. */
export const COUNT_COLUMNS: readonly (readonly [string, Exclude<keyof Totals, 'rules'> | 'rules'])[] = [
  ['rules', 'rules'],
  ['passed', 'passed'],
  ['failed', 'failed'],
  ['known failing', 'knownFailing'],
  ['n/a', 'notApplicable'],
  ['not checked', 'notChecked'],
];

function rowOf(name: string, rules: readonly RuleResult[]): SummaryRow {
  const figures = coverageFigures(rules);
  return { name, totals: totalsOf(rules), index: percent(figures.index), score: percent(figures.score), durationMs: rules.reduce((ms, r) => ms + r.durationMs, 0) };
}

/** A row per RPC (catalogue order), then the total. */
export function summaryRows(results: Pick<RunResults, 'rules'>): SummaryRow[] {
  return [...[...byRpc(results.rules)].map(([rpc, rules]) => rowOf(rpc, rules)), rowOf('total', results.rules)];
}

/** A duration for people: `850 ms`, `7.3 s`, `2 min 5 s`. */
export function humanDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
