/** The results model every verify run writes; renderers only read it. Versioned: readers check `version`. */

export const RESULTS_VERSION = 1;

/** `not-applicable`: the rule cannot apply to this target; `not-checked`: it could, but no check of the kit reaches it yet. */
export type RuleVerdict = 'passed' | 'failed' | 'not-applicable' | 'not-checked';

/** One check of a rule that did not hold, with what it takes to see it again. */
export interface CheckFailure {
  readonly name: string;
  readonly expected: string;
  readonly received: string;
  readonly details: string;
  /** The request as proto-JSON (64-bit integers as strings, bytes as base64), when the check sent one. */
  readonly request?: unknown;
  /** A command that reruns exactly this check. */
  readonly reproduce: string;
}

/** The verdict on one catalogue rule. */
export interface RuleResult {
  readonly id: string;
  readonly rpc: string;
  readonly condition: string;
  /** The page's words (bullet paths joined), empty for rules from the real gateway's behaviour. */
  readonly quote: string;
  readonly verdict: RuleVerdict;
  /** Why a rule was not applicable or not checked. */
  readonly reason?: string;
  readonly checks: number;
  readonly failures: readonly CheckFailure[];
}

/** What was checked, against what, and how it went. */
export interface RunResults {
  readonly version: typeof RESULTS_VERSION;
  readonly kit: { readonly name: string; readonly version: string };
  readonly target: { readonly description: string; readonly gatewayVersion?: string; readonly settings: readonly string[] };
  readonly profile: string;
  readonly seed: number;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly rules: readonly RuleResult[];
  /** Requests that break no rule, which every gateway must let through (the boundaries of the rules). */
  readonly acceptance: { readonly checks: number; readonly failures: readonly CheckFailure[] };
}

/** Counts per verdict. */
export interface Totals {
  readonly rules: number;
  readonly passed: number;
  readonly failed: number;
  readonly notApplicable: number;
  readonly notChecked: number;
}

/** Counts the verdicts of some rules. */
export function totalsOf(rules: readonly RuleResult[]): Totals {
  const count = (v: RuleVerdict): number => rules.filter((r) => r.verdict === v).length;
  return { rules: rules.length, passed: count('passed'), failed: count('failed'), notApplicable: count('not-applicable'), notChecked: count('not-checked') };
}

/** The rules grouped by RPC, in catalogue order. */
export function byRpc(rules: readonly RuleResult[]): Map<string, RuleResult[]> {
  const groups = new Map<string, RuleResult[]>();
  for (const rule of rules) groups.set(rule.rpc, [...(groups.get(rule.rpc) ?? []), rule]);
  return groups;
}
