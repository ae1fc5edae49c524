/** FailJob: unknown job, another tenant's job, a job not activated or already failed, and variables. */
import { deviates, exp, otherTenantRule, pageRule } from '../build.js';
import type { Rule } from '../types.js';
import { variablesRules } from '../variables-rules.js';

const rpc = 'FailJob';
const status = 'FAILED_PRECONDITION';

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
    rpc, status, name: 'not-activated',
    bullets: ['The job was not activated.'],
    condition: '`jobKey` names an activatable job that no worker has activated (created by a process, never activated).',
    expect: deviates(exp(status), 'OK', 'the real gateway accepts failing an activatable (never activated) job'),
  }),
  pageRule({
    rpc, status, name: 'already-failed',
    bullets: ['The job is already in a failed state, i.e. ran out of retries.'],
    condition: '`jobKey` names a job already failed with `retries` 0 (an incident is open for it).',
  }),
  ...variablesRules({ rpc, field: 'variables' }),
];
