/** UpdateJobRetries: unknown job, another tenant's job, retries below 1. */
import { otherTenantRule, pageRule } from '../build.js';
import type { Rule } from '../types.js';

const rpc = 'UpdateJobRetries';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status: 'NOT_FOUND', name: 'no-such-job',
    bullets: ['No job exists with the given key.'],
    condition: '`jobKey` is on an existing partition but names no job; `retries` >= 1.',
  }),
  otherTenantRule(
    rpc, 'jobKey', 'job',
    'No job was found with the given key for the tenants the user is authorized to work with.',
  ),
  pageRule({
    rpc, status: 'INVALID_ARGUMENT', name: 'retries-below-1', layer: 'gateway',
    bullets: ['Retries is not greater than 0.'],
    condition: '`retries` is 0 or negative; `jobKey` names an existing job of the caller\'s tenants.',
    note:
      'With an unknown key as well, the answer depends on the version: 8.3/8.4 check retries first (INVALID_ARGUMENT), ' +
      'later versions answer NOT_FOUND first. The condition uses an existing job to stay unambiguous.',
  }),
];
