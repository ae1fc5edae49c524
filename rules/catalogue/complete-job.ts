/** CompleteJob: unknown job, another tenant's job, a failed job, (real gateway) an error-thrown job, variables. */
import { exp, otherTenantRule, pageRule, realRule } from '../build.js';
import type { Rule } from '../types.js';
import { variablesRules } from '../variables-rules.js';

const rpc = 'CompleteJob';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status: 'NOT_FOUND', name: 'no-such-job',
    bullets: [
      'No job exists with the given job key. Note that since jobs are removed once completed, it could be that this job did exist at some point.',
    ],
    condition: '`jobKey` is on an existing partition but names no job: never created, or already completed.',
  }),
  otherTenantRule(
    rpc, 'jobKey', 'job',
    'No job exists with the given job key for the tenants the user is authorized to work with.',
  ),
  pageRule({
    rpc, status: 'FAILED_PRECONDITION', name: 'job-failed',
    bullets: [
      'The job was marked as failed. In that case, the related [incident](/components/concepts/incidents.md) must be resolved before the job can be activated again and completed.',
    ],
    condition: '`jobKey` names a job that FailJob failed with `retries` 0 (an incident is open for it).',
    note:
      'The real gateway also rejects a job failed with retries left while its back-off runs; it accepts completing an ' +
      'activatable job that was never activated (the page is silent on that).',
  }),
  realRule({
    rpc, segment: 'FAILED_PRECONDITION', name: 'error-thrown', layer: 'engine',
    condition: '`jobKey` names a job for which ThrowError was called and no catch event matched (an incident is open).',
    expect: {
      documented: exp('OK', 'page is silent: it lists FAILED_PRECONDITION only for a failed job, not for an error-thrown one'),
      'zeebe-8.5': exp('FAILED_PRECONDITION', 'the real gateway rejects completing an ERROR_THROWN job'),
    },
  }),
  ...variablesRules({ rpc, field: 'variables' }),
];
