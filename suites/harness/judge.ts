import { expectationOf, ruleById, type Profile } from '../../rules/index.js';
import type { CallOutcome } from './client.js';

/** The verdict on one case: what the profile expects, what came back, and whether they agree. */
export interface Verdict {
  readonly passed: boolean;
  readonly expected: string;
  readonly received: string;
}

/** What the judge needs of a case: its rule (none: a request no gateway rule may refuse) and whether a trailer names it. */
export interface Judged {
  readonly ruleId: string | undefined;
  /** False where the rejection comes from the gRPC layer itself, which sends no rule trailer. */
  readonly trailer: boolean;
}

/**
 * Compares an outcome with the catalogue's expectation for the case's rule in the profile. Where the profile
 * accepts the condition, a gateway rule's case must not be refused by the gateway layer, and a state rule's case
 * must succeed.
 */
export function judge(c: Judged, outcome: CallOutcome, profile: Profile): Verdict {
  const received = outcome.ruleId === undefined ? outcome.status : `${outcome.status} (${outcome.ruleId})`;
  const rule = c.ruleId === undefined ? undefined : ruleById(c.ruleId);
  const expectedStatus = rule ? expectationOf(rule, profile).status : 'OK';
  if (expectedStatus === 'OK' && rule?.layer === 'engine') return { passed: outcome.status === 'OK', expected: 'OK', received };
  if (expectedStatus === 'OK') return { passed: !rejectedByGateway(outcome), expected: 'not rejected by a gateway rule', received };
  const sameRule = !c.trailer || outcome.ruleId === c.ruleId;
  return { passed: outcome.status === expectedStatus && sameRule, expected: `${expectedStatus} (${c.ruleId ?? ''})`, received };
}

/** Only the reference engine names its rules; a gateway-layer rule id means the gateway refused the call. */
function rejectedByGateway(outcome: CallOutcome): boolean {
  if (outcome.ruleId === undefined) return false;
  return ruleById(outcome.ruleId)?.layer !== 'engine';
}
