import type { Profile, RpcName } from '../../rules/index.js';
import { createFixtures, type Fixtures } from '../cases/fixtures.js';
import type { CallerKind, GatewayCase, Setting } from '../cases/gateway-cases.js';
import type { StateCase } from '../cases/state-cases.js';
import { DEFAULT_TENANTS, type RunTenants } from '../cases/tenants.js';
import { createGatewayClient, type CallOutcome, type GatewayClient, type TargetConnection } from './client.js';
import { judge, type Judged, type Verdict } from './judge.js';

/** A target prepared for one setting: where it listens and the token of each kind of caller. */
export interface PreparedTarget extends TargetConnection {
  /** Tokens per caller kind, plus `stranger`: a caller authorized only for another tenant. */
  readonly tokens: Readonly<Record<CallerKind | 'stranger', string | undefined>>;
}

/** What a case runs with: the target's client and callers, the fixtures, and the run's profile. */
export interface CaseContext {
  readonly client: GatewayClient;
  readonly tokens: PreparedTarget['tokens'];
  readonly fixtures: Fixtures;
  readonly profile: Profile;
  /** The tenant the case's requests and fixtures use: the primary one with multi-tenancy on, else empty. */
  readonly tenantId: string;
  readonly tenants: RunTenants;
}

/** A case that judged itself (a property: many calls, the verdict on the shrunk failure if any). */
export interface SelfJudged {
  readonly judged: Verdict & { readonly details: string; readonly request?: unknown; readonly seed?: number; readonly runs: number };
}

/** A case of any kind, ready to run against a prepared target. */
export interface RunnableCase extends Judged {
  readonly name: string;
  readonly setting: Setting;
  /** The request sent, when the case is a single call known in advance (for reports). */
  readonly request?: unknown;
  run(context: CaseContext): Promise<CallOutcome | SelfJudged>;
}

/** One case's result. */
export interface CaseResult extends Verdict {
  readonly case: RunnableCase;
  readonly details: string;
  /** The request of a property's shrunk counterexample, and the seed that reproduces it. */
  readonly request?: unknown;
  readonly seed?: number;
}

/** How long a stream that was not refused is watched before it counts as accepted. */
const STREAM_SETTLE_MS = 500;

/** Sends one check's call: with the caller's token if it has one, and a stream watched only briefly for a refusal. */
export function sendCase(client: GatewayClient, rpc: RpcName, request: object, token: string | undefined): Promise<CallOutcome> {
  return client.call(rpc, request, { ...(token !== undefined && { token }), openAfterMs: STREAM_SETTLE_MS });
}

/** A gateway-rule case: one call with the case's caller. */
export function runnableGatewayCase(c: GatewayCase): RunnableCase {
  return {
    ...c,
    run: ({ client, tokens }) => {
      return sendCase(client, c.rpc, c.request, tokens[c.caller]);
    },
  };
}

/** A state-rule case: fixtures first, through the API, then the call. */
export function runnableStateCase(c: StateCase): RunnableCase {
  return {
    name: `${c.ruleId}: ${c.title}`,
    ruleId: c.ruleId,
    trailer: true,
    setting: { multiTenancy: c.multiTenancy, authRequired: false },
    run: ({ fixtures, tenantId, tenants }) => c.run(fixtures, tenantId, tenants.foreign),
  };
}

/** How a run goes: who hears of each result, and how many cases run at once in a setting. */
export interface RunOptions {
  readonly onResult?: (result: CaseResult) => void;
  /** Cases are independent (each builds its own fixtures), so several may run at once; default 1. */
  readonly concurrency?: number;
  /** The tenants the callers hold; default: the embedded engine's callers'. */
  readonly tenants?: RunTenants;
}

/** Runs the cases, grouped by setting, against the target `prepare` gives for each setting; results in case order. */
export async function runCases(
  cases: readonly RunnableCase[],
  profile: Profile,
  prepare: (setting: Setting) => Promise<PreparedTarget & { release(): Promise<void> }>,
  options: RunOptions = {},
): Promise<CaseResult[]> {
  const results = new Map<RunnableCase, CaseResult>();
  for (const group of groupBySetting(cases).values()) {
    const setting = group[0]?.setting;
    if (!setting) continue;
    const target = await prepare(setting);
    const client = createGatewayClient(target);
    const tenants = options.tenants ?? DEFAULT_TENANTS;
    const tenantId = setting.multiTenancy ? tenants.primary : '';
    const fixtures = createFixtures({
      client,
      token: target.tokens.authorized,
      strangerToken: target.tokens.stranger,
      tenantId,
      runId: `${Date.now().toString(36)}-${setting.multiTenancy ? 'mt' : 'st'}`,
    });
    const runOne = async (c: RunnableCase): Promise<void> => {
      const outcome = await c.run({ client, tokens: target.tokens, fixtures, profile, tenantId, tenants });
      const result: CaseResult = 'judged' in outcome ? { ...outcome.judged, case: c } : { ...judge(c, outcome, profile), case: c, details: outcome.details };
      results.set(c, result);
      options.onResult?.(result);
    };
    try {
      await inPool(group, options.concurrency ?? 1, runOne);
    } finally {
      await fixtures.cleanUp();
      client.close();
      await target.release();
    }
  }
  return cases.flatMap((c) => results.get(c) ?? []);
}

/** Runs `work` on every item, at most `size` at a time. */
async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i];
      if (item !== undefined) await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, size) }, worker));
}

function groupBySetting(cases: readonly RunnableCase[]): Map<string, RunnableCase[]> {
  const groups = new Map<string, RunnableCase[]>();
  for (const c of cases) {
    const key = JSON.stringify(c.setting);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return groups;
}
