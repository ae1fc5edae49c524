import { expectationOf, ruleById, type Profile } from '../../rules/index.js';
import type { Failure } from '../failure.js';
import { failure } from '../failure.js';
import type { Rejection, RejectionType } from '../state/machine.js';

/** The one table from the broker's rejection types to statuses (INVALID_STATE has no gRPC code of its own). */
const STATUS_OF: Readonly<Record<RejectionType, Failure['status']>> = {
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  NOT_FOUND: 'NOT_FOUND',
  ALREADY_EXISTS: 'ALREADY_EXISTS',
  INVALID_STATE: 'FAILED_PRECONDITION',
  PROCESSING_ERROR: 'INTERNAL',
  DEADLINE_EXCEEDED: 'DEADLINE_EXCEEDED',
  NOT_IMPLEMENTED: 'UNIMPLEMENTED',
};

/**
 * Maps a rejection to its status, with the real gateway's details text. A rejection that names a catalogue rule
 * takes the rule's status in the profile (they agree with the table unless the catalogue records a deviation).
 */
export function rejectionToFailure(rejection: Rejection, profile: Profile): Failure {
  const details =
    rejection.type === 'DEADLINE_EXCEEDED' ? rejection.reason
    : rejection.type === 'NOT_IMPLEMENTED' ? `Command for ${rejection.intent} not executed: ${rejection.reason}`
    : `Command '${rejection.intent}' rejected with code '${rejection.type}': ${rejection.reason}`;
  const rule = rejection.ruleId === undefined ? undefined : ruleById(rejection.ruleId);
  const expected = rule && expectationOf(rule, profile).status;
  const status = expected === undefined || expected === 'OK' ? STATUS_OF[rejection.type] : expected;
  return failure(status, details, rejection.ruleId);
}
