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
  NOT_IMPLEMENTED: 'UNIMPLEMENTED',
};

/** Maps a rejection to its status, with the real gateway's details text. */
export function rejectionToFailure(rejection: Rejection): Failure {
  const details =
    rejection.type === 'NOT_IMPLEMENTED'
      ? `Command for ${rejection.intent} not executed: ${rejection.reason}`
      : `Command '${rejection.intent}' rejected with code '${rejection.type}': ${rejection.reason}`;
  return failure(STATUS_OF[rejection.type], details, rejection.ruleId);
}
