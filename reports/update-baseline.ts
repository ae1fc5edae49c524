import { matchesRuleGlob } from '../rules/globs.js';
import { BASELINE_VERSION, dayOf, isExpired, type Baseline, type BaselineEntry } from './baseline.js';
import type { RunResults } from './results.js';

/** A rewritten baseline and what changed. */
export interface BaselineUpdate {
  readonly baseline: Baseline;
  /** Patterns added (failed rules no entry listed) and removed (stale: nothing left to list). */
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * The baseline that matches a run (judged without it): entries matching no rule of the catalogue go; an entry whose
 * rules all pass goes; a glob listing both failing and passing rules is narrowed to the failing ids (its reason,
 * ticket and expiry kept); every failed rule no entry lists is added. Expired entries stay as they are: an expiry
 * is a deadline someone set, which an update never extends.
 */
export function updateBaseline(results: RunResults, baseline: Baseline, catalogueIds: readonly string[]): BaselineUpdate {
  const day = dayOf(results);
  const verdictsOf = (pattern: string): string[] => results.rules.filter((r) => matchesRuleGlob(pattern, r.id)).map((r) => r.verdict);
  const failingOf = (pattern: string): string[] => results.rules.filter((r) => r.verdict === 'failed' && matchesRuleGlob(pattern, r.id)).map((r) => r.id);
  const kept: BaselineEntry[] = [];
  const removed: string[] = [];
  for (const entry of baseline.knownFailing) {
    const verdicts = verdictsOf(entry.rule);
    const failing = failingOf(entry.rule);
    if (!catalogueIds.some((id) => matchesRuleGlob(entry.rule, id))) removed.push(entry.rule);
    else if (isExpired(entry, day) || !verdicts.includes('passed')) kept.push(entry);
    else if (failing.length === 0) removed.push(entry.rule);
    else {
      removed.push(entry.rule);
      kept.push(...failing.map((id) => ({ ...entry, rule: id })));
    }
  }
  const listed = (id: string): boolean => kept.some((e) => matchesRuleGlob(e.rule, id));
  const fresh = results.rules.filter((r) => r.verdict === 'failed' && !listed(r.id)).map((r): BaselineEntry => ({ rule: r.id, reason: `failing since ${day} (added by --update-baseline)` }));
  const narrowed = kept.filter((e) => !baseline.knownFailing.includes(e)).map((e) => e.rule);
  return { baseline: { version: BASELINE_VERSION, knownFailing: [...kept, ...fresh] }, added: [...narrowed, ...fresh.map((e) => e.rule)], removed };
}

/** The file's text: two-space JSON, as people edit it. */
export function renderBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}
