/** DeleteResource: unknown resource, another tenant's resource, a process definition with running instances. */
import { otherTenantRule, pageRule } from '../build.js';
import type { Rule } from '../types.js';

const rpc = 'DeleteResource';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status: 'NOT_FOUND', name: 'no-such-resource',
    bullets: ['No resource exists with the given key.'],
    condition:
      '`resourceKey` names no process definition, decision requirements definition or form (never deployed, or ' +
      'already deleted).',
  }),
  otherTenantRule(
    rpc, 'resourceKey', 'resource',
    'No resource was found with the given key for the tenants the user is authorized to work with.',
  ),
  pageRule({
    rpc, status: 'FAILED_PRECONDITION', name: 'running-instances',
    bullets: [
      'The deleted resource is a process definition, and there are running instances for this process definition.',
    ],
    condition: '`resourceKey` names a process definition with at least one process instance still running.',
  }),
];
