import { callName, type CallVerdict } from './replay-results.js';
import type { ReplayRunResults } from './results.js';

/** A recorded call whose verdict changed between two replay runs. */
export interface CallChange {
  /** `#4 CompleteJob (line 17)`. */
  readonly call: string;
  readonly before: CallVerdict | 'absent';
  readonly after: CallVerdict | 'absent';
}

/** What changed between two replay runs: calls that regressed (mismatched now, not before), fixed, and the rest. */
export interface ReplayDiff {
  readonly regressions: readonly CallChange[];
  readonly fixes: readonly CallChange[];
  readonly other: readonly CallChange[];
  /** Whether the runs replayed cassettes recorded at different times (the calls may not correspond). */
  readonly otherCassette: boolean;
}

/** Compares two replay runs call by call (by cassette id and RPC; calls only one run has count as absent in the other). */
export function diffReplayResults(before: ReplayRunResults, after: ReplayRunResults): ReplayDiff {
  const old = new Map(before.calls.map((c) => [callName(c), c.verdict]));
  const now = new Map(after.calls.map((c) => [callName(c), c.verdict]));
  const names = [...now.keys(), ...[...old.keys()].filter((name) => !now.has(name))];
  const changes = names.map((call): CallChange => ({ call, before: old.get(call) ?? 'absent', after: now.get(call) ?? 'absent' })).filter((c) => c.before !== c.after);
  const regressions = changes.filter((c) => c.after === 'mismatched');
  const fixes = changes.filter((c) => c.before === 'mismatched' && c.after === 'matched');
  const other = changes.filter((c) => !regressions.includes(c) && !fixes.includes(c));
  return { regressions, fixes, other, otherCassette: before.cassette.recordedAt !== after.cassette.recordedAt };
}

/** The replay diff as plain text, for a terminal or a CI log. */
export function renderReplayDiff(diff: ReplayDiff): string {
  const section = (title: string, changes: readonly CallChange[]): string[] =>
    changes.length === 0 ? [] : [`${title} (${changes.length}):`, ...changes.map((c) => `  ${c.call}: ${c.before} -> ${c.after}`)];
  const note = diff.otherCassette ? ['note: the runs replayed cassettes recorded at different times; calls are compared by id and RPC'] : [];
  const verdict = diff.regressions.length > 0 ? `${diff.regressions.length} regressed, ${diff.fixes.length} fixed` : `no regression, ${diff.fixes.length} fixed`;
  return [...note, ...section('regressed', diff.regressions), ...section('fixed', diff.fixes), ...section('other changes', diff.other), verdict, ''].join('\n');
}
