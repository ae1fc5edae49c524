import type { Enforcement } from './enforcement.js';
import { failure, type Failure } from './failure.js';

/** A request that breaks a catalogued rule: the rule id and the real gateway's wording. */
export interface Violation {
  readonly ruleId: string;
  readonly details: string;
}

/** Builds a violation. */
export const violation = (ruleId: string, details: string): Violation => ({ ruleId, details });

/**
 * Decides what a violation means, from the catalogue: a failure with the rule's status in the engine's profile,
 * or `undefined` where the profile accepts the request (a deviation kept as data, not as an `if`).
 */
export function decide(v: Violation, enforcement: Enforcement): Failure | undefined {
  const status = enforcement.statusOf(v.ruleId);
  return status === 'OK' ? undefined : failure(status, v.details, v.ruleId);
}
