import { matchesRuleGlob } from '../rules/globs.js';
import type { BaselineProblem, KnownFailure, RuleResult, RunResults } from './results.js';

/** The version of the known-failing file's format. */
export const BASELINE_VERSION = 1;

/** One entry of a known-failing file: a rule-id glob, why its rules fail, and optionally a ticket and an expiry. */
export interface BaselineEntry {
  readonly rule: string;
  readonly reason: string;
  readonly ticket?: string;
  /** Last day (YYYY-MM-DD) the entry holds; after it the entry is stale and its rules fail again. */
  readonly expires?: string;
}

/** A known-failing file: `{ "version": 1, "knownFailing": [entries] }`. */
export interface Baseline {
  readonly version: typeof BASELINE_VERSION;
  readonly knownFailing: readonly BaselineEntry[];
}

/** The day a run started (UTC), which expiry dates are compared with. */
export const dayOf = (results: Pick<RunResults, 'startedAt'>): string => results.startedAt.slice(0, 10);

/** Whether an entry's expiry date has passed on `day`. */
export const isExpired = (entry: BaselineEntry, day: string): boolean => entry.expires !== undefined && entry.expires < day;

/**
 * The results judged with a baseline: a failed rule an active entry lists becomes `known-failing`; an entry that
 * lists a rule that passed, an expired entry and a pattern matching no rule of the catalogue are problems (the list
 * is stale), and fail the run. Rules not run, not applicable or not checked say nothing about an entry.
 */
export function applyBaseline(results: RunResults, baseline: Baseline, file: string, catalogueIds: readonly string[]): RunResults {
  const day = dayOf(results);
  const active = baseline.knownFailing.filter((e) => !isExpired(e, day));
  const problems: BaselineProblem[] = [];
  for (const entry of baseline.knownFailing) {
    if (!catalogueIds.some((id) => matchesRuleGlob(entry.rule, id))) {
      problems.push({ pattern: entry.rule, kind: 'unmatched', message: `${file}: '${entry.rule}' matches no rule of the catalogue` });
    } else if (isExpired(entry, day)) {
      problems.push({ pattern: entry.rule, kind: 'expired', message: `${file}: '${entry.rule}' expired on ${entry.expires ?? ''} (${entry.reason}): fix the rules or give a new date` });
    }
  }
  const rules = results.rules.map((rule): RuleResult => {
    const entry = active.find((e) => matchesRuleGlob(e.rule, rule.id));
    if (entry === undefined) return rule;
    if (rule.verdict === 'passed') {
      problems.push({ pattern: entry.rule, kind: 'passes', message: `${file}: '${entry.rule}' lists ${rule.id}, which passes: remove it (or run with --update-baseline)` });
    }
    return rule.verdict === 'failed' ? { ...rule, verdict: 'known-failing', knownFailure: knownFailureOf(entry) } : rule;
  });
  return { ...results, rules, baseline: { file, entries: baseline.knownFailing.length, problems } };
}

function knownFailureOf(entry: BaselineEntry): KnownFailure {
  return { pattern: entry.rule, reason: entry.reason, ...(entry.ticket !== undefined && { ticket: entry.ticket }), ...(entry.expires !== undefined && { expires: entry.expires }) };
}
