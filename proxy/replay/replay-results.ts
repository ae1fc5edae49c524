import type { Difference } from './diff.js';

/** Version of the replay results JSON; bumped on any incompatible change. */
export const REPLAY_RESULTS_VERSION = 1;

/** What `replay verify` concluded for one recorded call. */
export type CallVerdict = 'matched' | 'mismatched' | 'skipped';

/** One recorded call replayed against the live target. */
export interface CallResult {
  readonly id: number;
  /** Line of the call in the cassette. */
  readonly line: number;
  readonly method: string;
  readonly verdict: CallVerdict;
  /** Why it was skipped, or a one-line summary of the mismatch. */
  readonly reason?: string;
  readonly recorded: { readonly status: number; readonly messages: number };
  readonly live?: { readonly status: number; readonly details: string; readonly messages: number };
  /** Field-level differences (`status` and `messages` paths for the status and message count). */
  readonly differences: readonly Difference[];
}

/** The results of one `replay verify` run (written as replay-results.json). */
export interface ReplayResults {
  readonly format: 'zeebe-conformance-replay-results';
  readonly version: number;
  readonly cassette: string;
  readonly target: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly summary: { readonly calls: number; readonly matched: number; readonly mismatched: number; readonly skipped: number };
  /** Recorded key → live key, as learned. */
  readonly keys: Readonly<Record<string, string>>;
  readonly calls: readonly CallResult[];
}

/** Counts verdicts. */
export function summarize(calls: readonly CallResult[]): ReplayResults['summary'] {
  const count = (v: CallVerdict) => calls.filter((c) => c.verdict === v).length;
  return { calls: calls.length, matched: count('matched'), mismatched: count('mismatched'), skipped: count('skipped') };
}

/** Whether the run found a regression (exit code 1). */
export function hasRegression(results: ReplayResults): boolean {
  return results.summary.mismatched > 0;
}
