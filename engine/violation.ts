import { expectationOf, ruleById, type Profile } from '../rules/index.js';
import { failure, type Failure } from './failure.js';

/** A request that breaks a catalogued rule: the rule id and the real gateway's wording. */
export interface Violation {
  readonly ruleId: string;
  readonly details: string;
}

/** Builds a violation. */
export const violation = (ruleId: string, details: string): Violation => ({ ruleId, details });

/**
 * Decides what a violation means in a profile, from the catalogue: a failure with the rule's status,
 * or `undefined` where the profile accepts the request (a deviation kept as data, not as an `if`).
 */
export function decide(v: Violation, profile: Profile): Failure | undefined {
  const rule = ruleById(v.ruleId);
  if (!rule) throw new Error(`engine refers to rule '${v.ruleId}', which is not in the catalogue`);
  const { status } = expectationOf(rule, profile);
  return status === 'OK' ? undefined : failure(status, v.details, v.ruleId);
}
