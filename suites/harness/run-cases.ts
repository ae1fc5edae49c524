import type { ChannelCredentials } from '@grpc/grpc-js';
import type { Profile } from '../../rules/index.js';
import type { CallerKind, GatewayCase, Setting } from '../cases/gateway-cases.js';
import { createGatewayClient } from './client.js';
import { judge, type Verdict } from './judge.js';

/** A target prepared for one setting: where it listens and the token of each kind of caller. */
export interface PreparedTarget {
  readonly address: string;
  readonly credentials?: ChannelCredentials;
  readonly tokens: Readonly<Record<CallerKind, string | undefined>>;
}

/** One case's result. */
export interface CaseResult extends Verdict {
  readonly case: GatewayCase;
  readonly details: string;
}

/** Runs the cases, grouped by setting, against the target `prepare` gives for each setting. */
export async function runCases(
  cases: readonly GatewayCase[],
  profile: Profile,
  prepare: (setting: Setting) => Promise<PreparedTarget & { release(): Promise<void> }>,
  onResult: (result: CaseResult) => void = () => undefined,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const [, group] of groupBySetting(cases)) {
    const first = group[0];
    if (!first) continue;
    const target = await prepare(first.setting);
    const client = createGatewayClient(target);
    try {
      for (const c of group) {
        const token = target.tokens[c.caller];
        const outcome = await client.call(c.rpc, c.request, token === undefined ? {} : { token });
        const result = { ...judge(c, outcome, profile), case: c, details: outcome.details };
        results.push(result);
        onResult(result);
      }
    } finally {
      client.close();
      await target.release();
    }
  }
  return results;
}

function groupBySetting(cases: readonly GatewayCase[]): Map<string, GatewayCase[]> {
  const groups = new Map<string, GatewayCase[]>();
  for (const c of cases) {
    const key = JSON.stringify(c.setting);
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return groups;
}
