/** ThrowError: unknown job, another tenant's job, a failed job, and (real gateway) variables. */
import { otherTenantRule, pageRule } from '../build.js';
import type { Rule } from '../types.js';
import { variablesRules } from '../variables-rules.js';

const rpc = 'ThrowError';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status: 'NOT_FOUND', name: 'no-such-job',
    bullets: ['No job was found with the given key.'],
    condition: '`jobKey` is on an existing partition but names no job: never created, or already completed.',
  }),
  otherTenantRule(
    rpc, 'jobKey', 'job',
    'No job was found with the given key for the tenants the user is authorized to work with.',
  ),
  pageRule({
    rpc, status: 'FAILED_PRECONDITION', name: 'already-failed',
    bullets: ['The job is already in a failed state, i.e. ran out of retries.'],
    condition: '`jobKey` names a job already failed with `retries` 0 (an incident is open for it); `errorCode` non-empty.',
  }),
  ...variablesRules({ rpc, field: 'variables' }),
];
