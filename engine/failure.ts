import type { StatusName } from '../rules/index.js';

/** Why a call did not succeed: a status name, the details text, and the rule that decided it (if any). */
export interface Failure {
  readonly status: Exclude<StatusName, 'OK'>;
  readonly details: string;
  readonly ruleId?: string;
}

/** Builds a failure, attaching the rule id only when there is one. */
export function failure(status: Failure['status'], details: string, ruleId?: string): Failure {
  return ruleId === undefined ? { status, details } : { status, details, ruleId };
}
