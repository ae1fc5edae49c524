/** CancelProcessInstance: unknown instance, another tenant's instance, and (real gateway) a child instance. */
import { exp, otherTenantRule, pageRule, realRule } from '../build.js';
import type { Rule } from '../types.js';

const rpc = 'CancelProcessInstance';

export const rules: readonly Rule[] = [
  pageRule({
    rpc, status: 'NOT_FOUND', name: 'no-such-instance',
    bullets: [
      'No process instance exists with the given key. Note that since process instances are removed once they are finished, it could mean the instance did exist at some point.',
    ],
    condition:
      '`processInstanceKey` is on an existing partition but names no running process instance: never created, ' +
      'or already completed or cancelled.',
    note: 'Keys on a partition that does not exist are Gateway/NOT_FOUND/key-partition-unknown.',
  }),
  otherTenantRule(
    rpc, 'processInstanceKey', 'process instance',
    'No process instance exists with the given key for the tenants the user is authorized to work with.',
  ),
  realRule({
    rpc, segment: 'FAILED_PRECONDITION', name: 'child-instance', layer: 'engine',
    condition: '`processInstanceKey` names a running process instance that a call activity created (it has a parent).',
    expect: {
      documented: exp('OK', 'page is silent: it lists no error for cancelling a child instance'),
      'zeebe-8.5': exp('FAILED_PRECONDITION', 'the real gateway rejects it: "Cancel the root process instance ... instead"'),
    },
  }),
];
