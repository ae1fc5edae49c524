/** UpdateJobTimeout: unknown job, another tenant's job, a job that is not active (page: INVALID_STATE). */
import { both, otherTenantRule, pageRule } from '../build.js';
import type { Rule } from '../types.js';

const rpc = 'UpdateJobTimeout';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status: 'NOT_FOUND', name: 'no-such-job',
    bullets: ['No job exists with the given key.'],
    condition: '`jobKey` is on an existing partition but names no job: never created, or already completed.',
  }),
  otherTenantRule(
    rpc, 'jobKey', 'job',
    'No job was found with the given key for the tenants the user is authorized to work with.',
  ),
  pageRule({
    rpc, status: 'FAILED_PRECONDITION', heading: 'GRPC_STATUS_INVALID_STATE', name: 'job-not-active',
    bullets: ['The job is not active.'],
    condition:
      '`jobKey` names an existing job that is not activated: activatable (never activated, or its activation timed ' +
      'out), or failed.',
    expect: both(
      'FAILED_PRECONDITION',
      'INVALID_STATE is not a gRPC code; read as FAILED_PRECONDITION (the real gateway maps the broker\'s INVALID_STATE rejection to it)',
    ),
    note:
      'The page heading GRPC_STATUS_INVALID_STATE names no gRPC status. The real gateway never validates the ' +
      '`timeout` value itself (0 or negative accepted), so the catalogue has no timeout rule here.',
  }),
];
