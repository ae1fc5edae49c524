import type { CallResult, CassetteIdentity } from './replay-results.js';

/**
 * The results model every `verify` and `replay verify` run writes; renderers only read it. Versioned: readers check
 * `version` (version 1 had no capabilities, timings, runs or known failures and is refused; version 2 had verify
 * runs only, without `kind`, and is read as a verify run). `kind` tells a verify run from a replay run.
 */
export const RESULTS_VERSION = 3;

/**
 * `not-applicable`: the rule cannot apply to this target; `not-checked`: it could, but no check of the kit reaches it
 * yet; `known-failing`: it failed, and a baseline entry lists it (the run does not fail for it).
 */
export type RuleVerdict = 'passed' | 'failed' | 'known-failing' | 'not-applicable' | 'not-checked';

/** Every verdict, worst first (the order reports list them in). */
export const VERDICTS: readonly RuleVerdict[] = ['failed', 'known-failing', 'passed', 'not-checked', 'not-applicable'];

/** One check of a rule that did not hold, with what it takes to see it again. */
export interface CheckFailure {
  readonly name: string;
  readonly expected: string;
  readonly received: string;
  readonly details: string;
  /** The request as proto-JSON (64-bit integers as strings, bytes as base64), when the check sent one; shrunk for a property. */
  readonly request?: unknown;
  /** A command that reruns exactly this check. */
  readonly reproduce: string;
}

/** The baseline entry that lists a known-failing rule. */
export interface KnownFailure {
  readonly pattern: string;
  readonly reason: string;
  readonly ticket?: string;
  /** Last day (YYYY-MM-DD) the entry holds. */
  readonly expires?: string;
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
  /** Checks of the rule that ran (examples and properties). */
  readonly checks: number;
  /** Requests judged: one per example, every generated request of a property. */
  readonly runs: number;
  /** Time its checks took, fixtures included (summed: with --concurrency they overlap). */
  readonly durationMs: number;
  readonly failures: readonly CheckFailure[];
  /** For `known-failing`: the baseline entry that lists it. */
  readonly knownFailure?: KnownFailure;
}

/** What the target showed of itself (a live gateway: probed; the embedded engine: what it offers). */
export interface TargetCapabilities {
  readonly gatewayVersion?: string;
  readonly partitions: number;
  /** The settings the run checked the target in. */
  readonly settings: readonly { readonly multiTenancy: boolean; readonly authRequired: boolean }[];
  /** RPCs the target answers UNIMPLEMENTED. */
  readonly unimplemented: readonly string[];
  /** Whether a second caller, authorized for another tenant, was configured. */
  readonly secondCaller: boolean;
}

/** What is wrong with a baseline entry; any of these fails the run (the list is stale). */
export interface BaselineProblem {
  readonly pattern: string;
  readonly kind: 'passes' | 'expired' | 'unmatched';
  readonly message: string;
}

/** The baseline a run was judged with. */
export interface BaselineSummary {
  readonly file: string;
  readonly entries: number;
  readonly problems: readonly BaselineProblem[];
}

/** What a verify run checked, against what, and how it went. */
export interface RunResults {
  readonly version: typeof RESULTS_VERSION;
  readonly kind: 'verify';
  readonly kit: { readonly name: string; readonly version: string };
  readonly target: { readonly description: string };
  readonly capabilities: TargetCapabilities;
  readonly profile: string;
  readonly seed: number;
  /** Generated requests per property (0: examples only). */
  readonly runsPerProperty: number;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly rules: readonly RuleResult[];
  /** Requests that break no rule, which every gateway must let through (the boundaries of the rules). */
  readonly acceptance: { readonly checks: number; readonly failures: readonly CheckFailure[] };
  readonly baseline?: BaselineSummary;
}

/** A `replay verify` run: each recorded call of a cassette re-sent to a live gateway and compared. */
export interface ReplayRunResults {
  readonly version: typeof RESULTS_VERSION;
  readonly kind: 'replay';
  readonly kit: { readonly name: string; readonly version: string };
  /** The live gateway. */
  readonly target: { readonly description: string };
  readonly cassette: CassetteIdentity;
  readonly startedAt: string;
  readonly durationMs: number;
  /** Response fields not compared (the defaults and `--noise`). */
  readonly noise: readonly string[];
  /** Every recorded call, in cassette order. */
  readonly calls: readonly CallResult[];
  /** Recorded key → live key, as learned over the whole run. */
  readonly keys: Readonly<Record<string, string>>;
}

/** Any run's results: what the `report` commands read and every renderer takes. */
export type Results = RunResults | ReplayRunResults;

/** Counts per verdict. */
export interface Totals {
  readonly rules: number;
  readonly passed: number;
  readonly failed: number;
  readonly knownFailing: number;
  readonly notApplicable: number;
  readonly notChecked: number;
}

/** Counts the verdicts of some rules. */
export function totalsOf(rules: readonly RuleResult[]): Totals {
  const count = (v: RuleVerdict): number => rules.filter((r) => r.verdict === v).length;
  return {
    rules: rules.length,
    passed: count('passed'),
    failed: count('failed'),
    knownFailing: count('known-failing'),
    notApplicable: count('not-applicable'),
    notChecked: count('not-checked'),
  };
}

/** The rules grouped by RPC, in catalogue order. */
export function byRpc(rules: readonly RuleResult[]): Map<string, RuleResult[]> {
  const groups = new Map<string, RuleResult[]>();
  for (const rule of rules) groups.set(rule.rpc, [...(groups.get(rule.rpc) ?? []), rule]);
  return groups;
}

/** Whether the run failed: a rule failed, an edge request was refused, or the baseline is stale; a replayed call mismatched. */
export function runFailed(results: Results): boolean {
  if (results.kind === 'replay') return results.calls.some((c) => c.verdict === 'mismatched');
  return results.rules.some((r) => r.verdict === 'failed') || results.acceptance.failures.length > 0 || (results.baseline?.problems.length ?? 0) > 0;
}
