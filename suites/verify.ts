import { performance } from 'node:perf_hooks';
import { catalogue, matchesAnyRuleGlob, type Profile, type Rule, type RpcName } from '../rules/index.js';
import type { CheckFailure, RuleResult, TargetCapabilities } from '../reports/index.js';
import { gatewayCases, type Setting } from './cases/gateway-cases.js';
import { STATE_CASES } from './cases/state-cases.js';
import { DEFAULT_TENANTS, type RunTenants } from './cases/tenants.js';
import { UNREACHABLE_THROUGH_THE_API } from './cases/unreachable.js';
import { ruleProperties } from './properties/rule-properties.js';
import { runnablePropertyCase } from './properties/runnable.js';
import { POSITIVE_PROPERTIES } from './positive/index.js';
import { runnablePositiveCase } from './positive/runnable.js';
import { runnableLifecycleCase } from './model-based/runnable.js';
import { runCases, runnableGatewayCase, runnableStateCase, type CaseResult, type PreparedTarget, type RunnableCase } from './harness/run-cases.js';

/** What a verify run needs to know of its target: the settings it can offer and how to reach each. */
export interface VerifyTarget {
  readonly description: string;
  /** The gateway version a live target reports (Topology). */
  readonly gatewayVersion?: string;
  /** The settings this target can be checked in (the embedded engine: all; a live gateway: its own). */
  readonly settings: readonly Setting[];
  /** RPCs the target answers UNIMPLEMENTED. */
  readonly unimplemented: readonly RpcName[];
  /** Whether a second caller, authorized for another tenant, is configured. */
  readonly hasStranger: boolean;
  /** Partitions of the target (keys on others name nothing). */
  readonly partitions: number;
  /** The tenants the authorized caller holds (and the second caller's); default: the embedded engine's callers'. */
  readonly tenants?: RunTenants;
  /** Why no check can run on this target at all (then every rule is not applicable, for this reason). */
  readonly blocked?: string;
  prepare(setting: Setting): Promise<PreparedTarget & { release(): Promise<void> }>;
}

/** Resolved options of a verify run. */
export interface VerifyOptions {
  readonly profile: Profile;
  /** Rule-id globs; empty: every rule. */
  readonly rules: readonly string[];
  /** Arguments that point a rerun at the same target (never secrets), for reproduce commands. */
  readonly targetArgs: string;
  /** fast-check's seed for every property of the run, and how many requests each property generates (0: none). */
  readonly seed: number;
  readonly runs: number;
  readonly onStart?: (cases: readonly RunnableCase[]) => void;
  readonly onResult?: (result: CaseResult) => void;
  /** How many checks run at once (default 1). */
  readonly concurrency?: number;
  /** Only this shard of the rules, `[index, count]` with index from 1 (CI splits a run over machines). */
  readonly shard?: readonly [number, number];
}

/** What a verify run found: a verdict per rule, the requests at the rules' edges that must pass, the target's capabilities. */
export interface Verification {
  readonly capabilities: TargetCapabilities;
  readonly rules: RuleResult[];
  readonly acceptance: { readonly checks: number; readonly failures: CheckFailure[] };
}

/** Checks every selected rule against the target and answers one verdict per rule. */
export async function verify(target: VerifyTarget, options: VerifyOptions): Promise<Verification> {
  const [shard, shards] = options.shard ?? [1, 1];
  const selected = catalogue
    .filter((r) => options.rules.length === 0 || matchesAnyRuleGlob(options.rules, r.id))
    .filter((_, i) => i % shards === shard - 1);
  const ids = new Set(selected.map((r) => r.id));
  const everyRule = options.rules.length === 0 && shard === 1;
  const tenants = target.tenants ?? DEFAULT_TENANTS;
  const properties = options.runs > 0 ? ruleProperties({ partitions: target.partitions, tenants }).map((p) => runnablePropertyCase(p, options)) : [];
  const all = [...gatewayCases(tenants).map(runnableGatewayCase), ...properties, ...positiveCases(target, options), ...STATE_CASES.map(runnableStateCase)].filter((c) => (c.ruleId === undefined ? everyRule : ids.has(c.ruleId)));
  const runnable = all.filter((c) => applicableSetting(c, target) !== undefined && !needsMissing(c, target));
  const meter = createMeter();
  const scheduled = runnable.map((c) => meter.measured({ ...c, setting: applicableSetting(c, target) ?? c.setting }));
  options.onStart?.(scheduled);
  const results = await runCases(scheduled, options.profile, (s) => target.prepare(s), {
    ...(options.onResult && { onResult: options.onResult }),
    concurrency: options.concurrency ?? 1,
    tenants,
  });
  const accepted = results.filter((r) => r.case.ruleId === undefined);
  const answering = answeringRpcs(results);
  return {
    capabilities: capabilitiesOf(target),
    rules: selected.map((rule) => ({ ...verdictOf(rule, all, results, { ...target, answering }, options), ...meter.of(results.filter((r) => r.case.ruleId === rule.id)) })),
    acceptance: { checks: accepted.length, failures: accepted.filter((r) => !r.passed).map((r) => failureOf(r, options)) },
  };
}

/** The RPCs the job lifecycle's commands send. */
const JOB_LIFECYCLE_RPCS: readonly RpcName[] = ['DeployResource', 'CreateProcessInstance', 'ActivateJobs', 'CompleteJob', 'FailJob', 'ThrowError', 'UpdateJobRetries', 'UpdateJobTimeout'];

/** A positive property per RPC the target implements and the job lifecycle model, in each multi-tenancy mode (none when `runs` is 0). */
function positiveCases(target: VerifyTarget, options: VerifyOptions): RunnableCase[] {
  if (options.runs === 0) return [];
  const implemented = POSITIVE_PROPERTIES.filter((p) => !target.unimplemented.includes(p.rpc));
  const lifecycle = (multiTenancy: boolean): RunnableCase[] => (JOB_LIFECYCLE_RPCS.some((rpc) => target.unimplemented.includes(rpc)) ? [] : [runnableLifecycleCase(multiTenancy, options)]);
  return [false, true].flatMap((multiTenancy) => [...implemented.map((p) => runnablePositiveCase(p, multiTenancy, options)), ...lifecycle(multiTenancy)]);
}

function capabilitiesOf(target: VerifyTarget): TargetCapabilities {
  const { gatewayVersion, partitions, settings, unimplemented, hasStranger } = target;
  return { ...(gatewayVersion !== undefined && { gatewayVersion }), partitions, settings, unimplemented, secondCaller: hasStranger };
}

/** Per check: the requests it judged (a property: each generated one) and the time it took, fixtures included. */
function createMeter() {
  const seen = new Map<RunnableCase, { runs: number; ms: number }>();
  return {
    measured: (c: RunnableCase): RunnableCase => {
      const measuredCase: RunnableCase = {
        ...c,
        run: async (context) => {
          const start = performance.now();
          const outcome = await c.run(context);
          seen.set(measuredCase, { runs: 'judged' in outcome ? outcome.judged.runs : 1, ms: performance.now() - start });
          return outcome;
        },
      };
      return measuredCase;
    },
    of: (results: readonly CaseResult[]): Pick<RuleResult, 'runs' | 'durationMs'> => {
      const measures = results.map((r) => seen.get(r.case) ?? { runs: 0, ms: 0 });
      return { runs: measures.reduce((n, m) => n + m.runs, 0), durationMs: Math.round(measures.reduce((n, m) => n + m.ms, 0)) };
    },
  };
}

/** The target's setting a case can run in: the same multi-tenancy mode, and auth as the case needs it. */
function applicableSetting(c: RunnableCase, target: VerifyTarget): Setting | undefined {
  return target.settings.find((s) => s.multiTenancy === c.setting.multiTenancy && (s.authRequired === c.setting.authRequired || !c.setting.authRequired && !isAnonymous(c)));
}

const isAnonymous = (c: RunnableCase): boolean => c.ruleId === 'Gateway/tenant/mt-on-no-identity';

function needsMissing(c: RunnableCase, target: VerifyTarget): boolean {
  return c.ruleId?.endsWith('/other-tenant') === true && !target.hasStranger;
}

/** RPCs that answered anything but UNIMPLEMENTED to some check: the target implements them, at least in part. */
function answeringRpcs(results: readonly CaseResult[]): Set<string> {
  return new Set(results.filter((r) => !r.received.startsWith('UNIMPLEMENTED')).map((r) => r.case.ruleId?.split('/')[0] ?? ''));
}

function verdictOf(rule: Rule, all: readonly RunnableCase[], results: readonly CaseResult[], target: VerifyTarget & { answering: Set<string> }, options: VerifyOptions): Omit<RuleResult, 'runs' | 'durationMs'> {
  const mine = results.filter((r) => r.case.ruleId === rule.id);
  // A target that answers UNIMPLEMENTED to every check of an RPC does not have it; one that answers some does.
  if (mine.length > 0 && !target.answering.has(rule.rpc) && mine.every((r) => r.received.startsWith('UNIMPLEMENTED'))) {
    return { id: rule.id, rpc: rule.rpc, condition: rule.condition, quote: quoteOf(rule), verdict: 'not-applicable', reason: `the target answers UNIMPLEMENTED for ${rule.rpc}`, checks: mine.length, failures: [] };
  }
  const base = { id: rule.id, rpc: rule.rpc, condition: rule.condition, quote: quoteOf(rule) };
  if (mine.length === 0) return { ...base, ...whyNotRun(rule, all, target), checks: 0, failures: [] };
  const failures = mine.filter((r) => !r.passed).map((r): CheckFailure => failureOf(r, options));
  return { ...base, verdict: failures.length > 0 ? 'failed' : 'passed', checks: mine.length, failures };
}

const quoteOf = (rule: Rule): string => rule.quotes.map((q) => q.bullets.join(' / ')).join(' | ');

function failureOf(r: CaseResult, options: VerifyOptions): CheckFailure {
  const rules = r.case.ruleId === undefined ? '' : ` --rules '${r.case.ruleId}'`;
  const seed = r.seed === undefined ? '' : ` --seed ${r.seed} --runs ${options.runs}`;
  const rerun = `npx zeebe-conformance verify --profile ${options.profile}${rules}${seed}${options.targetArgs}`;
  const request = r.request ?? r.case.request;
  return { name: r.case.name, expected: r.expected, received: r.received, details: r.details, ...(request !== undefined && { request }), reproduce: rerun };
}

/** Why no check ran: the target cannot offer what the rule needs, or the kit has no check for it yet. */
function whyNotRun(rule: Rule, all: readonly RunnableCase[], target: VerifyTarget): Pick<RuleResult, 'verdict' | 'reason'> {
  if (target.blocked !== undefined) return { verdict: 'not-applicable', reason: target.blocked };
  const modes = new Set(target.settings.map((s) => s.multiTenancy));
  if (rule.multiTenancy !== 'any' && !modes.has(rule.multiTenancy === 'on')) {
    return { verdict: 'not-applicable', reason: `the target has multi-tenancy ${rule.multiTenancy === 'on' ? 'off' : 'on'}` };
  }
  if (rule.id === 'Gateway/UNAUTHENTICATED/missing-token' && !target.settings.some((s) => s.authRequired)) {
    return { verdict: 'not-applicable', reason: 'the target does not require authentication' };
  }
  if (rule.id.endsWith('/other-tenant') && !target.hasStranger) {
    return { verdict: 'not-applicable', reason: 'needs a second caller, authorized for another tenant (--stranger-client-id/--stranger-token)' };
  }
  const rpc = rule.rpc === 'Gateway' ? undefined : rule.rpc;
  if (rpc !== undefined && target.unimplemented.includes(rpc)) return { verdict: 'not-applicable', reason: `the target does not implement ${rpc}` };
  const hasCase = all.some((c) => c.ruleId === rule.id);
  const unreachable = UNREACHABLE_THROUGH_THE_API[rule.id];
  if (unreachable !== undefined) return { verdict: 'not-checked', reason: unreachable };
  return { verdict: 'not-checked', reason: hasCase ? 'its checks need a setting this target does not offer' : 'no check of the kit reaches this rule yet' };
}
