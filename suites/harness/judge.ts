import { expectationOf, ruleById, type Profile } from '../../rules/index.js';
import type { GatewayCase } from '../cases/gateway-cases.js';
import type { CallOutcome } from './client.js';

/** The verdict on one case: what the profile expects, what came back, and whether they agree. */
export interface Verdict {
  readonly passed: boolean;
  readonly expected: string;
  readonly received: string;
}

const NOT_REJECTED = 'not rejected by a gateway rule';

/** Compares an outcome with the catalogue's expectation for the case's rule in the profile. */
export function judge(c: GatewayCase, outcome: CallOutcome, profile: Profile): Verdict {
  const received = outcome.ruleId === undefined ? outcome.status : `${outcome.status} (${outcome.ruleId})`;
  const rule = c.ruleId === undefined ? undefined : ruleById(c.ruleId);
  const expectedStatus = rule ? expectationOf(rule, profile).status : 'OK';
  if (expectedStatus === 'OK') return { passed: !rejectedByGateway(outcome), expected: NOT_REJECTED, received };
  const sameRule = !c.trailer || outcome.ruleId === c.ruleId;
  return { passed: outcome.status === expectedStatus && sameRule, expected: `${expectedStatus} (${c.ruleId ?? ''})`, received };
}

/** Only the reference engine names its rules; a gateway-layer rule id means the gateway refused the call. */
function rejectedByGateway(outcome: CallOutcome): boolean {
  if (outcome.ruleId === undefined) return false;
  return ruleById(outcome.ruleId)?.layer !== 'engine';
}
