import type { RuleResult, RuleVerdict, RunResults } from './results.js';

/** A rule whose verdict changed between two runs. */
export interface VerdictChange {
  readonly id: string;
  readonly before: RuleVerdict | 'absent';
  readonly after: RuleVerdict | 'absent';
}

/**
 * What changed between two runs. Regressions: rules failing now (failed or known failing) that did not fail
 * before; fixes: rules that failed before and pass now; other: any other change of verdict (coverage moved).
 */
export interface ResultsDiff {
  readonly regressions: readonly VerdictChange[];
  readonly fixes: readonly VerdictChange[];
  readonly other: readonly VerdictChange[];
  /** Requests at the rules' edges refused, before and after. */
  readonly edges: { readonly before: number; readonly after: number };
}

const failing = (v: RuleVerdict | 'absent'): boolean => v === 'failed' || v === 'known-failing';

/** Compares two runs rule by rule (by id; rules only one run has count as absent in the other). */
export function diffResults(before: RunResults, after: RunResults): ResultsDiff {
  const old = new Map(before.rules.map((r) => [r.id, r.verdict]));
  const now = new Map(after.rules.map((r) => [r.id, r.verdict]));
  const ids = [...after.rules.map((r: RuleResult) => r.id), ...before.rules.map((r) => r.id).filter((id) => !now.has(id))];
  const changes = ids
    .map((id): VerdictChange => ({ id, before: old.get(id) ?? 'absent', after: now.get(id) ?? 'absent' }))
    .filter((c) => c.before !== c.after);
  const regressions = changes.filter((c) => failing(c.after) && !failing(c.before));
  const fixes = changes.filter((c) => failing(c.before) && c.after === 'passed');
  const other = changes.filter((c) => !regressions.includes(c) && !fixes.includes(c));
  return { regressions, fixes, other, edges: { before: before.acceptance.failures.length, after: after.acceptance.failures.length } };
}

/** Whether the new run is worse: a rule regressed, or more requests at the edges were refused. */
export const hasRegression = (diff: ResultsDiff): boolean => diff.regressions.length > 0 || diff.edges.after > diff.edges.before;

/** The diff as plain text, for a terminal or a CI log. */
export function renderDiff(diff: ResultsDiff): string {
  const section = (title: string, changes: readonly VerdictChange[]): string[] =>
    changes.length === 0 ? [] : [`${title} (${changes.length}):`, ...changes.map((c) => `  ${c.id}: ${c.before} -> ${c.after}`)];
  const edges = diff.edges.before === diff.edges.after ? [] : [`requests at the rules' edges refused: ${diff.edges.before} -> ${diff.edges.after}`];
  // Rules only one run has (a --rules or --shard subset, a newer catalogue) are counted, not listed.
  const dropped = diff.other.filter((c) => c.after === 'absent').length;
  const added = diff.other.filter((c) => c.before === 'absent').length;
  const other = diff.other.filter((c) => c.before !== 'absent' && c.after !== 'absent');
  const absent = [...(dropped > 0 ? [`not in the new run: ${dropped} rules`] : []), ...(added > 0 ? [`only in the new run: ${added} rules`] : [])];
  const lines = [...section('regressed', diff.regressions), ...section('fixed', diff.fixes), ...section('other changes', other), ...absent, ...edges];
  const verdict = hasRegression(diff) ? `${diff.regressions.length} regressed, ${diff.fixes.length} fixed` : `no regression, ${diff.fixes.length} fixed`;
  return [...lines, verdict, ''].join('\n');
}
